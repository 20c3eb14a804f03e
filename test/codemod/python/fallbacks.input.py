from openai import OpenAI
client = OpenAI(base_url="https://api.deepseek.com")


def ask(question, model=None):
    return client.chat.completions.create(model=model or "deepseek-chat", messages=[])


class Bot:
    def __init__(self, model=None):
        self.model = model or "deepseek-reasoner"

    def run(self):
        return client.chat.completions.create(model=self.model, messages=[])
