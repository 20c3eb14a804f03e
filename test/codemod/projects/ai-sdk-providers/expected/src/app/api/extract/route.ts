import { generateObject, generateText } from 'ai';
import { z } from 'zod';
import deepseek from '@/utils/deepseek';
import { ds } from '@/lib/ai';

export async function POST(request: Request) {
  const { text } = (await request.json()) as { text: string };
  const { object } = await generateObject({
    model: deepseek('deepseek-v4-flash'),
    schema: z.object({ title: z.string() }),
    prompt: `Extract a title from: ${text}`,
    providerOptions: { deepseek: { thinking: { type: 'disabled' } } },
  });
  const { text: critique } = await generateText({ model: ds('deepseek-v4-flash'), prompt: `Critique: ${object.title}`, providerOptions: { deepseek: { thinking: { type: 'enabled' } } } });
  return Response.json({ title: object.title, critique });
}
