import { llm } from '@acme/shared';

export async function answer(question: string) {
  const completion = await llm.chat.completions.create({ model: 'deepseek-v4-flash', messages: [{ role: 'user', content: question }], ...({ thinking: { type: 'disabled' } } as object) });
  return completion.choices[0]?.message.content ?? '';
}
