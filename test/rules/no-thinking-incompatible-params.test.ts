import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-thinking-incompatible-params';
import { commonjs, esm } from '../helpers/languages';

const ruleTester = new RuleTester();
const client = "import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });\n";
const create = (body: string) => `${client}await client.chat.completions.create(${body});`;

ruleTester.run('no-thinking-incompatible-params', rule, {
  valid: [
    // Thinking disabled, in every SDK's form.
    create("{ model: 'deepseek-v4-flash', messages, temperature: 0.2, logprobs: true, ...{ thinking: { type: 'disabled' } } }"),
    create("{ model: 'deepseek-v4-flash', messages, temperature: 0.2, ...({ thinking: { type: 'disabled' } } as object) }"),
    create("{ model: 'deepseek-v4-flash', messages, temperature: 0.2, ...Object.assign({}, { thinking: { type: 'disabled' } }) }"),
    create("{ model: 'deepseek-v4-flash', messages, top_p: 0.9, thinking: { type: 'disabled' } }"),
    "import { ChatDeepSeek } from '@langchain/deepseek';\nconst m = new ChatDeepSeek({ model: 'deepseek-v4-pro', temperature: 0, modelKwargs: { thinking: { type: 'disabled' } } });",
    "import { deepseek } from '@ai-sdk/deepseek';\ngenerateText({ model: deepseek('deepseek-v4-flash'), temperature: 0, providerOptions: { deepseek: { thinking: { type: 'disabled' } } } });",
    // deepseek-chat never thinks.
    create("{ model: 'deepseek-chat', messages, temperature: 0.7 }"),
    // Unknown: a dynamic model, a dynamic flag, a spread that may set the flag.
    create('{ model: process.env.MODEL, messages, temperature: 0.7 }'),
    create("{ model: 'deepseek-v4-flash', messages, temperature: 0.7, thinking: { type: mode } }"),
    create("{ model: 'deepseek-v4-flash', messages, temperature: 0.7, ...extra }"),
    // The Anthropic surface without a flag: its default is not documented.
    "import Anthropic from '@anthropic-ai/sdk';\nconst a = new Anthropic({ baseURL: 'https://api.deepseek.com/anthropic' });\nawait a.messages.create({ model: 'deepseek-v4-flash', max_tokens: 100, temperature: 0.5, messages });",
    // Parameters thinking mode does not affect, and explicit undefined.
    create("{ model: 'deepseek-v4-flash', messages, max_tokens: 100, reasoning_effort: 'high', temperature: undefined }"),
    // Not DeepSeek.
    "import OpenAI from 'openai';\nconst o = new OpenAI();\nawait o.chat.completions.create({ model: 'o3', messages, temperature: 1 });",
    {
      code: create("{ model: 'deepseek-v4-flash', messages, temperature: 0.7 }"),
      options: [{ ignoredParams: 'off' }],
    },
  ],
  invalid: [
    {
      // The migration's flag for `// @ts-check` JavaScript is read through Object.assign, and rewritten in place.
      code: `// @ts-check\n${create("{ model: 'deepseek-v4-flash', messages, temperature: 0.7, ...Object.assign({}, { thinking: { type: 'enabled' } }) }")}`,
      filename: 'app.js',
      languageOptions: esm,
      errors: [
        {
          messageId: 'ignoredParam',
          data: { param: 'temperature', why: 'thinking.type is enabled' },
          suggestions: [
            { messageId: 'removeParam', output: `// @ts-check\n${create("{ model: 'deepseek-v4-flash', messages, ...Object.assign({}, { thinking: { type: 'enabled' } }) }")}` },
            { messageId: 'disableThinking', output: `// @ts-check\n${create("{ model: 'deepseek-v4-flash', messages, temperature: 0.7, ...Object.assign({}, { thinking: { type: 'disabled' } }) }")}` },
          ],
        },
      ],
    },
    {
      // openai-node in JavaScript that is not type-checked: the flag is a plain property; with @ts-check, the Object.assign form.
      code: create("{ model: 'deepseek-v4-flash', messages, temperature: 0.7 }"),
      filename: 'app.js',
      languageOptions: esm,
      errors: [
        {
          messageId: 'ignoredParam',
          suggestions: [
            { messageId: 'removeParam', output: create("{ model: 'deepseek-v4-flash', messages }") },
            { messageId: 'disableThinking', output: create("{ model: 'deepseek-v4-flash', messages, temperature: 0.7, thinking: { type: 'disabled' } }") },
          ],
        },
      ],
    },
    {
      code: `// @ts-check\n${create("{ model: 'deepseek-v4-flash', messages, temperature: 0.7 }")}`,
      filename: 'app.js',
      languageOptions: esm,
      errors: [
        {
          messageId: 'ignoredParam',
          suggestions: [
            { messageId: 'removeParam', output: `// @ts-check\n${create("{ model: 'deepseek-v4-flash', messages }")}` },
            { messageId: 'disableThinking', output: `// @ts-check\n${create("{ model: 'deepseek-v4-flash', messages, temperature: 0.7, ...Object.assign({}, { thinking: { type: 'disabled' } }) }")}` },
          ],
        },
      ],
    },
    {
      // V4 thinks by default: temperature is ignored.
      code: create("{ model: 'deepseek-v4-flash', messages, temperature: 0.7 }"),
      errors: [
        {
          messageId: 'ignoredParam',
          data: { param: 'temperature', why: 'deepseek-v4-flash thinks by default' },
          line: 3,
          column: 78,
          suggestions: [
            { messageId: 'removeParam', data: { param: 'temperature' }, output: create("{ model: 'deepseek-v4-flash', messages }") },
            { messageId: 'disableThinking', output: create("{ model: 'deepseek-v4-flash', messages, temperature: 0.7, ...({ thinking: { type: 'disabled' } } as object) }") },
          ],
        },
      ],
    },
    {
      // Explicitly enabled: logprobs are rejected, top_p ignored; ignoredParams 'off' keeps only the rejected one.
      code: create("{ model: 'deepseek-v4-pro', logprobs: true, top_p: 0.9, messages, thinking: { type: 'enabled' } }"),
      options: [{ ignoredParams: 'off' }],
      errors: [
        {
          messageId: 'rejectedParam',
          data: { param: 'logprobs', why: 'thinking.type is enabled' },
          suggestions: [
            { messageId: 'removeParam', output: create("{ model: 'deepseek-v4-pro', top_p: 0.9, messages, thinking: { type: 'enabled' } }") },
            { messageId: 'disableThinking', output: create("{ model: 'deepseek-v4-pro', logprobs: true, top_p: 0.9, messages, thinking: { type: 'disabled' } }") },
          ],
        },
      ],
    },
    {
      // fetch body in plain JS; the reasoner always thinks and gets no disable suggestion.
      code: "fetch('https://api.deepseek.com/chat/completions', {\n  method: 'POST',\n  body: JSON.stringify({\n    model: 'deepseek-reasoner',\n    messages,\n    top_logprobs: 5,\n    presence_penalty: 0.5\n  }),\n});",
      languageOptions: esm,
      errors: [
        {
          messageId: 'rejectedParam',
          data: { param: 'top_logprobs', why: 'deepseek-reasoner always thinks' },
          line: 6,
          suggestions: [{ messageId: 'removeParam', output: "fetch('https://api.deepseek.com/chat/completions', {\n  method: 'POST',\n  body: JSON.stringify({\n    model: 'deepseek-reasoner',\n    messages,\n    presence_penalty: 0.5\n  }),\n});" }],
        },
        {
          messageId: 'ignoredParam',
          data: { param: 'presence_penalty', why: 'deepseek-reasoner always thinks' },
          line: 7,
          suggestions: [{ messageId: 'removeParam', output: "fetch('https://api.deepseek.com/chat/completions', {\n  method: 'POST',\n  body: JSON.stringify({\n    model: 'deepseek-reasoner',\n    messages,\n    top_logprobs: 5\n  }),\n});" }],
        },
      ],
    },
    {
      // A plain-http body gets a plain thinking property.
      code: "axios.post('https://api.deepseek.com/chat/completions', { model: 'deepseek-flash', frequency_penalty: 1 });",
      errors: [
        {
          messageId: 'ignoredParam',
          data: { param: 'frequency_penalty', why: 'deepseek-flash thinks by default' },
          suggestions: [
            { messageId: 'removeParam', output: "axios.post('https://api.deepseek.com/chat/completions', { model: 'deepseek-flash' });" },
            { messageId: 'disableThinking', output: "axios.post('https://api.deepseek.com/chat/completions', { model: 'deepseek-flash', frequency_penalty: 1, thinking: { type: 'disabled' } });" },
          ],
        },
      ],
    },
    {
      // AI SDK camelCase options (CommonJS).
      code: "const { deepseek } = require('@ai-sdk/deepseek');\nconst { generateText } = require('ai');\ngenerateText({ model: deepseek('deepseek-v4-flash'), prompt, topP: 0.5 });",
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'ignoredParam',
          data: { param: 'topP', why: 'deepseek-v4-flash thinks by default' },
          suggestions: [
            { messageId: 'removeParam', output: "const { deepseek } = require('@ai-sdk/deepseek');\nconst { generateText } = require('ai');\ngenerateText({ model: deepseek('deepseek-v4-flash'), prompt });" },
            { messageId: 'disableThinking', output: "const { deepseek } = require('@ai-sdk/deepseek');\nconst { generateText } = require('ai');\ngenerateText({ model: deepseek('deepseek-v4-flash'), prompt, topP: 0.5, providerOptions: { deepseek: { thinking: { type: 'disabled' } } } });" },
          ],
        },
      ],
    },
    {
      // LangChain fields, both overloads.
      code: "import { ChatDeepSeek } from '@langchain/deepseek';\nconst a = new ChatDeepSeek({ model: 'deepseek-v4-pro', temperature: 0 });\nconst b = new ChatDeepSeek('deepseek-v4-pro', { presencePenalty: 1 });",
      errors: [
        {
          messageId: 'ignoredParam',
          data: { param: 'temperature', why: 'deepseek-v4-pro thinks by default' },
          line: 2,
          suggestions: [
            { messageId: 'removeParam', output: "import { ChatDeepSeek } from '@langchain/deepseek';\nconst a = new ChatDeepSeek({ model: 'deepseek-v4-pro' });\nconst b = new ChatDeepSeek('deepseek-v4-pro', { presencePenalty: 1 });" },
            { messageId: 'disableThinking', output: "import { ChatDeepSeek } from '@langchain/deepseek';\nconst a = new ChatDeepSeek({ model: 'deepseek-v4-pro', temperature: 0, modelKwargs: { thinking: { type: 'disabled' } } });\nconst b = new ChatDeepSeek('deepseek-v4-pro', { presencePenalty: 1 });" },
          ],
        },
        {
          messageId: 'ignoredParam',
          data: { param: 'presencePenalty', why: 'deepseek-v4-pro thinks by default' },
          line: 3,
          suggestions: [
            { messageId: 'removeParam', output: "import { ChatDeepSeek } from '@langchain/deepseek';\nconst a = new ChatDeepSeek({ model: 'deepseek-v4-pro', temperature: 0 });\nconst b = new ChatDeepSeek('deepseek-v4-pro', {});" },
            { messageId: 'disableThinking', output: "import { ChatDeepSeek } from '@langchain/deepseek';\nconst a = new ChatDeepSeek({ model: 'deepseek-v4-pro', temperature: 0 });\nconst b = new ChatDeepSeek('deepseek-v4-pro', { presencePenalty: 1, modelKwargs: { thinking: { type: 'disabled' } } });" },
          ],
        },
      ],
    },
    {
      // Anthropic SDK with thinking explicitly enabled: the budget goes with it.
      code: "import Anthropic from '@anthropic-ai/sdk';\nconst a = new Anthropic({ baseURL: 'https://api.deepseek.com/anthropic' });\nawait a.messages.create({ model: 'deepseek-v4-pro', max_tokens: 4096, temperature: 1, thinking: { type: 'enabled', budget_tokens: 1024 }, messages });",
      errors: [
        {
          messageId: 'ignoredParam',
          data: { param: 'temperature', why: 'thinking.type is enabled' },
          suggestions: [
            { messageId: 'removeParam', output: "import Anthropic from '@anthropic-ai/sdk';\nconst a = new Anthropic({ baseURL: 'https://api.deepseek.com/anthropic' });\nawait a.messages.create({ model: 'deepseek-v4-pro', max_tokens: 4096, thinking: { type: 'enabled', budget_tokens: 1024 }, messages });" },
            { messageId: 'disableThinking', output: "import Anthropic from '@anthropic-ai/sdk';\nconst a = new Anthropic({ baseURL: 'https://api.deepseek.com/anthropic' });\nawait a.messages.create({ model: 'deepseek-v4-pro', max_tokens: 4096, temperature: 1, thinking: { type: 'disabled' }, messages });" },
          ],
        },
      ],
    },
  ],
});
