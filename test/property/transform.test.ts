/**
 * The migration transform on generated programs: random mixes of request
 * shapes, quote characters, comments, indentation, trailing commas and CRLF.
 * For every program: the output parses, a second pass changes nothing, every
 * request shape lost its legacy ID, and everything outside the migrated
 * statements is byte-for-byte what it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrateSource } from '../../codemods/transform';
import { LEGACY_MODEL_TEXT_PATTERN } from '../../src/deepseek';
import { parseProgram } from '../../src/parse';

interface Style {
  readonly q: string;
  readonly nl: string;
  readonly indent: string;
  /** ',' or '' after the last property of a multi-line object. */
  readonly comma: string;
}

interface Segment {
  readonly text: string;
  /** 'migrate': must change and lose its legacy ID; 'keep': must come out byte-identical. */
  readonly kind: 'migrate' | 'keep';
}

type Shape = (id: string, n: number, s: Style) => Segment;

const LEGACY_IDS = ['deepseek-chat', 'deepseek-reasoner'];

const migrate = (text: string): Segment => ({ text, kind: 'migrate' });
const keep = (text: string): Segment => ({ text, kind: 'keep' });

/** Request shapes the codemod must migrate (id is a legacy ID). */
const migratable: Shape[] = [
  (id, n, { q, indent: i }) => migrate(`${i}await client.chat.completions.create({ model: ${q}${id}${q}, messages: [], user: ${q}m${n}${q} });`),
  (id, n, { q, nl, indent: i }) =>
    migrate(`${i}await client.chat.completions.create({${nl}${i}  model: ${q}${id}${q},${nl}${i}  messages: [] // m${n}${nl}${i}});`),
  (id, n, { q, nl, indent: i, comma }) =>
    migrate(`${i}await client.chat.completions.create({${nl}${i}  model: ${q}${id}${q},${nl}${i}  messages: []${comma}${nl}${i}}); // m${n}`),
  (id, n, { q, indent: i }) =>
    migrate(`${i}await fetch(${q}https://api.deepseek.com/chat/completions${q}, { method: ${q}POST${q}, body: JSON.stringify({ model: ${q}${id}${q}, messages: [] }) }); // m${n}`),
  (id, n, { q, nl, indent: i, comma }) =>
    migrate(`${i}await axios.post(${q}https://api.deepseek.com/chat/completions${q}, {${nl}${i}  model: ${q}${id}${q},${nl}${i}  messages: []${comma}${nl}${i}}); // m${n}`),
  (id, n, { q, indent: i }) => migrate(`${i}await generateText({ model: deepseek(${q}${id}${q}), prompt: ${q}m${n}${q} });`),
  (id, n, { q, indent: i }) => migrate(`${i}const chat${n} = new ChatDeepSeek({ model: ${q}${id}${q} });`),
  (_id, n, { q, indent: i }) =>
    migrate(`${i}await client.chat.completions.create({ model: deep ? ${q}deepseek-reasoner${q} : ${q}deepseek-chat${q}, messages: [], user: ${q}m${n}${q} });`),
  (id, n, { q, nl, indent: i }) =>
    migrate(`${i}const MODEL_${n} = ${q}${id}${q};${nl}${i}await client.chat.completions.create({ model: MODEL_${n}, messages: [] });`),
  (id, n, { q, indent: i }) => {
    const type = id === 'deepseek-chat' ? 'disabled' : 'enabled';
    return migrate(`${i}await axios.post(${q}https://api.deepseek.com/chat/completions${q}, { model: ${q}${id}${q}, thinking: { type: ${q}${type}${q} }, messages: [] }); // m${n}`);
  },
];

/** Statements the codemod must leave alone: prose, current IDs, comparisons, unrelated code. */
const untouched: Shape[] = [
  (id, n, { indent: i }) => keep(`${i}// k${n}: we moved off ${id} last year`),
  (id, n, { indent: i }) => keep(`${i}/* k${n} ${id} */`),
  (_id, n, { q, indent: i }) => keep(`${i}const text${n} = ${q}k${n}${q};`),
  (id, n, { q, indent: i }) => keep(`${i}console.log(${q}k${n}: ${id} is retired${q});`),
  (_id, n, { q, indent: i }) => keep(`${i}await client.chat.completions.create({ model: ${q}deepseek-v4-pro${q}, messages: [], user: ${q}k${n}${q} });`),
  (id, n, { q, indent: i }) => keep(`${i}if (process.env.K${n} === ${q}${id}${q}) console.log(${n});`),
];

