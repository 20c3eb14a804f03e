/**
 * Keys in files that are not JavaScript: the text search (src/text-scan.ts) and the
 * LintResults `lint` prints for it (src/text-lint.ts). Keys are built at run time.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_SOURCE_BYTES } from '../codemods/files';
import { KEY_RULE_ID, lintText, lintTextFile } from '../src/text-lint';
import { allowMarkerReason, decodeJsonStrings, findKeysInFileText, LineIndex, looksBinary } from '../src/text-scan';
import { testKey } from './helpers/keys';

const KEY = testKey(2201);
const OTHER_KEY = testKey(2202);
const redacted = (key: string) => `sk-…${key.slice(-4)}`;
const MESSAGE = `DeepSeek API key ${redacted(KEY)} is hardcoded. Revoke it at platform.deepseek.com and read the key from the environment.`;

/** [line, column, endLine, endColumn] of each reported message. */
function spans(text: string, fileName: string): number[][] {
  return lintText(text, fileName).messages.map((message) => [message.line, message.column, message.endLine ?? 0, message.endColumn ?? 0]);
}

/** A line, column pair for the key in a one-line text, 1-based, end exclusive. */
function at(line: number, before: string, key = KEY): number[] {
  return [line, before.length + 1, line, before.length + 1 + key.length];
}

/** A notebook as Jupyter writes it: one JSON string per source line, each ending in an escaped newline. */
function notebook(cells: Array<{ source: string[]; outputs?: unknown[] }>): string {
  return `${JSON.stringify(
    {
      cells: cells.map((cell) => ({ cell_type: 'code', execution_count: 1, metadata: {}, outputs: cell.outputs ?? [], source: cell.source })),
      metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  )}\n`;
}

describe('keys in every text format', () => {
  const cases: Array<[string, string, number[][]]> = [
    ['.env', `# local settings\nDEEPSEEK_API_KEY=${KEY}\n`, [at(2, 'DEEPSEEK_API_KEY=')]],
    ['.env.production', `DEEPSEEK_BASE_URL=https://api.deepseek.com\nDEEPSEEK_API_KEY="${KEY}"\n`, [at(2, 'DEEPSEEK_API_KEY="')]],
    ['config/settings.json', `{\n  "deepseek": { "apiKey": "${KEY}" }\n}\n`, [at(2, '  "deepseek": { "apiKey": "')]],
    ['docker-compose.yml', `services:\n  api:\n    environment:\n      - DEEPSEEK_API_KEY=${KEY}\n`, [at(4, '      - DEEPSEEK_API_KEY=')]],
    ['deploy/values.yaml', `deepseek:\n  apiKey: '${KEY}'\n`, [at(2, "  apiKey: '")]],
    ['pyproject.toml', `[tool.app]\ndeepseek_key = "${KEY}"\n`, [at(2, 'deepseek_key = "')]],
    ['setup.cfg', `[deepseek]\nkey = ${KEY}\n`, [at(2, 'key = ')]],
    ['settings.ini', `[deepseek]\r\nkey=${KEY}\r\n`, [at(2, 'key=')]],
    [
      'scripts/ask.sh',
      `#!/bin/sh\ncurl https://api.deepseek.com/chat/completions \\\n  -H "Authorization: Bearer ${KEY}"\n`,
      [at(3, '  -H "Authorization: Bearer ')],
    ],
    ['ask.py', `from openai import OpenAI\n\nclient = OpenAI(api_key="${KEY}", base_url="https://api.deepseek.com")\n`, [at(3, 'client = OpenAI(api_key="')]],
    ['README.md', `# Setup\n\n\`\`\`sh\nexport DEEPSEEK_API_KEY=${KEY}\n\`\`\`\n`, [at(4, 'export DEEPSEEK_API_KEY=')]],
    ['notes.txt', `old key ${KEY} (rotated?)\nnew key ${OTHER_KEY}\n`, [at(1, 'old key '), at(2, 'new key ', OTHER_KEY)]],
    ['Dockerfile', `FROM python:3.12-slim\nENV DEEPSEEK_API_KEY=${KEY}\n`, [at(2, 'ENV DEEPSEEK_API_KEY=')]],
    ['.github/workflows/ci.yml', `env:\n  DEEPSEEK_API_KEY: ${KEY}\n`, [at(2, '  DEEPSEEK_API_KEY: ')]],
  ];
  it.each(cases)('%s', (fileName, text, expected) => {
    const result = lintText(text, fileName);
    expect(spans(text, fileName)).toEqual(expected);
    expect(result.messages.every((message) => message.ruleId === KEY_RULE_ID && message.severity === 2 && message.messageId === 'hardcodedKey')).toBe(true);
    expect([result.errorCount, result.warningCount, result.fatalErrorCount, result.suppressedMessages.length]).toEqual([expected.length, 0, 0, 0]);
  });

  it('the message is the rule\'s own, with the key redacted; no output holds a full key', () => {
    const result = lintText(`KEY=${KEY}\n`, '.env');
    expect(result.messages[0].message).toBe(MESSAGE);
    expect(JSON.stringify(result)).not.toContain(KEY);
    expect(JSON.stringify(result)).toContain(redacted(KEY));
  });

  it('a byte order mark does not shift columns (ESLint drops it too)', () => {
    expect(spans(`\uFEFFKEY=${KEY}\n`, '.env')).toEqual([at(1, 'KEY=')]);
  });
});

