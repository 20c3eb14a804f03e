import type OpenAI from 'openai';
import { deepseek } from '../lib/client';
import { CHAT_MODEL, PRODUCT_NAME, REASONING_MODEL } from '../config';

export async function reply(messages: OpenAI.Chat.ChatCompletionMessageParam[]) {
  const completion = await deepseek.chat.completions.create({
    model: CHAT_MODEL,
    messages: [{ role: 'system', content: `You are ${PRODUCT_NAME}.` }, ...messages],
    ...({ thinking: { type: 'disabled' } } as object),
  });
  return completion.choices[0]?.message.content ?? '';
}

export async function solve(problem: string) {
  const completion = await deepseek.chat.completions.create({ model: REASONING_MODEL, messages: [{ role: 'user', content: problem }], ...({ thinking: { type: 'enabled' } } as object) });
  return completion.choices[0]?.message.content ?? '';
}
