import os

from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com")

MODEL_FROM_ENV = os.getenv("CHAT_MODEL", "deepseek-chat")
FALLBACK = os.environ.get("CHAT_MODEL") or "deepseek-reasoner"

PRICES = {"deepseek-chat": 0.27}

retried = "deepseek-chat"
retried = "deepseek-reasoner"


def pick(model="deepseek-chat"):
    return send_somewhere(model)


def is_legacy(model):
    return model == "deepseek-reasoner"


def conditional(deep):
    return client.chat.completions.create(model="deepseek-reasoner" if deep else os.environ["OTHER_MODEL"], messages=[])


def forwarded(**options):
    return client.chat.completions.create(model="deepseek-chat", messages=[], **options)


def opaque_extra(extra):
    return client.chat.completions.create(model="deepseek-chat", messages=[], extra_body=extra)


def clash():
    return client.chat.completions.create(model="deepseek-chat", messages=[], extra_body={"thinking": {"type": "enabled"}})


LOGGED = "deepseek-chat"
print(LOGGED)
client.chat.completions.create(model=LOGGED, messages=[])

settings = {"model": "deepseek-chat", "retries": 3}
