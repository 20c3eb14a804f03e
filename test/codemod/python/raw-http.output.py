import json
import os

import aiohttp
import httpx
import requests

BASE_URL = "https://api.deepseek.com"
HEADERS = {"Authorization": f"Bearer {os.environ['DEEPSEEK_API_KEY']}"}


def ask_requests(question):
    response = requests.post(
        f"{BASE_URL}/chat/completions",
        headers=HEADERS,
        json={
            "model": "deepseek-v4-flash",
            "messages": [{"role": "user", "content": question}],
            "thinking": {"type": "disabled"},
        },
        timeout=30,
    )
    return response.json()


def ask_httpx(question):
    payload = {"model": "deepseek-v4-flash", "messages": [{"role": "user", "content": question}], "thinking": {"type": "enabled"}}
    with httpx.Client() as http:
        return http.post(BASE_URL + "/chat/completions", headers=HEADERS, json=payload).json()


async def ask_aiohttp(question):
    async with aiohttp.ClientSession() as session:
        async with session.post(
            "https://api.deepseek.com/v1/chat/completions",
            headers=HEADERS,
            data=json.dumps({"model": "deepseek-v4-flash", "stream": False, "messages": [{"role": "user", "content": question}], "thinking": {"type": "disabled"}}),
        ) as response:
            return await response.json()


def ask_anthropic_surface(question):
    body = {
        "model": "deepseek-v4-flash",
        "max_tokens": 512,
        "messages": [{"role": "user", "content": question}],
        "thinking": {"type": "enabled", "budget_tokens": 1024}
    }
    return requests.post(f"{BASE_URL}/anthropic/v1/messages", headers={"x-api-key": os.environ["DEEPSEEK_API_KEY"]}, json=body)


def ask_step_by_step(question):
    body = {"messages": [{"role": "user", "content": question}]}
    body["model"] = "deepseek-v4-flash"
    body["thinking"] = {"type": "disabled"}
    body["stream"] = False
    return requests.request("POST", f"{BASE_URL}/chat/completions", headers=HEADERS, json=body)
