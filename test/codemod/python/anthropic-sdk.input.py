import os

import anthropic

claude_style = anthropic.Anthropic(
    base_url="https://api.deepseek.com/anthropic",
    api_key=os.environ["DEEPSEEK_API_KEY"],
)


def draft(prompt):
    return claude_style.messages.create(
        model="deepseek-reasoner",
        max_tokens=2048,
        messages=[{"role": "user", "content": prompt}],
    )


def quick(prompt):
    with claude_style.messages.stream(model="deepseek-chat", max_tokens=256, messages=[{"role": "user", "content": prompt}]) as stream:
        return stream.get_final_text()
