"""The back end's DeepSeek calls."""
import os

import httpx
from openai import OpenAI

client = OpenAI(api_key=os.environ["DEEPSEEK_API_KEY"], base_url="https://api.deepseek.com")
REASONING_MODEL = "deepseek-reasoner"


def plan(task: str):
    return client.chat.completions.create(
        model=REASONING_MODEL,
        messages=[{"role": "user", "content": task}],
        reasoning_effort="high",
    )


def classify(text: str) -> dict:
    payload = {"model": "deepseek-chat", "messages": [{"role": "user", "content": text}], "temperature": 0}
    headers = {"Authorization": f"Bearer {os.environ['DEEPSEEK_API_KEY']}"}
    return httpx.post("https://api.deepseek.com/chat/completions", json=payload, headers=headers).json()
