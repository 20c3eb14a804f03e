import OpenAI from 'openai';
import { DEEPSEEK_CONFIG } from '../consts';

const openai = new OpenAI(DEEPSEEK_CONFIG);

export async function summarise(text: string) {
  const completion = await openai.chat.completions.create({ model: 'deepseek-reasoner', messages: [{ role: 'user', content: text }] });
  return completion.choices[0]?.message.content ?? '';
}

// A label for the settings page, not a request.
export const MODEL_LABELS = { fast: 'Fast (deepseek-chat successor)' };
