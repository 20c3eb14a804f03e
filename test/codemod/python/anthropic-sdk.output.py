import os

import anthropic

claude_style = anthropic.Anthropic(
    base_url="https://api.deepseek.com/anthropic",
    api_key=os.environ["DEEPSEEK_API_KEY"],
)


def draft(prompt):
    return claude_style.messages.create(
        model="deepseek-v4-flash",
        max_tokens=2048,
        messages=[{"role": "user", "content": prompt}],
        thinking={"type": "enabled", "budget_tokens": 1024},
    )


def quick(prompt):
    with claude_style.messages.stream(model="deepseek-v4-flash", max_tokens=256, messages=[{"role": "user", "content": prompt}], thinking={"type": "disabled"}) as stream:
        return stream.get_final_text()
