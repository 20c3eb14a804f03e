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
            "model": "deepseek-chat",
            "messages": [{"role": "user", "content": question}],
        },
        timeout=30,
    )
    return response.json()


def ask_httpx(question):
    payload = {"model": "deepseek-reasoner", "messages": [{"role": "user", "content": question}]}
    with httpx.Client() as http:
        return http.post(BASE_URL + "/chat/completions", headers=HEADERS, json=payload).json()


async def ask_aiohttp(question):
    async with aiohttp.ClientSession() as session:
        async with session.post(
            "https://api.deepseek.com/v1/chat/completions",
            headers=HEADERS,
            data=json.dumps({"model": "deepseek-chat", "stream": False, "messages": [{"role": "user", "content": question}]}),
        ) as response:
            return await response.json()


def ask_anthropic_surface(question):
    body = {
        "model": "deepseek-reasoner",
        "max_tokens": 512,
        "messages": [{"role": "user", "content": question}]
    }
    return requests.post(f"{BASE_URL}/anthropic/v1/messages", headers={"x-api-key": os.environ["DEEPSEEK_API_KEY"]}, json=body)


def ask_step_by_step(question):
    body = {"messages": [{"role": "user", "content": question}]}
    body["model"] = "deepseek-chat"
    body["stream"] = False
    return requests.request("POST", f"{BASE_URL}/chat/completions", headers=HEADERS, json=body)
