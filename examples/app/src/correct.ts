// Everything here is right: the demo must not report any of it.
import OpenAI from 'openai';
import { deepseek } from '@ai-sdk/deepseek';
import { generateText } from 'ai';

const apiKey = process.env.DEEPSEEK_API_KEY;

export const client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey });

export async function classify(text: string): Promise<string> {
  const completion = await client.chat.completions.create({
    model: 'deepseek-v4-flash',
    messages: [{ role: 'user', content: `Label the sentiment of: ${text}` }],
    // Thinking is on by default on V4: say so explicitly when it is not wanted.
    ...{ thinking: { type: 'disabled' } },
  });
  return completion.choices[0]?.message.content ?? '';
}

export async function balance(): Promise<unknown> {
  const response = await fetch('https://api.deepseek.com/user/balance', {
    headers: { Authorization: `Bearer ${apiKey}` },
  });
  return response.json();
}

export async function reason(prompt: string): Promise<string> {
  const { text } = await generateText({
    model: deepseek('deepseek-v4-pro'),
    prompt,
    providerOptions: { deepseek: { thinking: { type: 'enabled' } } },
  });
  return text;
}

// Other services keep their own schemes: never reported.
export async function githubUser(token: string): Promise<unknown> {
  const response = await fetch('https://api.github.com/user', { headers: { Authorization: `token ${token}` } });
  return response.json();
}

// Prose mentioning deepseek-chat is fine, and so are placeholders such as 'sk-your-key-here'.
export const setupHint = 'Set DEEPSEEK_API_KEY; the old deepseek-chat name no longer works.';
