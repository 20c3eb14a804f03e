import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/valid-base-url';
import { commonjs, esm } from '../helpers/languages';

const ruleTester = new RuleTester();
const openai = (baseURL: string) => `import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: ${baseURL}, apiKey: process.env.DEEPSEEK_API_KEY });`;
const anthropic = (baseURL: string) => `import Anthropic from '@anthropic-ai/sdk';\nconst client = new Anthropic({ baseURL: ${baseURL}, apiKey: process.env.DEEPSEEK_API_KEY });`;

ruleTester.run('valid-base-url', rule, {
  valid: [
    openai("'https://api.deepseek.com'"),
    openai("'https://api.deepseek.com/v1'"),
    openai("'https://api.deepseek.com/'"),
    anthropic("'https://api.deepseek.com/anthropic'"),
    // Other services, and DeepSeek-named settings whose value we cannot see.
    "import OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: 'http://localhost:11434/v1' });",
    "import OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: process.env.DEEPSEEK_BASE_URL });",
    "const link = 'https://chat.deepseek.com';",
    // A company gateway whose name merely contains deepseek.
    "import OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: 'https://deepseek.gateway.example.com/v1' });",
    // A listed gateway may be plain http and have its own paths.
    { code: "import OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: 'http://llm.internal/deepseek', apiKey: process.env.DEEPSEEK_API_KEY });", options: [{ extraHosts: ['llm.internal'] }] },
    { code: "const c = new OpenAI({ baseURL: 'https://api.deepseek.ai' });", options: [{ extraHosts: ['api.deepseek.ai'] }] },
    // The endpoint path belongs in a fetch URL, and in an axios instance's base URL it is fine.
    "await fetch('https://api.deepseek.com/chat/completions', { method: 'POST' });",
    "const http = axios.create({ baseURL: 'https://api.deepseek.com/chat/completions', headers: { Authorization: `Bearer ${process.env.DEEPSEEK_API_KEY}` } });",
    // @ai-sdk/anthropic appends /messages to a base that ends in /v1.
    "import { createAnthropic } from '@ai-sdk/anthropic';\nconst p = createAnthropic({ baseURL: 'https://api.deepseek.com/anthropic/v1', apiKey: process.env.DEEPSEEK_API_KEY });",
  ],
  invalid: [
    {
      code: openai("'http://api.deepseek.com'"),
      output: openai("'https://api.deepseek.com'"),
      errors: [{ messageId: 'insecureScheme', data: { url: 'http://api.deepseek.com' }, line: 2, column: 38 }],
    },
    {
      // JS, CommonJS; a same-file constant is fixed where it is written.
      code: "const OpenAI = require('openai');\nconst BASE = \"http://api.deepseek.com/v1\";\nconst client = new OpenAI({ baseURL: BASE, apiKey: process.env.DEEPSEEK_API_KEY });",
      output: "const OpenAI = require('openai');\nconst BASE = \"https://api.deepseek.com/v1\";\nconst client = new OpenAI({ baseURL: BASE, apiKey: process.env.DEEPSEEK_API_KEY });",
      languageOptions: commonjs,
      errors: [{ messageId: 'insecureScheme', line: 3, column: 38 }],
    },
    {
      code: openai("'https://api.deepseek.com/chat/completions'"),
      output: openai("'https://api.deepseek.com'"),
      errors: [{ messageId: 'endpointInBaseUrl', data: { url: 'https://api.deepseek.com/chat/completions', path: '/chat/completions', fixed: 'https://api.deepseek.com' } }],
    },
    {
      code: openai("'https://api.deepseek.com/v1/chat/completions/'"),
      output: openai("'https://api.deepseek.com'"),
      errors: [{ messageId: 'endpointInBaseUrl', data: { url: 'https://api.deepseek.com/v1/chat/completions/', path: '/v1/chat/completions/', fixed: 'https://api.deepseek.com' } }],
    },
    {
      code: anthropic("'https://api.deepseek.com/anthropic/v1/messages'"),
      output: anthropic("'https://api.deepseek.com/anthropic'"),
      errors: [{ messageId: 'endpointInBaseUrl', data: { url: 'https://api.deepseek.com/anthropic/v1/messages', path: '/v1/messages', fixed: 'https://api.deepseek.com/anthropic' } }],
    },
    {
      code: anthropic("'https://api.deepseek.com'"),
      output: anthropic("'https://api.deepseek.com/anthropic'"),
      errors: [{ messageId: 'missingAnthropicPath', data: { url: 'https://api.deepseek.com', expected: 'https://api.deepseek.com/anthropic' } }],
    },
    {
      code: anthropic("'https://api.deepseek.com/claude'"),
      errors: [
        {
          messageId: 'missingAnthropicPath',
          suggestions: [{ messageId: 'useUrl', data: { url: 'https://api.deepseek.com/anthropic' }, output: anthropic("'https://api.deepseek.com/anthropic'") }],
        },
      ],
    },
    {
      code: openai('`https://api.deepseek.com/anthropic`'),
      languageOptions: esm,
      errors: [
        {
          messageId: 'anthropicPathOnOpenAiClient',
          data: { url: 'https://api.deepseek.com/anthropic', expected: 'https://api.deepseek.com' },
          suggestions: [{ messageId: 'useUrl', output: openai('`https://api.deepseek.com`') }],
        },
      ],
    },
    {
      code: openai("'https://api.deepseek.com/v2'"),
      errors: [{ messageId: 'unknownPath', data: { url: 'https://api.deepseek.com/v2', expected: 'https://api.deepseek.com' }, suggestions: [{ messageId: 'useUrl', output: openai("'https://api.deepseek.com'") }] }],
    },
    {
      code: openai("'https://api.deepseek.ai'"),
      errors: [{ messageId: 'lookalikeHost', data: { host: 'api.deepseek.ai', apiHost: 'api.deepseek.com' }, suggestions: [{ messageId: 'useUrl', data: { url: 'https://api.deepseek.com' }, output: openai("'https://api.deepseek.com'") }] }],
    },
    {
      // Not recognised as DeepSeek by the analysis, so found through the base URL property itself.
      code: "import OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: 'https://deepseek.com/api', apiKey: process.env.KEY });",
      errors: [{ messageId: 'lookalikeHost', data: { host: 'deepseek.com', apiHost: 'api.deepseek.com' }, suggestions: [{ messageId: 'useUrl', output: "import OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.KEY });" }] }],
    },
    {
      code: "const c = new ChatOpenAI({ configuration: { baseURL: 'https://api-deepseek.com/anthropic' } });",
      errors: [{ messageId: 'lookalikeHost', data: { host: 'api-deepseek.com', apiHost: 'api.deepseek.com' }, suggestions: [{ messageId: 'useUrl', output: "const c = new ChatOpenAI({ configuration: { baseURL: 'https://api.deepseek.com/anthropic' } });" }] }],
    },
    {
      // Request URLs: the scheme is fixed, a look-alike host gets the real origin as a suggestion.
      code: "fetch('http://api.deepseek.com/chat/completions', { method: 'POST' });\naxios.post('https://api.deepsek.com/chat/completions', body);",
      output: "fetch('https://api.deepseek.com/chat/completions', { method: 'POST' });\naxios.post('https://api.deepsek.com/chat/completions', body);",
      errors: [
        { messageId: 'insecureScheme', line: 1 },
        {
          messageId: 'lookalikeHost',
          line: 2,
          data: { host: 'api.deepsek.com', apiHost: 'api.deepseek.com' },
          suggestions: [{ messageId: 'useUrl', data: { url: 'https://api.deepseek.com/chat/completions' }, output: "fetch('http://api.deepseek.com/chat/completions', { method: 'POST' });\naxios.post('https://api.deepseek.com/chat/completions', body);" }],
        },
      ],
    },
    {
      // AI SDK and LangChain clients speak the OpenAI format.
      code: "import { createDeepSeek } from '@ai-sdk/deepseek';\nimport { ChatDeepSeek } from '@langchain/deepseek';\nconst p = createDeepSeek({ baseURL: 'https://api.deepseek.com/chat/completions' });\nconst m = new ChatDeepSeek({ configuration: { baseURL: 'https://api.deepseek.com/anthropic' } });",
      output: "import { createDeepSeek } from '@ai-sdk/deepseek';\nimport { ChatDeepSeek } from '@langchain/deepseek';\nconst p = createDeepSeek({ baseURL: 'https://api.deepseek.com' });\nconst m = new ChatDeepSeek({ configuration: { baseURL: 'https://api.deepseek.com/anthropic' } });",
      errors: [
        { messageId: 'endpointInBaseUrl', line: 3 },
        { messageId: 'anthropicPathOnOpenAiClient', line: 4, suggestions: [{ messageId: 'useUrl', output: "import { createDeepSeek } from '@ai-sdk/deepseek';\nimport { ChatDeepSeek } from '@langchain/deepseek';\nconst p = createDeepSeek({ baseURL: 'https://api.deepseek.com/chat/completions' });\nconst m = new ChatDeepSeek({ configuration: { baseURL: 'https://api.deepseek.com' } });" }] },
      ],
    },
  ],
});
