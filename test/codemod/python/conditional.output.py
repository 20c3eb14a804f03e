import anthropic
import requests
from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com")
claude_style = anthropic.Anthropic(base_url="https://api.deepseek.com/anthropic")


def ask(question, deep=False):
    return client.chat.completions.create(
        model="deepseek-v4-flash",
        messages=[{"role": "user", "content": question}],
        extra_body={"thinking": {"type": "enabled" if deep else "disabled"}},
    )


def draft(question, careful):
    return claude_style.messages.create(model=("deepseek-v4-flash"), max_tokens=512, messages=[], thinking={"type": "enabled", "budget_tokens": 1024} if careful else {"type": "disabled"})


def post(question, mode):
    body = {"model": "deepseek-v4-flash", "messages": [{"role": "user", "content": question}], "thinking": {"type": "disabled" if mode == "fast" else "enabled"}}
    return requests.post("https://api.deepseek.com/chat/completions", json=body)