describe('placeholders and near misses stay quiet (the rule\'s own pattern)', () => {
  it('.env.example with placeholders', () => {
    const example = [
      'DEEPSEEK_API_KEY=sk-your-key-here',
      'DEEPSEEK_API_KEY_ZEROS=sk-00000000000000000000000000000000',
      'DEEPSEEK_API_KEY_SEQUENCE=sk-0123456789abcdef0123456789abcdef',
      'DEEPSEEK_API_KEY_XS=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      '',
    ].join('\n');
    expect(lintText(example, '.env.example').messages).toEqual([]);
  });

  it('too short, too long, glued to a word, upper case', () => {
    const text = [KEY.slice(0, -1), `${KEY}a`, `task${KEY.slice(2)}`, `ta${KEY}`, `sk-${KEY.slice(3).toUpperCase()}`].join('\n');
    expect(lintText(text, 'notes.txt').messages).toEqual([]);
  });
});

describe('JSON strings are searched decoded (notebooks: cell sources and outputs)', () => {
  it('a key in a cell source and in a cell output, at their places in the file', () => {
    const text = notebook([
      { source: ['import os\n', `os.environ["DEEPSEEK_API_KEY"] = "${KEY}"\n`, 'print(os.environ["DEEPSEEK_API_KEY"])'] },
      { source: ['!env | grep DEEPSEEK'], outputs: [{ name: 'stdout', output_type: 'stream', text: [`DEEPSEEK_API_KEY=${OTHER_KEY}\n`] }] },
    ]);
    const lines = text.split('\n');
    const sourceLine = lines.findIndex((line) => line.includes(KEY));
    const outputLine = lines.findIndex((line) => line.includes(OTHER_KEY));
    expect(spans(text, 'analysis.ipynb')).toEqual([
      [sourceLine + 1, lines[sourceLine].indexOf(KEY) + 1, sourceLine + 1, lines[sourceLine].indexOf(KEY) + 1 + KEY.length],
      [outputLine + 1, lines[outputLine].indexOf(OTHER_KEY) + 1, outputLine + 1, lines[outputLine].indexOf(OTHER_KEY) + 1 + OTHER_KEY.length],
    ]);
  });

  it('after an escaped newline or tab the key starts a word; searched raw, `\\nsk-` would not', () => {
    const text = `{"output": "connecting\\n${KEY}\\tdone"}\n`;
    expect(spans(text, 'out.json')).toEqual([at(1, '{"output": "connecting\\n')]);
    // The control: the same text as plain text has no word boundary before `sk-`.
    expect(spans(text, 'out.txt')).toEqual([]);
  });

  it('a key written with \\u escapes is found and spans its escapes in the file', () => {
    const escaped = `\\u0073\\u006b${KEY.slice(2)}`;
    const text = `{"key": "${escaped}"}`;
    const [finding] = findKeysInFileText(text, 'a.json');
    expect(finding.key).toBe(KEY);
    expect(text.slice(finding.start, finding.end)).toBe(escaped);
  });

  it('decodeJsonStrings keeps text outside strings, and a raw line break ends a stray quote', () => {
    const decoded = decodeJsonStrings('// it"s a comment\n{"a": "x\\"y\\u0041"}');
    expect(decoded.text).toBe('// it"s a comment\n{"a": "x"yA"}');
    expect(decoded.fileOffsets.length).toBe(decoded.text.length + 1);
    // `"y` comes from `\"` at offset 27: the decoded quote maps to its backslash.
    expect(decoded.fileOffsets[decoded.text.indexOf('"yA')]).toBe('// it"s a comment\n{"a": "x'.length);
  });
});

