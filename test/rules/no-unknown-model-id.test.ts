import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-unknown-model-id';
import { commonjs, esm } from '../helpers/languages';

const ruleTester = new RuleTester();
const KNOWN = 'deepseek-v4-flash, deepseek-v4-pro, deepseek-flash, deepseek-v4-flash-vision-exp';

const openaiClient = "import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });\n";

ruleTester.run('no-unknown-model-id', rule, {
  valid: [
    `${openaiClient}await client.chat.completions.create({ model: 'deepseek-v4-flash', messages });`,
    `${openaiClient}await client.chat.completions.create({ model: 'deepseek-v4-pro', messages });`,
    `${openaiClient}await client.chat.completions.create({ model: 'deepseek-flash', messages });`,
    `${openaiClient}await client.chat.completions.create({ model: 'deepseek-v4-flash-vision-exp', messages });`,
    // Legacy IDs are no-legacy-model-id's.
    `${openaiClient}await client.chat.completions.create({ model: 'deepseek-chat', messages });`,
    // Dynamic values are never guessed at.
    `${openaiClient}await client.chat.completions.create({ model: process.env.MODEL, messages });`,
    `${openaiClient}await client.chat.completions.create({ model: \`deepseek-\${size}\`, messages });`,
    // Not DeepSeek: OpenAI's own client.
    "import OpenAI from 'openai';\nconst openai = new OpenAI();\nawait openai.chat.completions.create({ model: 'gpt-4o', messages });",
    // Guessed destination: the base URL comes from a DeepSeek-named env var and may be a third-party host.
    "import OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: process.env.DEEPSEEK_BASE_URL });\nawait c.chat.completions.create({ model: 'deepseek-ai/DeepSeek-V3', messages });",
    // claude* names are mapped on the Anthropic surface.
    "import Anthropic from '@anthropic-ai/sdk';\nconst a = new Anthropic({ baseURL: 'https://api.deepseek.com/anthropic' });\nawait a.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 100, messages });",
    {
      code: `${openaiClient}await client.chat.completions.create({ model: 'deepseek-v5-flash', messages });`,
      options: [{ additionalModels: ['deepseek-v5-flash'] }],
    },
    {
      code: "await fetch('https://llm.example.com/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'ds-flash' }) });",
      options: [{ extraHosts: ['llm.example.com'], additionalModels: ['ds-flash'] }],
    },
    {
      code: "const { deepseek } = require('@ai-sdk/deepseek');\nconst { generateText } = require('ai');\ngenerateText({ model: deepseek('deepseek-v4-pro'), prompt });",
      languageOptions: commonjs,
    },
  ],
  invalid: [
    {
      code: `${openaiClient}await client.chat.completions.create({ model: 'deepseek-v4-flsh', messages });`,
      errors: [
        {
          messageId: 'unknownModel',
          data: { id: 'deepseek-v4-flsh', known: KNOWN },
          line: 3,
          column: 47,
          suggestions: [
            {
              messageId: 'useKnownModel',
              data: { suggested: 'deepseek-v4-flash' },
              output: `${openaiClient}await client.chat.completions.create({ model: 'deepseek-v4-flash', messages });`,
            },
          ],
        },
      ],
    },
    {
      // An invented ID, in plain JS (ESM).
      code: `${openaiClient}await client.chat.completions.create({ model: "deepseek-v4", messages });`,
      languageOptions: esm,
      errors: [
        {
          messageId: 'unknownModel',
          data: { id: 'deepseek-v4', known: KNOWN },
          suggestions: [
            { messageId: 'useKnownModel', data: { suggested: 'deepseek-v4-pro' }, output: `${openaiClient}await client.chat.completions.create({ model: "deepseek-v4-pro", messages });` },
          ],
        },
      ],
    },
    {
      // A same-file constant: the suggestion rewrites the constant.
      code: "const MODEL = 'deepseek-r1';\nfetch('https://api.deepseek.com/chat/completions', { method: 'POST', body: JSON.stringify({ model: MODEL, messages }) });",
      errors: [
        {
          messageId: 'unknownModel',
          data: { id: 'deepseek-r1', known: KNOWN },
          line: 2,
          column: 100,
          suggestions: [
            {
              messageId: 'useKnownModel',
              data: { suggested: 'deepseek-v4-pro' },
              output: "const MODEL = 'deepseek-v4-pro';\nfetch('https://api.deepseek.com/chat/completions', { method: 'POST', body: JSON.stringify({ model: MODEL, messages }) });",
            },
          ],
        },
      ],
    },
    {
      // AI SDK provider, CommonJS.
      code: "const { deepseek } = require('@ai-sdk/deepseek');\nconst { generateText } = require('ai');\ngenerateText({ model: deepseek('deepseek-v4-pr'), prompt });",
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'unknownModel',
          data: { id: 'deepseek-v4-pr', known: KNOWN },
          suggestions: [
            {
              messageId: 'useKnownModel',
              data: { suggested: 'deepseek-v4-pro' },
              output: "const { deepseek } = require('@ai-sdk/deepseek');\nconst { generateText } = require('ai');\ngenerateText({ model: deepseek('deepseek-v4-pro'), prompt });",
            },
          ],
        },
      ],
    },
    {
      // LangChain: fields object and the (model, fields) overload.
      code: "import { ChatDeepSeek } from '@langchain/deepseek';\nconst a = new ChatDeepSeek({ model: 'deepseek-v4-flash-vision' });\nconst b = new ChatDeepSeek(`deepseek-flsh`, { temperature: 0 });",
      errors: [
        {
          messageId: 'unknownModel',
          data: { id: 'deepseek-v4-flash-vision', known: KNOWN },
          line: 2,
          suggestions: [
            {
              messageId: 'useKnownModel',
              data: { suggested: 'deepseek-v4-flash-vision-exp' },
              output: "import { ChatDeepSeek } from '@langchain/deepseek';\nconst a = new ChatDeepSeek({ model: 'deepseek-v4-flash-vision-exp' });\nconst b = new ChatDeepSeek(`deepseek-flsh`, { temperature: 0 });",
            },
          ],
        },
        {
          messageId: 'unknownModel',
          data: { id: 'deepseek-flsh', known: KNOWN },
          line: 3,
          suggestions: [
            {
              messageId: 'useKnownModel',
              data: { suggested: 'deepseek-flash' },
              output: "import { ChatDeepSeek } from '@langchain/deepseek';\nconst a = new ChatDeepSeek({ model: 'deepseek-v4-flash-vision' });\nconst b = new ChatDeepSeek(`deepseek-flash`, { temperature: 0 });",
            },
          ],
        },
      ],
    },
    {
      // Non-claude names on the Anthropic surface are rejected (400).
      code: "import Anthropic from '@anthropic-ai/sdk';\nconst a = new Anthropic({ baseURL: 'https://api.deepseek.com/anthropic' });\nawait a.messages.create({ model: 'gpt-4o', max_tokens: 100, messages });",
      errors: [{ messageId: 'unknownModel', data: { id: 'gpt-4o', known: KNOWN }, suggestions: [{ messageId: 'useKnownModel', output: "import Anthropic from '@anthropic-ai/sdk';\nconst a = new Anthropic({ baseURL: 'https://api.deepseek.com/anthropic' });\nawait a.messages.create({ model: 'deepseek-v4-pro', max_tokens: 100, messages });" }] }],
    },
    {
      // A model built from parts whose text is known: reported, but no literal to rewrite.
      code: "const SIZE = 'huge';\nfetch('https://api.deepseek.com/chat/completions', { method: 'POST', body: JSON.stringify({ model: `deepseek-${SIZE}` }) });",
      errors: [{ messageId: 'unknownModel', data: { id: 'deepseek-huge', known: KNOWN }, suggestions: [] }],
    },
  ],
});
