/** Small source files for the CLI tests, with the exact migrated text the transform must produce. */
import { testKey } from '../helpers/keys';

export const KEY = testKey(42);

export const CLIENT_INPUT = `import OpenAI from "openai";

const deepseek = new OpenAI({ baseURL: "https://api.deepseek.com/v1", apiKey: process.env.DEEPSEEK_API_KEY });

export async function summarize(text) {
  const response = await deepseek.chat.completions.create({
    model: "deepseek-chat",
    messages: [{ role: "user", content: text }],
  });
  return response.choices[0].message.content;
}
`;

export function clientOutput(targetModel = 'deepseek-v4-flash'): string {
  return CLIENT_INPUT.replace('"deepseek-chat",', `"${targetModel}",`).replace(
    '    messages: [{ role: "user", content: text }],\n',
    '    messages: [{ role: "user", content: text }],\n    thinking: { type: "disabled" },\n',
  );
}

/** A fetch body whose diff context holds a key: --print must redact it. */
export const FETCH_INPUT = `const API_URL = 'https://api.deepseek.com/chat/completions';

export async function ask(prompt) {
  const response = await fetch(API_URL, {
    method: 'POST',
    headers: { Authorization: 'Bearer ${KEY}' },
    body: JSON.stringify({
      model: 'deepseek-reasoner',
      messages: [{ role: 'user', content: prompt }],
    }),
  });
  return response.json();
}
`;

export const FETCH_OUTPUT = FETCH_INPUT.replace("'deepseek-reasoner'", "'deepseek-v4-flash'").replace(
  "      messages: [{ role: 'user', content: prompt }],\n",
  "      messages: [{ role: 'user', content: prompt }],\n      thinking: { type: 'enabled' },\n",
);

/** Cannot be migrated with certainty: listed for review, never rewritten. */
export const REVIEW_INPUT = "export let m = 'deepseek-chat';\n";

/** Holds a legacy ID (so it is parsed) and a syntax error. */
export const BROKEN_INPUT = "const model = 'deepseek-chat' +;\n";

export const PLAIN_INPUT = 'export const answer = 42;\n';
