def build_request(question):
    return {"model": "deepseek-v4-flash", "messages": [{"role": "user", "content": question}], "thinking": {"type": "disabled"}}


def ask(client, question):
    return client.chat.completions.create(model="deepseek-v4-flash", messages=[{"role": "user", "content": question}], extra_body={"thinking": {"type": "enabled"}})
