import { QUICK_MODEL, llm } from '@acme/shared';

export async function answer(question: string) {
  const completion = await llm.chat.completions.create({ model: 'deepseek-v4-flash', messages: [{ role: 'user', content: question }], ...({ thinking: { type: 'disabled' } } as object) });
  return completion.choices[0]?.message.content ?? '';
}

export async function quickAnswer(question: string) {
  const completion = await llm.chat.completions.create({ model: QUICK_MODEL, messages: [{ role: 'user', content: question }], max_tokens: 200, ...({ thinking: { type: 'disabled' } } as object) });
  return completion.choices[0]?.message.content ?? '';
}
