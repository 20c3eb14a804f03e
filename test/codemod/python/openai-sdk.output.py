"""Support bot: asks DeepSeek through the official OpenAI SDK."""
import os

from openai import AsyncOpenAI, OpenAI

client = OpenAI(api_key=os.environ.get("DEEPSEEK_API_KEY"), base_url="https://api.deepseek.com")


def summarize(ticket: str) -> str:
    reply = client.chat.completions.create(
        model="deepseek-v4-flash",
        messages=[{"role": "user", "content": ticket}],
        temperature=0.2,
        extra_body={"thinking": {"type": "disabled"}},
    )
    return reply.choices[0].message.content


def triage(ticket):
    reply = client.chat.completions.create(
        model='deepseek-v4-flash',
        messages=[{'role': 'user', 'content': ticket}],  # no trailing comma here
        extra_body={'thinking': {'type': 'enabled'}}
    )
    return reply


def tagged(ticket):
    return client.chat.completions.create(model="deepseek-v4-flash", messages=[{"role": "user", "content": ticket}], extra_body={"user_tag": "bot", "thinking": {"type": "disabled"}})


async def stream(ticket):
    async_client = AsyncOpenAI(base_url="https://api.deepseek.com/v1")
    return await async_client.chat.completions.create(
        model="deepseek-v4-flash",
        stream=True,
        messages=[{"role": "user", "content": ticket}],
        extra_body={
            "user_tag": "stream",
            "thinking": {"type": "enabled"},
        },
    )


def already_flagged(ticket):
    return client.chat.completions.create(model="deepseek-v4-flash", messages=[], extra_body={"thinking": {"type": "disabled"}})
