from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com")


def ask(question, model="deepseek-v4-flash"):
    return client.chat.completions.create(model=model, messages=[{"role": "user", "content": question}], extra_body={"thinking": {"type": "disabled"}})


async def think(question: str, *, model: str = "deepseek-reasoner"):
    print("asking", model)
    return client.chat.completions.create(model=model, messages=[])
