from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com")


def ask(question):
	return client.chat.completions.create(
		model="deepseek-chat",
		messages=[{"role": "user", "content": question}]
	)
