import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_SOURCE_BYTES } from '../../codemods/files';
import { decodeSource, gateFile, type GateVerdict, mayHoldLegacyId } from '../../codemods/gate';
import { LEGACY_MODEL_ID_PREFIX, LEGACY_MODEL_TEXT_PATTERN, LEGACY_MODELS } from '../../src/deepseek';
import { CLIENT_INPUT, PLAIN_INPUT } from './fixtures';
import { makeProject, removeProject } from './helpers';

const projects: string[] = [];
afterEach(() => projects.splice(0).forEach(removeProject));

function files(contents: Record<string, string | Buffer>): (name: string) => string {
  const root = makeProject(contents);
  projects.push(root);
  return (name) => path.join(root, name);
}

/** A verdict with its bytes decoded, to compare with text. */
function gateText(file: string): Exclude<GateVerdict, { kind: 'migrate' }> | { kind: 'migrate'; source: string } {
  const verdict = gateFile(file);
  return verdict.kind === 'migrate' ? { kind: 'migrate', source: decodeSource(verdict.bytes) } : verdict;
}

describe('gateFile: one read, settled by byte scans unless a legacy ID may be there', () => {
  it('gives the source only to files that may hold a legacy ID', () => {
    const at = files({ 'client.mjs': CLIENT_INPUT, 'plain.mjs': PLAIN_INPUT, 'bom.mjs': `\uFEFF${CLIENT_INPUT}` });
    expect(gateText(at('client.mjs'))).toEqual({ kind: 'migrate', source: CLIENT_INPUT });
    expect(gateText(at('plain.mjs'))).toEqual({ kind: 'clean' });
    // The BOM stays in the source: the transform strips and restores it.
    expect(gateText(at('bom.mjs'))).toEqual({ kind: 'migrate', source: `\uFEFF${CLIENT_INPUT}` });
  });

  it('hands over its own copy of the bytes, exactly the file (the read buffer is reused)', () => {
    const at = files({ 'client.mjs': CLIENT_INPUT, 'other.mjs': `// other\n${CLIENT_INPUT}` });
    const first = gateFile(at('client.mjs'));
    gateFile(at('other.mjs'));
    if (first.kind !== 'migrate') throw new Error(`expected a migrate verdict, got ${first.kind}`);
    expect(decodeSource(first.bytes)).toBe(CLIENT_INPUT);
    // Its own buffer of the file's size: posting it to a worker copies nothing more.
    expect(first.bytes.buffer.byteLength).toBe(Buffer.byteLength(CLIENT_INPUT));
  });

  it('skips binary content and invalid UTF-8, and says why', () => {
    const at = files({
      'nul.js': Buffer.from('const a = 1;\0\n'),
      'latin1.js': Buffer.from('const café = "deepseek-chat";\n', 'latin1'),
      'latin1-plain.js': Buffer.from('const café = 1;\n', 'latin1'),
    });
    expect(gateFile(at('nul.js'))).toEqual({ kind: 'skipped', reason: 'skipped: binary content (NUL byte) in a source-named file' });
    expect(gateFile(at('latin1.js'))).toEqual({ kind: 'skipped', reason: 'skipped: not valid UTF-8' });
    expect(gateFile(at('latin1-plain.js'))).toEqual({ kind: 'skipped', reason: 'skipped: not valid UTF-8' });
  });

  it('reads files larger than its buffer whole, and small files correctly after them', () => {
    const filler = '// filler\n'.repeat(Math.ceil((MAX_SOURCE_BYTES * 3) / 10));
    const at = files({ 'big-legacy.js': `${filler}const model = 'deepseek-chat';\n`, 'big-plain.js': filler, 'after.mjs': CLIENT_INPUT, 'short.mjs': 'x;\n' });
    // The legacy ID sits past the first 3 MiB: found, and the file is refused as too large.
    expect(gateFile(at('big-legacy.js'))).toEqual({ kind: 'skipped', reason: expect.stringMatching(/^skipped: 3\.0 MiB is over the 1\.0 MiB limit/) });
    expect(gateFile(at('big-plain.js'))).toEqual({ kind: 'clean' });
    // Nothing of the big files' bytes leaks into the next, shorter ones.
    expect(gateText(at('after.mjs'))).toEqual({ kind: 'migrate', source: CLIENT_INPUT });
    writeFileSync(at('short.mjs'), 'deepseek-chat');
    expect(gateText(at('short.mjs'))).toEqual({ kind: 'migrate', source: 'deepseek-chat' });
  });

  it('reports a file it cannot read as skipped, not as a crash', () => {
    const at = files({ 'dir.js/inner.js': 'x;\n' });
    expect(gateFile(at('missing.js'))).toEqual({ kind: 'skipped', reason: 'cannot read: the file disappeared' });
    expect(gateFile(at('dir.js'))).toEqual({ kind: 'skipped', reason: 'cannot read: is a directory' });
  });
});

describe('mayHoldLegacyId: the byte search agrees with LEGACY_MODEL_TEXT_PATTERN', () => {
  it('holds for the prefix of every legacy ID', () => {
    for (const id of Object.keys(LEGACY_MODELS)) {
      expect(id.startsWith(LEGACY_MODEL_ID_PREFIX)).toBe(true);
      expect(mayHoldLegacyId(Buffer.from(id))).toBe(true);
    }
  });

  it.each([
    ['deepseek-chat', true],
    ['x-y-deepseek-reasoner', true],
    ['"deepseek-v4-flash" and later deepseek-chat', true],
    ['-deepseek-chat', true],
    ['eepseek-chat', false],
    ['deepseek_chat', false],
    ['deepseek-', false],
    ['xdeepseek-v4-pro', false],
    ['deepseek-Chat', false],
    ['', false],
    ['-', false],
  ])('%j → %s', (text, expected) => {
    expect(mayHoldLegacyId(Buffer.from(text))).toBe(expected);
  });

  it('answers as the pattern does for any text made of the prefix\'s pieces', () => {
    const piece = fc.constantFrom('deepseek', '-', 'chat', 'reasoner', 'k', 'e', 'd', 'x', ' ', 'é');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(mayHoldLegacyId(Buffer.from(text, 'utf8'))).toBe(LEGACY_MODEL_TEXT_PATTERN.test(text));
      }),
      { numRuns: 2000 },
    );
  });
});
