import { deepseek } from '@/lib/deepseekClient';

export async function chat(question: string) {
  const completion = await deepseek.chat.completions.create({
    model: 'deepseek-chat',
    messages: [{ role: 'user', content: question }],
  });
  return completion.choices[0]?.message.content ?? '';
}
