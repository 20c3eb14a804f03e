from typing import Literal

from openai import OpenAI

ChatModel = Literal["deepseek-chat", "deepseek-reasoner"]

client = OpenAI(base_url="https://api.deepseek.com")


def ask(question: str, model: Literal["deepseek-chat"] = "deepseek-chat"):
    return client.chat.completions.create(model=model, messages=[{"role": "user", "content": question}])
