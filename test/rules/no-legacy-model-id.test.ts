import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-legacy-model-id';

const ruleTester = new RuleTester();

const OPENAI_CLIENT = "import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });\n";
const OPENAI_CLIENT_CJS = "const OpenAI = require('openai');\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });\n";

const COMPARISON_REASON = 'compared with a legacy ID: after the migration no request sends it; compare with the new model and the thinking flag';

ruleTester.run('no-legacy-model-id', rule, {
  valid: [
    "const model = 'deepseek-v4-flash';",
    "const note = 'We moved off deepseek-chat last year.';",
    'const name = `deepseek-chat-${version}`;',
    '// deepseek-reasoner used to live here\nconst x = 1;',
    { code: "const m = 'deepseek-flash';", options: [{ targetModel: 'deepseek-flash' }] },
  ],
  invalid: [
    {
      // A type alone: reported with a suggestion, not fixed (no value here migrates).
      code: "type Legacy = 'deepseek-chat' | 'deepseek-reasoner';",
      errors: [
        {
          messageId: 'legacyModelType',
          data: { id: 'deepseek-chat', target: 'deepseek-v4-flash', thinking: 'disabled', reason: 'a TypeScript type names a legacy ID and no value of this file migrates: update the type with the values it describes' },
          suggestions: [{ messageId: 'replaceId', output: "type Legacy = 'deepseek-v4-flash' | 'deepseek-reasoner';" }],
        },
        {
          messageId: 'legacyModelType',
          suggestions: [{ messageId: 'replaceId', output: "type Legacy = 'deepseek-chat' | 'deepseek-v4-flash';" }],
        },
      ],
    },
    {
      // The type follows the value it describes: both are fixed, the union loses its duplicate.
      code: `${OPENAI_CLIENT}type ChatModel = 'deepseek-chat' | 'deepseek-reasoner';
const MODEL: ChatModel = 'deepseek-reasoner';
await client.chat.completions.create({ model: MODEL, messages: [] });
`,
      output: `${OPENAI_CLIENT}type ChatModel = 'deepseek-v4-flash';
const MODEL: ChatModel = 'deepseek-v4-flash';
await client.chat.completions.create({ model: MODEL, messages: [], ...({ thinking: { type: 'enabled' } } as object) });
`,
      errors: [{ messageId: 'legacyModelType', line: 3 }, { messageId: 'legacyModel', line: 4 }],
    },
    {
      // openai-node in TypeScript: the spread form type-checks against openai's types.
      code: `${OPENAI_CLIENT}await client.chat.completions.create({
  model: 'deepseek-chat',
  messages: [],
});
`,
      output: `${OPENAI_CLIENT}await client.chat.completions.create({
  model: 'deepseek-v4-flash',
  messages: [],
  ...({ thinking: { type: 'disabled' } } as object),
});
`,
      errors: [{ messageId: 'legacyModel', data: { id: 'deepseek-chat', target: 'deepseek-v4-flash', thinking: 'disabled' }, line: 4, column: 10 }],
    },
    {
      // JavaScript (ESM): a plain body property.
      code: `${OPENAI_CLIENT}await client.chat.completions.create({ model: "deepseek-reasoner", messages: [] });`,
      output: `${OPENAI_CLIENT}await client.chat.completions.create({ model: "deepseek-v4-flash", messages: [], thinking: { type: "enabled" } });`,
      filename: 'app.mjs',
      errors: [{ messageId: 'legacyModel', data: { id: 'deepseek-reasoner', target: 'deepseek-v4-flash', thinking: 'enabled' } }],
    },
    {
      // JavaScript (CommonJS) with a target model option.
      code: `${OPENAI_CLIENT_CJS}module.exports = () => client.chat.completions.create({\n\tmodel: 'deepseek-chat',\n\tmessages: []\n});\n`,
      output: `${OPENAI_CLIENT_CJS}module.exports = () => client.chat.completions.create({\n\tmodel: 'deepseek-v4-pro',\n\tmessages: [],\n\tthinking: { type: 'disabled' }\n});\n`,
      filename: 'app.cjs',
      languageOptions: { sourceType: 'commonjs' },
      options: [{ targetModel: 'deepseek-v4-pro' }],
      errors: [{ messageId: 'legacyModel', data: { id: 'deepseek-chat', target: 'deepseek-v4-pro', thinking: 'disabled' } }],
    },
    {
      // fetch with JSON.stringify, CRLF kept on the inserted line.
      code: "fetch('https://api.deepseek.com/chat/completions', {\r\n  body: JSON.stringify({\r\n    model: 'deepseek-chat',\r\n    messages,\r\n  }),\r\n});\r\n",
      output: "fetch('https://api.deepseek.com/chat/completions', {\r\n  body: JSON.stringify({\r\n    model: 'deepseek-v4-flash',\r\n    messages,\r\n    thinking: { type: 'disabled' },\r\n  }),\r\n});\r\n",
      filename: 'app.js',
      errors: [{ messageId: 'legacyModel', line: 3 }],
    },
    {
      // A conditional model: both IDs reported, one fix.
      code: `${OPENAI_CLIENT}client.chat.completions.create({ model: deep ? 'deepseek-reasoner' : 'deepseek-chat', messages: [] });`,
      output: `${OPENAI_CLIENT}client.chat.completions.create({ model: 'deepseek-v4-flash', messages: [], ...({ thinking: { type: deep ? 'enabled' : 'disabled' } } as object) });`,
      errors: [
        { messageId: 'legacyModel', data: { id: 'deepseek-reasoner', target: 'deepseek-v4-flash', thinking: 'enabled' } },
        { messageId: 'legacyModel', data: { id: 'deepseek-chat', target: 'deepseek-v4-flash', thinking: 'disabled' } },
      ],
    },
    {
      // Anthropic SDK on /anthropic: budget_tokens is required by the SDK's types.
      code: "import Anthropic from '@anthropic-ai/sdk';\nconst a = new Anthropic({ baseURL: 'https://api.deepseek.com/anthropic' });\na.messages.create({ model: 'deepseek-reasoner', max_tokens: 2048, messages: [] });",
      output:
        "import Anthropic from '@anthropic-ai/sdk';\nconst a = new Anthropic({ baseURL: 'https://api.deepseek.com/anthropic' });\na.messages.create({ model: 'deepseek-v4-flash', max_tokens: 2048, messages: [], thinking: { type: 'enabled', budget_tokens: 1024 } });",
      errors: [{ messageId: 'legacyModel' }],
    },
    {
      // Vercel AI SDK: merged into the existing providerOptions.
      code: "import { deepseek } from '@ai-sdk/deepseek';\nimport { generateText } from 'ai';\ngenerateText({ model: deepseek('deepseek-chat'), prompt, providerOptions: { deepseek: { reasoningEffort: 'low' } } });",
      output:
        "import { deepseek } from '@ai-sdk/deepseek';\nimport { generateText } from 'ai';\ngenerateText({ model: deepseek('deepseek-v4-flash'), prompt, providerOptions: { deepseek: { reasoningEffort: 'low', thinking: { type: 'disabled' } } } });",
      errors: [{ messageId: 'legacyModel' }],
    },
    {
      // LangChain: modelKwargs reaches the request body.
      code: "import { ChatDeepSeek } from '@langchain/deepseek';\nconst llm = new ChatDeepSeek({ model: 'deepseek-reasoner' });",
      output: "import { ChatDeepSeek } from '@langchain/deepseek';\nconst llm = new ChatDeepSeek({ model: 'deepseek-v4-flash', modelKwargs: { thinking: { type: 'enabled' } } });",
      errors: [{ messageId: 'legacyModel' }],
    },
    {
      // A constant used by a request: the constant changes, the flag goes to the request.
      code: `${OPENAI_CLIENT}const MODEL = 'deepseek-chat';\nclient.chat.completions.create({ model: MODEL, messages: [] });`,
      output: `${OPENAI_CLIENT}const MODEL = 'deepseek-v4-flash';\nclient.chat.completions.create({ model: MODEL, messages: [], ...({ thinking: { type: 'disabled' } } as object) });`,
      errors: [{ messageId: 'legacyModel', line: 3 }],
    },
    {
      // A shorthand `{ model }` leads back to its constant.
      code: `${OPENAI_CLIENT}const model = 'deepseek-reasoner';\nclient.chat.completions.create({ model, messages: [] });`,
      output: `${OPENAI_CLIENT}const model = 'deepseek-v4-flash';\nclient.chat.completions.create({ model, messages: [], ...({ thinking: { type: 'enabled' } } as object) });`,
      errors: [{ messageId: 'legacyModel', line: 3 }],
    },
    {
      // The flag is already there and agrees: only the ID changes.
      code: "fetch('https://api.deepseek.com/chat/completions', { body: JSON.stringify({ model: 'deepseek-chat', thinking: { type: 'disabled' } }) });",
      output: "fetch('https://api.deepseek.com/chat/completions', { body: JSON.stringify({ model: 'deepseek-v4-flash', thinking: { type: 'disabled' } }) });",
      filename: 'app.js',
      errors: [{ messageId: 'legacyModel' }],
    },
    {
      // A gateway listed in extraHosts is a DeepSeek request.
      code: "fetch('https://llm.internal/v1/chat/completions', { body: JSON.stringify({ model: 'deepseek-chat' }) });",
      output: "fetch('https://llm.internal/v1/chat/completions', { body: JSON.stringify({ model: 'deepseek-v4-flash', thinking: { type: 'disabled' } }) });",
      filename: 'app.js',
      options: [{ extraHosts: ['llm.internal'] }],
      errors: [{ messageId: 'legacyModel' }],
    },
    {
      // A comparison: no fix, a suggestion that only swaps the ID.
      code: "if (response.model === 'deepseek-reasoner') log();",
      output: null,
      filename: 'app.js',
      errors: [
        {
          messageId: 'legacyModelReview',
          data: { id: 'deepseek-reasoner', reason: COMPARISON_REASON },
          suggestions: [
            {
              messageId: 'replaceId',
              data: { target: 'deepseek-v4-flash', thinking: 'enabled' },
              output: "if (response.model === 'deepseek-v4-flash') log();",
            },
          ],
        },
      ],
    },
    {
      // The request already sets a different flag: never guess.
      code: "fetch('https://api.deepseek.com/chat/completions', { body: JSON.stringify({ model: 'deepseek-chat', thinking: { type: 'enabled' } }) });",
      output: null,
      filename: 'app.js',
      errors: [
        {
          messageId: 'legacyModelReview',
          data: {
            id: 'deepseek-chat',
            reason: "the request already sets `thinking` to { type: 'enabled' }, which conflicts with the legacy ID (thinking disabled): choose by hand",
          },
          suggestions: [
            {
              messageId: 'replaceId',
              output: "fetch('https://api.deepseek.com/chat/completions', { body: JSON.stringify({ model: 'deepseek-v4-flash', thinking: { type: 'enabled' } }) });",
            },
          ],
        },
      ],
    },
    {
      // A config object that is not a request in this file.
      code: 'export const settings = { model: `deepseek-chat`, retries: 2 };',
      output: null,
      errors: [
        {
          messageId: 'legacyModelReview',
          suggestions: [{ messageId: 'replaceId', output: 'export const settings = { model: `deepseek-v4-flash`, retries: 2 };' }],
        },
      ],
    },
    {
      // JSX: reported with a suggestion; the text child is prose and is not reported.
      code: 'const el = <option value="deepseek-chat">deepseek-chat</option>;',
      output: null,
      filename: 'app.jsx',
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      errors: [
        {
          messageId: 'legacyModelReview',
          column: 26,
          suggestions: [{ messageId: 'replaceId', output: 'const el = <option value="deepseek-v4-flash">deepseek-chat</option>;' }],
        },
      ],
    },
  ],
});
