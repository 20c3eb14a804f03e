/**
 * What `npm publish` would ship: the built plugin and the rule docs, never the
 * bundled example app (it holds a key-shaped dummy value on purpose), the
 * scripts or the tests.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

describe('published files', () => {
  it('ship dist and docs/rules, not examples/, scripts/ or test/', async () => {
    // --ignore-scripts: the `prepack` build is not needed to list the files.
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT });
    const files = (JSON.parse(stdout) as [{ files: { path: string }[] }])[0].files.map((file) => file.path);
    expect(files).toContain('package.json');
    expect(files).toContain('README.md');
    expect(files).toContain('dist/src/index.js');
    expect(files).toContain('docs/rules/no-hardcoded-api-key.md');
    expect(files.filter((path) => /^(?:examples|scripts|test|\.ci)\//.test(path))).toEqual([]);
  });
});
