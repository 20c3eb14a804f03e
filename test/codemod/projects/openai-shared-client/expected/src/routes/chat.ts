import { deepseek } from '@/lib/deepseekClient';

export async function chat(question: string) {
  const completion = await deepseek.chat.completions.create({
    model: 'deepseek-v4-flash',
    messages: [{ role: 'user', content: question }],
    ...({ thinking: { type: 'disabled' } } as object),
  });
  return completion.choices[0]?.message.content ?? '';
}
