from langchain_deepseek import ChatDeepSeek
from langchain_openai import ChatOpenAI

planner = ChatDeepSeek(model="deepseek-v4-flash", temperature=0, extra_body={"thinking": {"type": "enabled"}})

writer = ChatOpenAI(
    model="deepseek-v4-flash",
    base_url="https://api.deepseek.com",
    extra_body={"user_tag": "writer", "thinking": {"type": "disabled"}},
)

reviewer = ChatOpenAI(model_name='deepseek-v4-flash', base_url='https://api.deepseek.com/v1', extra_body={'thinking': {'type': 'disabled'}})
