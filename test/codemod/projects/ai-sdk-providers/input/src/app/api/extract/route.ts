import { generateObject, generateText } from 'ai';
import { z } from 'zod';
import deepseek from '@/utils/deepseek';
import { ds } from '@/lib/ai';

export async function POST(request: Request) {
  const { text } = (await request.json()) as { text: string };
  const { object } = await generateObject({
    model: deepseek('deepseek-chat'),
    schema: z.object({ title: z.string() }),
    prompt: `Extract a title from: ${text}`,
  });
  const { text: critique } = await generateText({ model: ds('deepseek-reasoner'), prompt: `Critique: ${object.title}` });
  return Response.json({ title: object.title, critique });
}
