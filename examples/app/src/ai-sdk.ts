import { deepseek } from '@ai-sdk/deepseek';
import { generateText } from 'ai';

export async function draftReply(prompt: string): Promise<string> {
  // Mistake: a retired model ID.
  const { text } = await generateText({ model: deepseek('deepseek-chat'), prompt });
  return text;
}