describe('the allow marker', () => {
  it('suppresses the key on its line only, and the finding is listed with its reason', () => {
    const text = `A=${KEY} # deepseek-allow-key -- revoked key of the replay fixture\nB=${OTHER_KEY}\n`;
    const result = lintText(text, '.env');
    expect(result.messages.map((message) => message.line)).toEqual([2]);
    expect(result.errorCount).toBe(1);
    expect(result.suppressedMessages).toEqual([
      {
        ruleId: KEY_RULE_ID,
        severity: 2,
        message: MESSAGE,
        line: 1,
        column: 3,
        endLine: 1,
        endColumn: 3 + KEY.length,
        messageId: 'hardcodedKey',
        suppressions: [{ kind: 'directive', justification: 'revoked key of the replay fixture' }],
      },
    ]);
  });

  it('the reason is cut before a comment end or the end of a JSON string; no reason is ""', () => {
    expect(allowMarkerReason('key <!-- deepseek-allow-key -- demo key, revoked -->')).toBe('demo key, revoked');
    expect(allowMarkerReason('x /* deepseek-allow-key -- test */')).toBe('test');
    expect(allowMarkerReason('"# deepseek-allow-key -- in a notebook",')).toBe('in a notebook');
    expect(allowMarkerReason('# deepseek-allow-key')).toBe('');
    expect(allowMarkerReason('# deepseek-allow-keys -- not the marker')).toBeUndefined();
    expect(allowMarkerReason('# nothing here')).toBeUndefined();
  });

  it('in a notebook, the marker on one line of a cell leaves the other lines of that cell reported', () => {
    // One JSON string for the whole cell: its lines exist only once `\n` is decoded.
    const text = notebook([{ source: [`a = "${KEY}"  # deepseek-allow-key -- revoked\nb = "${OTHER_KEY}"\n`] }]);
    const result = lintText(text, 'n.ipynb');
    expect(result.messages.map((message) => message.message)).toEqual([MESSAGE.replace(redacted(KEY), redacted(OTHER_KEY))]);
    expect(result.suppressedMessages.map((message) => message.suppressions)).toEqual([[{ kind: 'directive', justification: 'revoked' }]]);
  });
});

describe('files', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'deepseek-text-scan-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (name: string, content: string | Buffer): string => {
    const file = path.join(root, name);
    writeFileSync(file, content);
    return file;
  };

  it('a text file is linted', async () => {
    const outcome = await lintTextFile(write('.env', `DEEPSEEK_API_KEY=${KEY}\n`));
    expect(outcome.kind === 'linted' && outcome.result.messages.map((message) => message.line)).toEqual([1]);
  });

  it('a file with a NUL byte in its first 8000 bytes is binary and not searched', async () => {
    expect(await lintTextFile(write('image.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]), Buffer.from(KEY)])))).toEqual({ kind: 'binary' });
    expect(looksBinary(Buffer.from(`${'a'.repeat(8000)}\0`))).toBe(false);
    expect(looksBinary(Buffer.from(`${'a'.repeat(7999)}\0`))).toBe(true);
  });

  it('a text file over the size limit is not searched and says so; a binary one is only binary', async () => {
    expect(await lintTextFile(write('big.log', `${'x'.repeat(MAX_SOURCE_BYTES)}\n${KEY}\n`))).toEqual({ kind: 'too large' });
    expect(await lintTextFile(write('big.bin', Buffer.concat([Buffer.alloc(16), Buffer.alloc(MAX_SOURCE_BYTES, 1)])))).toEqual({ kind: 'binary' });
    const atLimit = await lintTextFile(write('limit.txt', `${KEY}\n${'x'.repeat(MAX_SOURCE_BYTES - KEY.length - 1)}`));
    expect(atLimit.kind === 'linted' && atLimit.result.errorCount).toBe(1);
  });

  it('a file deleted since the walk listed it is gone, not a crash', async () => {
    expect(await lintTextFile(path.join(root, 'deleted.env'))).toEqual({ kind: 'gone' });
  });
});

describe('LineIndex', () => {
  it('counts lines as ESLint does (\\r\\n, \\r, \\n, U+2028)', () => {
    const lines = new LineIndex('a\r\nb\rc\nd\u2028e');
    expect(['a', 'b', 'c', 'd', 'e'].map((char) => lines.positionOf('a\r\nb\rc\nd\u2028e'.indexOf(char)))).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
      { line: 5, column: 1 },
    ]);
  });
});
