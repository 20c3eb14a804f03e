/**
 * Where one file's code runs, browser or server, judged from the file alone (its
 * directives, imports, globals and path). Rules use it to report what matters only
 * in a browser: a `dangerouslyAllowBrowser: true` in a ts-node script or an Express
 * module ships no key to anyone.
 *
 * The signs are weighed in this order, and the first that is found decides:
 * 1. a `'use client'` or `'use server'` directive;
 * 2. certain server signs: a Node-only module or a server framework imported,
 *    `import 'server-only'`, Node-only globals (`__dirname`, `process.argv`), a `#!`
 *    line, a file that a framework runs only on the server (a Next.js `route.ts` or
 *    `middleware.ts`, anything under `pages/api/` or `app/api/`, Remix's `*.server.ts`,
 *    SvelteKit's `+server.ts`), or a test file;
 * 3. certain browser signs: a bundler-inlined env var read (`import.meta.env.VITE_*`,
 *    `process.env.NEXT_PUBLIC_*`, …), a browser-only global (`window`, `document`,
 *    `localStorage`, …), or a browser UI package imported (`react-dom`, `vue`, …);
 * 4. a server directory by convention: `server/`, `scripts/`, `bin/`;
 * 5. a front-end file by convention: a `.jsx`/`.tsx` file, or one under `components/`
 *    or `pages/`. (`app/` is not one: Next.js runs it on the server unless a file says
 *    'use client'.)
 * Undefined when nothing points either way, as in most library modules.
 */
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { publicEnvPrefixOf } from './deepseek';
import { type Node, literalText, memberName, propertyKeyName, unwrap, walk } from './analysis/ast';

export interface Runtime {
  readonly where: 'browser' | 'server';
  /** What gave it away, for a message: "'use client'", "reads import.meta.env.VITE_API_URL", "a .tsx file". */
  readonly sign: string;
}

type Scope = TSESLint.Scope.Scope;

/** Modules that bundlers do not give a browser build of (no polyfill, unlike `buffer`, `events` or `path`). */
const NODE_ONLY_MODULES = new Set(['fs', 'fs/promises', 'child_process', 'worker_threads', 'cluster', 'net', 'tls', 'dgram', 'readline', 'http2', 'vm', 'v8']);
/** Server frameworks, and the packages that mark a module as server-only; subpaths count too. */
const SERVER_PACKAGES = ['server-only', 'express', 'fastify', 'koa', '@hapi/hapi', '@nestjs/common', '@nestjs/core', 'hono', 'next/server'];
/** Packages that only render in a browser (or a mobile app, whose bundle is as readable). */
const BROWSER_PACKAGES = ['react-dom', 'react-native', 'vue', 'svelte', 'solid-js', 'preact', '@angular/core'];
const NODE_ONLY_GLOBALS = ['__dirname', '__filename'];
const BROWSER_ONLY_GLOBALS = ['window', 'document', 'localStorage', 'sessionStorage', 'location'];

export function runtimeOf(program: TSESTree.Program, text: string, file: string, globalScope: Scope | null): Runtime | undefined {
  const directive = directiveOf(program);
  if (directive === 'use client') return { where: 'browser', sign: "'use client'" };
  if (directive === 'use server') return { where: 'server', sign: "'use server'" };
  const segments = file.split(/[\\/]+/).filter((segment) => segment !== '' && segment !== '.');
  const facts = factsOf(program);
  const server =
    (facts.serverImport && `imports ${facts.serverImport}`) ||
    (facts.nodeGlobal && `uses ${facts.nodeGlobal}`) ||
    referencedGlobal(globalScope, NODE_ONLY_GLOBALS, 'uses ') ||
    (text.startsWith('#!') && 'a #! script') ||
    frameworkServerFile(segments) ||
    (isTestFile(segments) && 'a test file');
  if (server) return { where: 'server', sign: server };
  const browser =
    (facts.publicEnv && `reads ${facts.publicEnv}`) ||
    referencedGlobal(globalScope, BROWSER_ONLY_GLOBALS, 'uses ') ||
    (facts.browserImport && `imports ${facts.browserImport}`);
  if (browser) return { where: 'browser', sign: browser };
  const directories = segments.slice(0, -1);
  const serverDirectory = directories.find((name) => name === 'server' || name === 'scripts' || name === 'bin');
  if (serverDirectory) return { where: 'server', sign: `under ${serverDirectory}/` };
  const extension = path.extname(segments.at(-1) ?? '');
  if (extension === '.jsx' || extension === '.tsx') return { where: 'browser', sign: `a ${extension} file` };
  const frontEndDirectory = directories.find((name) => name === 'components' || name === 'pages');
  if (frontEndDirectory) return { where: 'browser', sign: `under ${frontEndDirectory}/` };
  return undefined;
}

