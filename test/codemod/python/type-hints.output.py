from typing import Literal

from openai import OpenAI

ChatModel = Literal["deepseek-v4-flash"]

client = OpenAI(base_url="https://api.deepseek.com")


def ask(question: str, model: Literal["deepseek-v4-flash"] = "deepseek-v4-flash"):
    return client.chat.completions.create(model=model, messages=[{"role": "user", "content": question}], extra_body={"thinking": {"type": "disabled"}})
