import { llm } from '@acme/shared';

export async function answer(question: string) {
  const completion = await llm.chat.completions.create({ model: 'deepseek-chat', messages: [{ role: 'user', content: question }] });
  return completion.choices[0]?.message.content ?? '';
}