/** The directive of the file's prologue ('use client', 'use server'), if any. */
export function directiveOf(program: TSESTree.Program): 'use client' | 'use server' | undefined {
  for (const statement of program.body) {
    if (statement.type !== 'ExpressionStatement' || statement.directive === undefined) return undefined;
    if (statement.directive === 'use client' || statement.directive === 'use server') return statement.directive;
  }
  return undefined;
}

/** `process.env` and `import.meta.env`. */
export function isEnvObject(node: Node): boolean {
  const current = unwrap(node);
  if (current?.type !== 'MemberExpression' || memberName(current) !== 'env') return false;
  const owner = unwrap(current.object);
  return (owner?.type === 'Identifier' && owner.name === 'process') || owner?.type === 'MetaProperty';
}

interface Facts {
  serverImport?: string;
  browserImport?: string;
  nodeGlobal?: string;
  publicEnv?: string;
}

/** One walk for what the file imports and reads (only run for the rare file that needs it). */
function factsOf(program: TSESTree.Program): Facts {
  const facts: Facts = {};
  const imported = (specifier: string | undefined): void => {
    if (specifier === undefined) return;
    if (!facts.serverImport && (specifier.startsWith('node:') || NODE_ONLY_MODULES.has(specifier) || isPackageIn(specifier, SERVER_PACKAGES))) {
      facts.serverImport = specifier;
    }
    if (!facts.browserImport && isPackageIn(specifier, BROWSER_PACKAGES)) facts.browserImport = specifier;
  };
  walk(program, (node) => {
    switch (node.type) {
      case 'ImportDeclaration':
      case 'ImportExpression':
        imported(literalText(node.source));
        break;
      case 'TSExternalModuleReference':
        // import fs = require('fs')
        imported(literalText(node.expression));
        break;
      case 'CallExpression':
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') imported(literalText(node.arguments[0]));
        break;
      case 'MemberExpression': {
        const object = unwrap(node.object);
        const name = memberName(node);
        if (object?.type === 'Identifier' && ((object.name === 'process' && name === 'argv') || (object.name === 'require' && name === 'main'))) {
          facts.nodeGlobal ??= `${object.name}.${name}`;
        } else if (!facts.publicEnv && isEnvObject(node.object) && name !== undefined && publicEnvPrefixOf(name)) {
          facts.publicEnv = `${envObjectText(node.object)}.${name}`;
        }
        break;
      }
      case 'VariableDeclarator':
        // const { VITE_API_URL } = import.meta.env
        if (!facts.publicEnv && node.id.type === 'ObjectPattern' && node.init && isEnvObject(node.init)) {
          for (const property of node.id.properties) {
            const name = property.type === 'Property' ? propertyKeyName(property) : undefined;
            if (name !== undefined && publicEnvPrefixOf(name)) {
              facts.publicEnv = `${envObjectText(node.init)}.${name}`;
              break;
            }
          }
        }
        break;
    }
  });
  return facts;
}

function envObjectText(node: Node): string {
  const current = unwrap(node);
  return current?.type === 'MemberExpression' && unwrap(current.object)?.type === 'MetaProperty' ? 'import.meta.env' : 'process.env';
}

function isPackageIn(specifier: string, packages: readonly string[]): boolean {
  return packages.some((name) => specifier === name || specifier.startsWith(`${name}/`));
}

/**
 * The first of `names` that the file uses without declaring it. ESLint leaves an unknown
 * global in the global scope's `through`; one that the config declares (`globals.browser`)
 * or that typescript-eslint knows from a `lib`, it resolves to a variable with no definition.
 */
function referencedGlobal(globalScope: Scope | null, names: readonly string[], prefix: string): string | undefined {
  if (!globalScope) return undefined;
  for (const name of names) {
    const variable = globalScope.set.get(name);
    const implicit = variable !== undefined && variable.defs.length === 0 && variable.references.length > 0;
    if (implicit || globalScope.through.some((reference) => reference.identifier.name === name)) return `${prefix}${name}`;
  }
  return undefined;
}

/** Files that the framework which owns them runs only on the server. */
function frameworkServerFile(segments: readonly string[]): string | undefined {
  const base = segments.at(-1) ?? '';
  // Next.js route handlers and middleware (not `route.tsx`: a Remix route module, which renders too).
  if (/^(?:route|middleware)\.[cm]?[jt]s$/.test(base)) return `a ${base} file`;
  // SvelteKit endpoints, and Remix/SvelteKit modules kept out of client bundles.
  if (/(?:^\+server|\.server)\.[cm]?[jt]sx?$/.test(base)) return `a ${base} file`;
  for (let i = 0; i < segments.length - 2; i++) {
    if ((segments[i] === 'pages' || segments[i] === 'app') && segments[i + 1] === 'api') return `under ${segments[i]}/api/`;
  }
  return undefined;
}

function isTestFile(segments: readonly string[]): boolean {
  const base = segments.at(-1) ?? '';
  return /\.(?:test|spec)\.[cm]?[jt]sx?$/.test(base) || segments.slice(0, -1).includes('__tests__');
}
