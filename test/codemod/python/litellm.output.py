import litellm
from litellm import completion

# OpenRouter names models the same way; outside a litellm call this string is left alone.
OPENROUTER_MODEL = "deepseek/deepseek-chat"


def ask(question):
    return completion(model="deepseek/deepseek-v4-flash", messages=[{"role": "user", "content": question}], thinking={"type": "disabled"})


async def think(question):
    return await litellm.acompletion(
        model="deepseek/deepseek-v4-flash",
        messages=[{"role": "user", "content": question}],
        thinking={"type": "enabled"},
    )
