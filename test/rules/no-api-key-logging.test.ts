import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-api-key-logging';
import { commonjs, esm } from '../helpers/languages';

const ruleTester = new RuleTester();

ruleTester.run('no-api-key-logging', rule, {
  valid: [
    // Whether the key is set, its length, a redacted tail: nothing secret.
    "console.log(process.env.DEEPSEEK_API_KEY ? 'DeepSeek key set' : 'DeepSeek key missing');",
    'console.log(Boolean(process.env.DEEPSEEK_API_KEY), process.env.DEEPSEEK_API_KEY.length);',
    'console.log(`key ends in ${process.env.DEEPSEEK_API_KEY.slice(-4)}`);',
    'logger.info({ key: redactKey(deepseekApiKey) });',
    "throw new Error('DEEPSEEK_API_KEY is not set');",
    // Other DeepSeek values and other services' keys.
    'console.log(process.env.DEEPSEEK_BASE_URL, deepseekTokens);',
    'console.log(process.env.OPENAI_API_KEY);',
    // Not a logger.
    'sendToServer(process.env.DEEPSEEK_API_KEY);',
    "const headers = { Authorization: `Bearer ${process.env.DEEPSEEK_API_KEY}` };\nfetch('https://api.deepseek.com/models', { headers });",
  ],
  invalid: [
    {
      code: 'console.log(process.env.DEEPSEEK_API_KEY);',
      errors: [{ messageId: 'keyLogged', data: { sink: 'console.log' }, line: 1, column: 13, endColumn: 41 }],
    },
    {
      code: "const apiKey = process.env.DEEPSEEK_API_KEY ?? '';\nconsole.debug('using key', `${apiKey}`);",
      errors: [{ messageId: 'keyLogged', data: { sink: 'console.debug' }, line: 2, column: 28 }],
    },
    {
      // A headers object holding the key, logged through a named logger (JS, ESM).
      code: "const headers = { Authorization: 'Bearer ' + process.env.DEEPSEEK_API_KEY };\nlogger.info({ headers }, 'calling DeepSeek');\nthis.logger.debug(JSON.stringify(headers));",
      languageOptions: esm,
      errors: [
        { messageId: 'keyLogged', data: { sink: 'logger.info' }, line: 2, column: 13 },
        { messageId: 'keyLogged', data: { sink: 'this.logger.debug' }, line: 3, column: 19 },
      ],
    },
    {
      // Client options: the key is the variable passed as a DeepSeek client's apiKey.
      code: "import OpenAI from 'openai';\nconst key = readSecret();\nconst options = { baseURL: 'https://api.deepseek.com', apiKey: key };\nconst client = new OpenAI(options);\nconsole.log('client options', options);",
      errors: [{ messageId: 'keyLogged', data: { sink: 'console.log' }, line: 5, column: 31 }],
    },
    {
      // pino, winston and debug instances (CommonJS).
      code: [
        "const pino = require('pino');",
        "const winston = require('winston');",
        'const out = pino();',
        'const audit = winston.createLogger({});',
        "const dbg = require('debug')('app:deepseek');",
        'out.info(process.env.DEEPSEEK_API_KEY);',
        'audit.warn(`key=${process.env.DEEPSEEK_API_KEY}`);',
        'dbg(process.env.DEEPSEEK_API_KEY);',
        'debug(new Headers({ Authorization: `Bearer ${deepseekApiKey}` }));',
      ].join('\n'),
      languageOptions: commonjs,
      errors: [
        { messageId: 'keyLogged', data: { sink: 'out.info' }, line: 6 },
        { messageId: 'keyLogged', data: { sink: 'audit.warn' }, line: 7 },
        { messageId: 'keyLogged', data: { sink: 'dbg' }, line: 8 },
        { messageId: 'keyLogged', data: { sink: 'debug' }, line: 9 },
      ],
    },
    {
      code: "const key = Deno.env.get('DEEPSEEK_API_KEY');\nif (!ok) throw new Error(`DeepSeek rejected key ${key}`);\nreject(new TypeError('bad key: ' + key.trim()));",
      errors: [
        { messageId: 'keyInError', line: 2, column: 26 },
        { messageId: 'keyInError', line: 3, column: 22 },
      ],
    },
  ],
});
