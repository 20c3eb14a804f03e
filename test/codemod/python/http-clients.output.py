import json

import httpx

API = httpx.Client(base_url="https://api.deepseek.com", timeout=30)


def ask(question):
    return API.post("/chat/completions", json=dict(model="deepseek-v4-flash", messages=[{"role": "user", "content": question}], thinking={"type": "disabled"}))


async def draft(question):
    async with httpx.AsyncClient(base_url="https://api.deepseek.com/anthropic") as http:
        payload = dict(
            model="deepseek-v4-flash",
            max_tokens=1024,
            messages=[{"role": "user", "content": question}],
            thinking={"type": "enabled", "budget_tokens": 1024},
        )
        response = await http.post("/v1/messages", content=json.dumps(payload))
        return response.json()
