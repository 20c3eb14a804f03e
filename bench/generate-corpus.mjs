/**
 * Corpus (a): a deterministic, generated TS/JS monorepo of realistic size.
 *
 * Same seed + same file count → byte-identical tree, so runs compare. Files are
 * 50–300 lines of ordinary application code (imports, types, classes, functions,
 * JSX components, comments). Under 1% of the files talk to DeepSeek, in the shapes
 * users write (openai SDK, fetch, AI SDK, LangChain), some still on legacy model IDs.
 * No key-shaped string is ever written: keys come from the environment.
 *
 *   node bench/generate-corpus.mjs <dir> [files=5000]
 */
import { mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

const GENERATOR_VERSION = 4;

/** mulberry32: tiny seeded PRNG, good enough to vary code shapes deterministically. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['user', 'order', 'invoice', 'cart', 'session', 'report', 'metric', 'widget', 'profile', 'account', 'payment',
  'ticket', 'message', 'channel', 'event', 'queue', 'cache', 'search', 'export', 'import', 'audit', 'team', 'project', 'task',
  'comment', 'upload', 'setting', 'billing', 'shipment', 'product', 'review', 'coupon', 'feature', 'flag', 'schedule'];
const VERBS = ['load', 'save', 'build', 'parse', 'format', 'validate', 'merge', 'compute', 'render', 'sync', 'fetch', 'resolve',
  'normalize', 'apply', 'collect', 'filter', 'group', 'sort', 'track', 'notify'];
const PACKAGES = ['react', 'lodash', 'zod', 'date-fns', 'axios', 'express', 'rxjs', 'immer', 'clsx', 'uuid'];
const DIRS = ['api', 'components', 'hooks', 'services', 'utils', 'models', 'store', 'pages', 'lib', 'features'];

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const cap = (word) => word[0].toUpperCase() + word.slice(1);
const int = (rand, lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

/** One ordinary source file: `kind` is 'ts' | 'tsx' | 'js' | 'jsx'. */
function ordinaryFile(rand, kind, index, siblings, lineRange) {
  const ts = kind === 'ts' || kind === 'tsx';
  const jsx = kind === 'tsx' || kind === 'jsx';
  const noun = pick(rand, WORDS);
  const Noun = cap(noun);
  const lines = [];
  const target = int(rand, lineRange[0], lineRange[1]);

  lines.push('/**', ` * ${Noun} helpers (${pick(rand, VERBS)}) for module ${index}.`, ' *', ` * Keeps the ${noun} state consistent across requests.`, ' */');
  const used = new Set();
  for (let i = int(rand, 1, 4); i > 0; i--) {
    const pkg = pick(rand, PACKAGES);
    if (used.has(pkg)) continue;
    used.add(pkg);
    lines.push(`import ${pkg.replace(/[^a-z]/g, '')}Lib from '${pkg}';`);
  }
  const imported = new Set([`${Noun}Service`]);
  for (const sibling of siblings) {
    // One binding per name: a second import of the same name is a syntax error for Babel.
    if (imported.has(sibling.symbol)) continue;
    imported.add(sibling.symbol);
    lines.push(`import { ${sibling.symbol} } from './${sibling.name}';`);
  }
  if (jsx) lines.push(`import * as React from 'react';`);
  lines.push('');

  if (ts) {
    lines.push(`export interface ${Noun}Record {`, '  id: string;', `  ${noun}Count: number;`, '  tags: readonly string[];', '  updatedAt?: Date;', '}', '');
    lines.push(`type ${Noun}Filter = Partial<Pick<${Noun}Record, 'id' | 'tags'>> & { limit?: number };`, '');
  }
  const T = ts ? `: ${Noun}Record` : '';
  const TA = ts ? `: ${Noun}Record[]` : '';

  lines.push(`const DEFAULT_${noun.toUpperCase()}_LIMIT = ${int(rand, 10, 500)};`, '');
  lines.push(`export class ${Noun}Service {`);
  lines.push(`  ${ts ? 'private readonly ' : ''}items${ts ? `: Map<string, ${Noun}Record>` : ''} = new Map();`, '');
  lines.push(`  constructor(${ts ? 'private readonly ' : ''}name${ts ? ': string' : ''}) {`, ts ? '' : '    this.name = name;', '  }', '');

  let fn = 0;
  while (lines.length < target - 20) {
    const verb = pick(rand, VERBS);
    const method = `${verb}${Noun}${fn++}`;
    const shape = int(rand, 0, 4);
    lines.push(`  // ${cap(verb)} ${noun} entries; ${pick(rand, ['cheap', 'called often', 'may throw', 'keeps order'])}.`);
    if (shape === 0) {
      lines.push(`  ${method}(records${TA})${ts ? ': number' : ''} {`, '    let total = 0;', '    for (const record of records) {',
        `      if (record.${noun}Count > ${int(rand, 0, 99)}) total += record.${noun}Count;`, '      else if (record.tags.length === 0) continue;',
        `      this.items.set(record.id, record);`, '    }', '    return total;', '  }', '');
    } else if (shape === 1) {
      lines.push(`  async ${method}(id${ts ? ': string' : ''})${ts ? `: Promise<${Noun}Record | undefined>` : ''} {`,
        '    const cached = this.items.get(id);', '    if (cached) return cached;', '    try {',
        `      const response = await fetch(\`/internal/${noun}s/\${encodeURIComponent(id)}\`);`,
        `      if (!response.ok) throw new Error(\`${noun} \${id}: \${response.status}\`);`,
        `      const body = (await response.json())${ts ? ` as ${Noun}Record` : ''};`, '      this.items.set(id, body);', '      return body;',
        '    } catch (error) {', `      console.warn('${method} failed', error);`, '      return undefined;', '    }', '  }', '');
    } else if (shape === 2) {
      lines.push(`  ${method}(filter${ts ? `: ${Noun}Filter` : ''} = {})${TA} {`, `    const limit = filter.limit ?? DEFAULT_${noun.toUpperCase()}_LIMIT;`,
        '    return [...this.items.values()]', '      .filter((item) => !filter.id || item.id === filter.id)',
        '      .filter((item) => !filter.tags || filter.tags.every((tag) => item.tags.includes(tag)))',
        `      .sort((a, b) => b.${noun}Count - a.${noun}Count)`, '      .slice(0, limit);', '  }', '');
    } else if (shape === 3) {
      lines.push(`  ${method}(record${T})${ts ? ': string' : ''} {`, '    switch (record.tags.length) {', "      case 0: return 'empty';",
        `      case 1: return \`single:\${record.tags[0]}\`;`, '      default:', `        return record.tags.map((tag, i) => \`\${i}=\${tag}\`).join('&');`, '    }', '  }', '');
    } else {
      lines.push(`  get ${method}()${ts ? ': number' : ''} {`, '    let sum = 0;', `    this.items.forEach((item) => { sum += item.${noun}Count; });`,
        '    return sum / Math.max(1, this.items.size);', '  }', '');
    }
  }
  lines.push('}', '');

  if (jsx) {
    lines.push(`export function ${Noun}List({ items, onSelect }${ts ? `: { items: ${Noun}Record[]; onSelect: (id: string) => void }` : ''}) {`,
      '  const [open, setOpen] = React.useState(false);', '  return (', `    <section className="${noun}-list">`,
      `      <h2 onClick={() => setOpen(!open)}>${Noun}s ({items.length})</h2>`, '      {open && (', '        <ul>',
      '          {items.map((item) => (', '            <li key={item.id} onClick={() => onSelect(item.id)}>',
      `              {item.id}: {item.${noun}Count}`, '            </li>', '          ))}', '        </ul>', '      )}', '    </section>', '  );', '}', '');
  }
  while (lines.length < target) {
    const name = `${pick(rand, VERBS)}${Noun}Helper${lines.length}`;
    lines.push(`export const ${name} = (value${ts ? ': number' : ''}) => value * ${int(rand, 2, 9)} + ${int(rand, 0, 99)};`);
  }
  lines.push(`export default ${Noun}Service;`, '');
  return { text: lines.join('\n'), symbol: `${Noun}Service` };
}

/** DeepSeek call sites in the shapes users write; `legacy` picks a retired model ID. */
function deepSeekSnippet(rand, ts, variant) {
  const legacy = variant % 3 !== 2;
  const model = legacy ? pick(rand, ['deepseek-chat', 'deepseek-reasoner']) : 'deepseek-v4-flash';
  const shape = variant % 4;
  if (shape === 0) {
    return ["import OpenAI from 'openai';", '',
      "const client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });", '',
      `export async function summarize(text${ts ? ': string' : ''}) {`, '  const completion = await client.chat.completions.create({',
      `    model: '${model}',`, "    messages: [{ role: 'user', content: `Summarize: ${text}` }],", '  });',
      '  return completion.choices[0].message.content;', '}', ''];
  }
  if (shape === 1) {
    return [`export async function ask(question${ts ? ': string' : ''}) {`, "  const response = await fetch('https://api.deepseek.com/chat/completions', {",
      "    method: 'POST',", '    headers: {', "      'Content-Type': 'application/json',",
      '      Authorization: `Bearer ${process.env.DEEPSEEK_API_KEY}`,', '    },',
      `    body: JSON.stringify({ model: '${model}', messages: [{ role: 'user', content: question }] }),`, '  });',
      '  return response.json();', '}', ''];
  }
  if (shape === 2) {
    return ["import { deepseek } from '@ai-sdk/deepseek';", "import { generateText } from 'ai';", '',
      `export async function draft(prompt${ts ? ': string' : ''}) {`, `  const { text } = await generateText({ model: deepseek('${model}'), prompt });`,
      '  return text;', '}', ''];
  }
  return ["import { ChatDeepSeek } from '@langchain/deepseek';", '',
    `export const chatModel = new ChatDeepSeek({ model: '${model}', temperature: 0, apiKey: process.env.DEEPSEEK_API_KEY });`, ''];
}

/** Lines per ordinary file, drawn uniformly: realistic module sizes. */
export const DEFAULT_LINE_RANGE = [50, 300];

/**
 * Write the corpus to `dir` (recreated). Returns { files, deepseekFiles, legacyFiles }.
 * A stamp file beside the tree makes a second call with the same parameters a no-op.
 * `lineRange` [min, max]: --quick uses more, smaller files, so that it keeps the
 * full corpus' share of DeepSeek files (under 1%) at about the same total size.
 */
export function generateCorpus(dir, fileCount = 5000, seed = 20260724, lineRange = DEFAULT_LINE_RANGE) {
  // The stamp sits beside the tree, so scans of the tree never see it.
  const stampPath = `${dir}.corpus.json`;
  const stamp = JSON.stringify({ GENERATOR_VERSION, fileCount, seed, lineRange });
  if (existsSync(stampPath)) {
    const previous = JSON.parse(readFileSync(stampPath, 'utf8'));
    const previousLines = previous.lineRange ?? DEFAULT_LINE_RANGE;
    if (JSON.stringify({ GENERATOR_VERSION: previous.GENERATOR_VERSION, fileCount: previous.fileCount, seed: previous.seed, lineRange: previousLines }) === stamp) return previous;
  }
  rmSync(dir, { recursive: true, force: true });
  const rand = prng(seed);
  // 0.8% of files: a few dozen at 5,000, at least 3 in tiny corpora.
  const deepseekEvery = Math.max(1, Math.floor(fileCount / Math.max(3, Math.round(fileCount * 0.008))));
  let deepseekFiles = 0;
  let legacyFiles = 0;
  let previousInDir = [];
  let lineTotal = 0;
  for (let index = 0; index < fileCount; index++) {
    const pkg = `pkg-${String(Math.floor(index / 250)).padStart(2, '0')}`;
    const sub = DIRS[Math.floor(index / 25) % DIRS.length];
    if (index % 25 === 0) previousInDir = [];
    const kind = pick(rand, ['ts', 'ts', 'ts', 'ts', 'ts', 'tsx', 'tsx', 'js', 'js', 'jsx']);
    const name = `${pick(rand, WORDS)}-${pick(rand, VERBS)}-${index}`;
    const siblings = previousInDir.slice(-int(rand, 0, 3));
    const file = ordinaryFile(rand, kind, index, siblings, lineRange);
    let text = file.text;
    if (index % deepseekEvery === Math.floor(deepseekEvery / 2)) {
      const snippet = deepSeekSnippet(rand, kind.startsWith('ts'), deepseekFiles);
      if (deepseekFiles % 3 !== 2) legacyFiles++;
      deepseekFiles++;
      // Call sites go after the imports, before the class, like a real module.
      const at = text.indexOf('\nconst DEFAULT_');
      text = `${text.slice(0, at)}\n${snippet.join('\n')}${text.slice(at)}`;
    }
    lineTotal += text.split('\n').length;
    const path = join(dir, pkg, 'src', sub, `${name}.${kind}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    previousInDir.push({ name, symbol: file.symbol });
  }
  const summary = { GENERATOR_VERSION, fileCount, seed, lineRange, deepseekFiles, legacyFiles, averageLines: Math.round(lineTotal / fileCount) };
  writeFileSync(stampPath, JSON.stringify(summary));
  return summary;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, count] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node bench/generate-corpus.mjs <dir> [files=5000]');
    process.exit(2);
  }
  console.log(JSON.stringify(generateCorpus(dir, Number(count ?? 5000))));
}
