/**
 * Source files planted in the temp projects. Keys are generated at run time
 * (test/helpers/keys.ts): no key-shaped literal is ever committed.
 */
import { testKey } from '../helpers/keys';

/** The key planted in every "bad" project; no tool output may contain it. */
export const PLANTED_KEY = testKey(4242);

/** TypeScript-only syntax (interface, annotations, `as`, generics): a JS parser fails on it. */
const TS_PRELUDE = `interface RetryPolicy {
  retries: number;
}
const policy: RetryPolicy = { retries: 2 } as RetryPolicy;
export function first<T>(items: readonly T[]): T | undefined {
  return items[0];
}
`;

export const CLEAN_TS = `import OpenAI from 'openai';

${TS_PRELUDE}
export const client = new OpenAI({ apiKey: process.env.DEEPSEEK_API_KEY, baseURL: 'https://api.deepseek.com' });

export async function ask(question: string): Promise<string | null> {
  const completion = await client.chat.completions.create({
    model: 'deepseek-v4-flash',
    messages: [{ role: 'user', content: question }],
  });
  return completion.choices[0]?.message.content ?? null;
}
`;

export const CLEAN_JS = `const OpenAI = require('openai');

const client = new OpenAI({ apiKey: process.env.DEEPSEEK_API_KEY, baseURL: 'https://api.deepseek.com' });
module.exports = { client };
`;

/** A hardcoded key in a TypeScript file: line 5. */
export const KEY_TS = `import OpenAI from 'openai';

${TS_PRELUDE}
export const client = new OpenAI({ apiKey: '${PLANTED_KEY}', baseURL: 'https://api.deepseek.com' });
`;
export const KEY_TS_LINE = KEY_TS.split('\n').findIndex((line) => line.includes(PLANTED_KEY)) + 1;

/** A retired model ID in a request: what `migrate --check` refuses. */
export const LEGACY_JS = `const OpenAI = require('openai');

const client = new OpenAI({ apiKey: process.env.DEEPSEEK_API_KEY, baseURL: 'https://api.deepseek.com' });

async function ask(question) {
  const completion = await client.chat.completions.create({
    model: 'deepseek-chat',
    messages: [{ role: 'user', content: question }],
  });
  return completion.choices[0].message.content;
}
module.exports = { ask };
`;

/** A Jupyter notebook (nbformat 4) with the key in a cell output, as a printed environment. */
function notebookWithKey(): string {
  const cell = {
    cell_type: 'code',
    execution_count: 1,
    metadata: {},
    outputs: [{ name: 'stdout', output_type: 'stream', text: [`DEEPSEEK_API_KEY=${PLANTED_KEY}\n`] }],
    source: ['!env | grep DEEPSEEK'],
  };
  return `${JSON.stringify({ cells: [cell], metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1)}\n`;
}

/** Files that are not JavaScript, each with the planted key: every one must fail a commit gate. */
export const KEY_TEXT_FILES: Readonly<Record<string, string>> = {
  '.env': `DEEPSEEK_BASE_URL=https://api.deepseek.com\nDEEPSEEK_API_KEY=${PLANTED_KEY}\n`,
  'ask.py': `from openai import OpenAI\n\nclient = OpenAI(api_key="${PLANTED_KEY}", base_url="https://api.deepseek.com")\n`,
  'explore.ipynb': notebookWithKey(),
  'config.json': `{\n  "deepseek": { "apiKey": "${PLANTED_KEY}" }\n}\n`,
  'values.yaml': `deepseek:\n  apiKey: ${PLANTED_KEY}\n`,
  'SETUP.md': `# Setup\n\n\`\`\`sh\nexport DEEPSEEK_API_KEY=${PLANTED_KEY}\n\`\`\`\n`,
};

/** Text files with placeholders only: a commit of them goes through. */
export const PLACEHOLDER_TEXT_FILES: Readonly<Record<string, string>> = {
  '.env.example': 'DEEPSEEK_API_KEY=sk-your-key-here\n',
  'NOTES.md': 'Set `DEEPSEEK_API_KEY` in `.env` (see `.env.example`).\n',
};
