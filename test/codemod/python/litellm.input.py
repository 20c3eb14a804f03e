import litellm
from litellm import completion

# OpenRouter names models the same way; outside a litellm call this string is left alone.
OPENROUTER_MODEL = "deepseek/deepseek-chat"


def ask(question):
    return completion(model="deepseek/deepseek-chat", messages=[{"role": "user", "content": question}])


async def think(question):
    return await litellm.acompletion(
        model="deepseek/deepseek-reasoner",
        messages=[{"role": "user", "content": question}],
    )
