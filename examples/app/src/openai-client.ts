import OpenAI from 'openai';

// Mistake: a key committed with the code (a dummy value shaped like a real one).
export const deepseek = new OpenAI({
  baseURL: 'https://api.deepseek.com',
  apiKey: process.env.DEEPSEEK_API_KEY ?? 'sk-deadbeefdeadbeefcafebabecafebabe',
});

export async function summarize(text: string): Promise<string> {
  const completion = await deepseek.chat.completions.create({
    // Mistake: a retired model ID.
    model: 'deepseek-chat',
    messages: [
      { role: 'system', content: 'Summarize the text in one sentence.' },
      { role: 'user', content: text },
    ],
  });
  return completion.choices[0]?.message.content ?? '';
}
