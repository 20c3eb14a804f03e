from typing import Literal, TypedDict


class Settings(TypedDict):
    model: Literal["deepseek-chat", "deepseek-v4-pro"]
