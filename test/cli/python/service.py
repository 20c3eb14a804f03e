import os

import requests
from anthropic import Anthropic
from langchain_deepseek import ChatDeepSeek
from openai import OpenAI

KEY = os.environ["DEEPSEEK_API_KEY"]
openai_style = OpenAI(base_url="https://api.deepseek.com/chat/completions", api_key=KEY)
anthropic_style = Anthropic(base_url="https://api.deepseek.com", api_key=KEY)
lookalike = OpenAI(base_url="https://api.deepseek.ai")


def ask(question):
    openai_style.chat.completions.create(model="deepseek-v4-turbo", messages=[])
    anthropic_style.messages.create(model="claude-sonnet-4", max_tokens=64, messages=[])
    ChatDeepSeek(model="deepseek-v4-pro")
    requests.post("http://api.deepseek.com/chat/completions", headers={"Authorization": KEY}, json={"model": "deepseek-chat", "messages": []})


def ask_with_wrong_auth(question):
    headers = {"X-API-Key": KEY, "Authorization": f"bearer {KEY}"}
    return requests.post("https://api.deepseek.com/chat/completions?api_key=unused", headers=headers, json={"model": "deepseek-v4-flash"})


def elsewhere(question):
    # Another provider: its model names and headers are not DeepSeek's business.
    other = OpenAI(base_url="https://api.example.com/v1")
    other.chat.completions.create(model="gpt-4o", messages=[])
    return requests.post("https://api.example.com/v1/chat", headers={"X-API-Key": KEY}, json={"model": "other"})
