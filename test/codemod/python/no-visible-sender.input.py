def build_request(question):
    return {"model": "deepseek-chat", "messages": [{"role": "user", "content": question}]}


def ask(client, question):
    return client.chat.completions.create(model="deepseek-reasoner", messages=[{"role": "user", "content": question}])
