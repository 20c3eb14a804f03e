import os

import requests
from openai import OpenAI

API_ROOT = "https://api.deepseek.com"
CHAT_URL = f"{API_ROOT}/chat/completions"
DEFAULT_MODEL = "deepseek-chat"

client = OpenAI(base_url=API_ROOT, api_key=os.environ["DEEPSEEK_API_KEY"])


def answer(question):
    return client.chat.completions.create(model=DEFAULT_MODEL, messages=[{"role": "user", "content": question}])


def answer_again(question):
    body = {"model": DEFAULT_MODEL, "messages": [{"role": "user", "content": question}]}
    return requests.post(CHAT_URL, json=body, timeout=10)


class Researcher:
    MODEL = "deepseek-reasoner"

    def __init__(self):
        self.client = OpenAI(base_url=API_ROOT)

    def research(self, topic):
        return self.client.chat.completions.create(
            model=self.MODEL,
            messages=[{"role": "user", "content": topic}],
        )


class Summarizer:
    def __init__(self):
        self.model = "deepseek-chat"

    def summarize(self, text):
        return client.chat.completions.create(model=self.model, messages=[{"role": "user", "content": text}])


def spread_body(question):
    request = {"model": "deepseek-reasoner", "messages": [{"role": "user", "content": question}]}
    return client.chat.completions.create(**request)
