/**
 * The DeepSeek key, or a headers or client-options object that holds it, written
 * to a log (`console.*`, `logger.info`, pino, winston, bunyan, debug) or put into
 * an error message (which ends up in logs and error trackers).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule';
import { type Node, memberPath, unwrap } from '../src/analysis/ast';
import { type KeyReferences, keyReferencesOf } from '../src/analysis/key-references';
import type { DeepSeekAnalysis } from '../src/analysis/requests';
import { type HostOptions, analysisFor, hostOnlyOptions, fileMayTalkToDeepSeek } from '../src/rule-analysis';

type Options = [HostOptions];
type MessageIds = 'keyLogged' | 'keyInError';

/** Level methods of console-like loggers (pino, winston, bunyan, log4js, loglevel, consola, fastify's `log`). */
const LOG_METHODS = new Set([
  'log', 'trace', 'debug', 'info', 'warn', 'warning', 'error', 'fatal', 'verbose', 'silly', 'http', 'notice', 'critical', 'success',
]);
/** Objects that are loggers by name: `logger`, `this.logger`, `req.log`, `appLogger`. */
const LOGGER_NAME_PATTERN = /^(?:_?log|_?logger|[A-Za-z]*Logger|LOG|LOGGER)$/;
/** Calls that create a logger: `pino()`, `winston.createLogger()`, `bunyan.createLogger()`, `debug('app')`, `require('debug')('app')`. */
const LOGGER_FACTORY_PATTERN = /^(?:pino|createLogger|debug|createDebug|getLogger|consola|createConsola)$/;

export default createRule<Options, MessageIds>({
  name: 'no-api-key-logging',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow writing the DeepSeek API key to logs or error messages',
      recommended: true,
    },
    messages: {
      keyLogged:
        '{{sink}}(…) writes the DeepSeek API key to the log. Log whether the key is set, or a redacted form (sk-… and the last 4 characters), instead.',
      keyInError:
        'The DeepSeek API key is put into an error message, which ends up in logs and error trackers. Leave it out or redact it (sk-… and the last 4 characters).',
    },
    schema: hostOnlyOptions.schema,
    defaultOptions: hostOnlyOptions.defaults(),
  },
  defaultOptions: hostOnlyOptions.defaults(),
  create(context, [options]) {
    // No DeepSeek in the text: no listeners, so ESLint never calls this rule for the file.
    if (!fileMayTalkToDeepSeek(context, options)) return {};
    let analysis: DeepSeekAnalysis | undefined;
    let keys: KeyReferences | undefined;

    function firstCarrier(args: readonly TSESTree.CallExpressionArgument[]): Node | undefined {
      return args.find((argument) => keys!.carriesKey(argument));
    }

    return {
      Program() {
        analysis = analysisFor(context, options);
        keys = analysis.relevant ? keyReferencesOf(analysis) : undefined;
      },
      CallExpression(node: TSESTree.CallExpression) {
        if (!keys || node.arguments.length === 0) return;
        const sink = loggerSink(node, analysis!);
        const carrier = sink && firstCarrier(node.arguments);
        if (carrier) context.report({ node: carrier, messageId: 'keyLogged', data: { sink } });
      },
      NewExpression(node: TSESTree.NewExpression) {
        if (!keys) return;
        const name = memberPath(node.callee)?.at(-1);
        if (name === undefined || !/Error$/.test(name)) return;
        const carrier = firstCarrier(node.arguments);
        if (carrier) context.report({ node: carrier, messageId: 'keyInError' });
      },
    };
  },
});

/** The printed name of the logging call (`console.log`, `logger.info`, `debug`), or undefined when it is not one. */
function loggerSink(call: TSESTree.CallExpression, analysis: DeepSeekAnalysis): string | undefined {
  const path = memberPath(call.callee);
  if (!path) return undefined;
  const name = path.join('.');
  if (path[0] === 'console' && path.length === 2) return name;
  if (path.length === 1) return path[0] === 'debug' || isLoggerInstance(path[0], analysis) ? name : undefined;
  const method = path[path.length - 1];
  if (!LOG_METHODS.has(method)) return undefined;
  const owner = path[path.length - 2];
  if (LOGGER_NAME_PATTERN.test(owner)) return name;
  return path.length === 2 && isLoggerInstance(owner, analysis) ? name : undefined;
}

/** A variable initialised by a logger factory: `const log = pino()`, `const dbg = require('debug')('app')`. */
function isLoggerInstance(variable: string, analysis: DeepSeekAnalysis): boolean {
  let init = unwrap(analysis.declarationOf(variable));
  // require('debug')('app'): the factory is itself a call.
  while (init?.type === 'CallExpression' && init.callee.type === 'CallExpression') init = init.callee;
  if (init?.type !== 'CallExpression') return false;
  const callee = memberPath(init.callee);
  if (callee?.length === 1 && callee[0] === 'require') {
    const source = init.arguments[0];
    return source?.type === 'Literal' && source.value === 'debug';
  }
  const factory = callee?.at(-1);
  return factory !== undefined && LOGGER_FACTORY_PATTERN.test(factory);
}