const style = fc.record({
  q: fc.constantFrom("'", '"', '`'),
  nl: fc.constantFrom('\n', '\r\n'),
  indent: fc.constantFrom('  ', '    ', '\t'),
  comma: fc.constantFrom(',', ''),
});

const generatedProgram = fc
  .record({
    style,
    extension: fc.constantFrom('ts', 'js', 'mjs'),
    statements: fc.array(
      fc.tuple(fc.boolean(), fc.nat({ max: 100 }), fc.constantFrom(...LEGACY_IDS)),
      { minLength: 1, maxLength: 8 },
    ),
  })
  .map(({ style: s, extension, statements }) => {
    const { q, nl } = s;
    const iq = q === '`' ? "'" : q; // module specifiers cannot be templates
    const header = [
      `import OpenAI from ${iq}openai${iq};`,
      `import axios from ${iq}axios${iq};`,
      `import { deepseek } from ${iq}@ai-sdk/deepseek${iq};`,
      `import { generateText } from ${iq}ai${iq};`,
      `import { ChatDeepSeek } from ${iq}@langchain/deepseek${iq};`,
      '',
      `const client = new OpenAI({ baseURL: ${q}https://api.deepseek.com${q}, apiKey: process.env.DEEPSEEK_API_KEY });`,
      '',
      'export async function run(deep) {',
    ].join(nl);
    const segments: Segment[] = [keep(header + nl)];
    statements.forEach(([isRequest, pick, id], n) => {
      const shapes = isRequest ? migratable : untouched;
      const segment = shapes[pick % shapes.length](id, n, s);
      segments.push({ ...segment, text: segment.text + nl });
    });
    segments.push(keep(`} // end of run${nl}`));
    return { segments, source: segments.map((segment) => segment.text).join(''), file: `generated.${extension}` };
  });

/**
 * Walk the output: every kept segment must appear verbatim, in order, right
 * after the previous kept one unless migrated statements stood between them;
 * the text that replaced migrated statements holds no legacy ID.
 */
function checkOutsideUnchanged(segments: readonly Segment[], output: string): void {
  let position = 0;
  let migratedSince = false;
  for (const segment of segments) {
    if (segment.kind === 'migrate') {
      migratedSince = true;
      continue;
    }
    const at = output.indexOf(segment.text, position);
    expect(at, `kept text not found: ${JSON.stringify(segment.text)}`).toBeGreaterThanOrEqual(position);
    if (!migratedSince) expect(at, `text changed before ${JSON.stringify(segment.text)}`).toBe(position);
    expect(output.slice(position, at)).not.toMatch(LEGACY_MODEL_TEXT_PATTERN);
    position = at + segment.text.length;
    migratedSince = false;
  }
  expect(position).toBe(output.length);
}

describe('migration transform (property)', () => {
  it('parses, is idempotent, migrates every request and touches nothing else', () => {
    fc.assert(
      fc.property(generatedProgram, ({ segments, source, file }) => {
        const first = migrateSource(source, file);
        const shouldChange = segments.some((segment) => segment.kind === 'migrate');
        expect(first.changed).toBe(shouldChange);
        if (!shouldChange) expect(first.output).toBe(source);

        expect(() => parseProgram(first.output, file)).not.toThrow();
        const second = migrateSource(first.output, file);
        expect(second.changed).toBe(false);
        expect(second.output).toBe(first.output);

        checkOutsideUnchanged(segments, first.output);
        // Line endings stay what they were.
        if (source.includes('\r\n')) expect(first.output.replace(/\r\n/g, '')).not.toContain('\n');
      }),
      // PROPERTY_RUNS=5000 for a deeper local hunt; the suite stays fast by default.
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
  }, 900_000);
});
