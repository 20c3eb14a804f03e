/**
 * src/parse.ts: oxc-parser first, @babel/parser for what oxc refuses. The shape
 * the codemod's analysis relies on: ESTree/TS-ESTree whose every node has a range
 * through rangeOf (oxc gives `start`/`end`, ESLint's parsers `range`),
 * `.ts` without JSX, and parse errors that name the line and column.
 */
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../src/parse';
import { type Node, findParent, lineColumnAt, rangeOf, startOf, walk } from '../src/analysis/ast';
import { analyzeDeepSeek } from '../src/analysis/requests';

type AnyNode = { type: string; range: [number, number] } & Record<string, unknown>;

const firstExpression = (source: string, file: string): AnyNode => {
  const statement = parseProgram(source, file).body.at(-1) as unknown as AnyNode;
  return ((statement.declarations as AnyNode[] | undefined)?.[0]?.init ?? statement.expression) as AnyNode;
};

describe('parseProgram', () => {
  it('parses `<T>x` in .ts as a cast and in .tsx as JSX', () => {
    expect(firstExpression('const a = <T>(x);', 'a.ts').type).toBe('TSTypeAssertion');
    expect(firstExpression('const a = <T>x</T>;', 'a.tsx').type).toBe('JSXElement');
    expect(firstExpression('const a = <div>{x}</div>;', 'a.js').type).toBe('JSXElement');
  });

  it('gives every node a range through rangeOf; lineColumnAt turns an offset into ESLint\'s line / column, CRLF and non-ASCII included', () => {
    const source = "const s = 'é😀';\r\nconst model = 'deepseek-chat';\n  call(model);";
    const literal = firstExpression(source.split('\n').slice(0, 2).join('\n'), 'a.ts') as unknown as Node;
    expect(source.slice(...rangeOf(literal))).toBe("'deepseek-chat'");
    expect(lineColumnAt(source, rangeOf(literal)[0])).toEqual({ line: 2, column: 14 });
    expect(lineColumnAt(source, rangeOf(literal)[1])).toEqual({ line: 2, column: 29 });
    const call = firstExpression(source, 'a.js');
    expect(lineColumnAt(source, startOf(call as unknown as Node))).toEqual({ line: 3, column: 2 });
    expect(lineColumnAt(source, rangeOf(call.callee as unknown as Node)[1])).toEqual({ line: 3, column: 6 });
    expect(lineColumnAt('a\u2028b\rc', 4)).toEqual({ line: 3, column: 0 });
    // Every node, not only the ones asked about: the planner may edit any of them. The range
    // is built on first use (none on the parsed nodes), and startOf agrees with it.
    const wrong: string[] = [];
    walk(parseProgram(source, 'a.ts') as never, (node) => {
      if ('range' in node) wrong.push(`${node.type} has a range before use`);
      const range = rangeOf(node);
      if (!(0 <= range[0] && range[0] <= range[1] && range[1] <= source.length) || startOf(node) !== range[0] || rangeOf(node) !== range) wrong.push(node.type);
    });
    expect(wrong).toEqual([]);
  });

  it('gives the nodes babel parses (what oxc refuses) ranges as well', () => {
    const source = '// @flow\nconst model: string = "deepseek-chat";\nreturn model;';
    const program = parseProgram(source, 'a.js');
    const literal = ((program.body[0] as unknown as AnyNode).declarations as AnyNode[])[0].init as unknown as Node;
    expect(source.slice(...rangeOf(literal))).toBe('"deepseek-chat"');
    expect(startOf(literal)).toBe(source.indexOf('"deepseek-chat"'));
  });

  it('gives BigInt and RegExp literals their values, as ESLint\'s parsers do', () => {
    const program = parseProgram('const r = /a+/g; const b = 10n;', 'a.ts');
    const values = program.body.map((statement) => ((statement as unknown as AnyNode).declarations as AnyNode[])[0].init as AnyNode);
    expect(values[0].value).toEqual(/a+/g);
    expect(values[1].value).toBe(10n);
  });

  it('accepts what a codemod must: Flow annotations, top-level return, import in a block', () => {
    expect(parseProgram('// @flow\nfunction f(x: number): string { return String(x) }', 'a.js').body).toHaveLength(1);
    expect(parseProgram("if (process.env.X) return;\nmodule.exports = 'deepseek-chat';", 'a.cjs').body).toHaveLength(2);
  });

  it('throws a SyntaxError naming line and column for code no parser accepts', () => {
    const broken = "const a = 1;\nconst b = { model: 'deepseek-chat' ;\n";
    let error: unknown;
    try {
      parseProgram(broken, 'a.ts');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SyntaxError);
    expect((error as Error).message).toMatch(/\(2:\d+\)$/);
    expect((error as { loc?: { line: number } }).loc?.line).toBe(2);
    expect(() => parseProgram('let a; let a;', 'a.js')).toThrow(SyntaxError);
  });

  it('finds each node\'s parent on demand, the one the walk meets it under, with oxc\'s and babel\'s nodes', () => {
    const sources: Array<[string, string]> = [
      // Shorthand properties and `{ a = 1 }` give siblings one span; specifiers too.
      ["import OpenAI, { a as b } from 'openai';\nconst { c = 1, d } = e;\nexport { b, d as f };\nconst client = new OpenAI({ baseURL, model: `deepseek-${'chat'}` });\nclient?.chat.completions.create({ model, x: [1, , (2)] });", 'a.ts'],
      ['// @flow\nconst model: string = "deepseek-chat";\nconst o = { model, n: { model } };\nreturn o;', 'b.js'],
    ];
    for (const [source, file] of sources) {
      const program = parseProgram(source, file) as unknown as Node;
      const walked: Array<[Node, Node | undefined]> = [];
      walk(program, (node, parent) => walked.push([node, parent]));
      expect(walked.length).toBeGreaterThan(15);
      expect(walked.filter(([node]) => 'parent' in node)).toEqual([]);
      const wrong = walked.filter(([node, parent]) => findParent(program, node) !== parent).map(([node]) => `${node.type}@${startOf(node)}`);
      expect(wrong).toEqual([]);
    }
  });

  it('leaves most nodes of a parse unlinked after the analysis: only the ones it asks about get a parent', () => {
    const source = `import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com' });\n${Array.from({ length: 20 }, (_, i) => `export function f${i}(a, b) { return [a + b, g(a), { a, b }]; }\n`).join('')}await client.chat.completions.create({ model: 'deepseek-chat', messages: [] });`;
    const program = parseProgram(source, 'a.mjs') as unknown as Node;
    const analysis = analyzeDeepSeek(program, source);
    expect(analysis.bodies).toHaveLength(1);
    const nodes: Node[] = [];
    walk(program, (node) => nodes.push(node));
    const linked = nodes.filter((node) => 'parent' in node).length;
    expect(nodes.length).toBeGreaterThan(400);
    expect(linked).toBeGreaterThan(0);
    expect(linked).toBeLessThan(20);
    // Asked for again, the parent is the linked one.
    const body = analysis.bodies[0].object;
    expect(analysis.parentOf(body)).toBe(analysis.bodies[0].call);
  });
});
