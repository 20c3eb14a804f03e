/**
 * src/parse.ts: oxc-parser first, @babel/parser for what oxc refuses. The shape
 * the codemod's analysis relies on: ESTree/TS-ESTree with `range` and `loc`,
 * `.ts` without JSX, and parse errors that name the line and column.
 */
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../src/parse';

type AnyNode = { type: string; range: [number, number]; loc: { start: { line: number; column: number }; end: { line: number; column: number } } } & Record<string, unknown>;

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

  it('gives every node a range and a 1-based line / 0-based column loc, CRLF and non-ASCII included', () => {
    const source = "const s = 'é😀';\r\nconst model = 'deepseek-chat';\n  call(model);";
    const literal = firstExpression(source.split('\n').slice(0, 2).join('\n'), 'a.ts');
    expect(source.slice(...literal.range)).toBe("'deepseek-chat'");
    expect({ start: literal.loc.start, end: literal.loc.end }).toEqual({ start: { line: 2, column: 14 }, end: { line: 2, column: 29 } });
    expect(JSON.parse(JSON.stringify(literal)).loc).toEqual({ start: { line: 2, column: 14 }, end: { line: 2, column: 29 } });
    const call = firstExpression(source, 'a.js');
    expect(call.loc.start).toEqual({ line: 3, column: 2 });
    expect((call.callee as AnyNode).loc.end).toEqual({ line: 3, column: 6 });
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
});
