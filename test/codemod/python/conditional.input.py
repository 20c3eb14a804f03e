import anthropic
import requests
from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com")
claude_style = anthropic.Anthropic(base_url="https://api.deepseek.com/anthropic")


def ask(question, deep=False):
    return client.chat.completions.create(
        model="deepseek-reasoner" if deep else "deepseek-chat",
        messages=[{"role": "user", "content": question}],
    )


def draft(question, careful):
    return claude_style.messages.create(model=("deepseek-reasoner" if careful else 'deepseek-chat'), max_tokens=512, messages=[])


def post(question, mode):
    body = {"model": "deepseek-chat" if mode == "fast" else "deepseek-reasoner", "messages": [{"role": "user", "content": question}]}
    return requests.post("https://api.deepseek.com/chat/completions", json=body)
