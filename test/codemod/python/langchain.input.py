from langchain_deepseek import ChatDeepSeek
from langchain_openai import ChatOpenAI

planner = ChatDeepSeek(model="deepseek-reasoner", temperature=0)

writer = ChatOpenAI(
    model="deepseek-chat",
    base_url="https://api.deepseek.com",
    extra_body={"user_tag": "writer"},
)

reviewer = ChatOpenAI(model_name='deepseek-chat', base_url='https://api.deepseek.com/v1')
