from openai import OpenAI
client = OpenAI(base_url="https://api.deepseek.com")


def ask(question, model=None):
    return client.chat.completions.create(model=model or "deepseek-v4-flash", messages=[], extra_body={"thinking": {"type": "disabled"}})


class Bot:
    def __init__(self, model=None):
        self.model = model or "deepseek-v4-flash"

    def run(self):
        return client.chat.completions.create(model=self.model, messages=[], extra_body={"thinking": {"type": "enabled"}})
