/**
 * What the package promises to run on, said in three places that must agree:
 * package.json `engines` and `peerDependencies`, and the README's support line.
 * The suites must also cover it: the e2e installs every ESLint major of the
 * peer range, and CI runs on a Node of each line that `engines` allows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
};
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const installSection = readme.slice(readme.indexOf('\n## Install\n'), readme.indexOf('\n## Usage\n'));

describe('supported versions', () => {
  it('the README support line states exactly engines.node and the eslint peer range', () => {
    const line = /^Requires Node\.js `([^`]+)` and ESLint `([^`]+)`\./m.exec(installSection);
    expect(line, 'README ## Install: "Requires Node.js `…` and ESLint `…`."').not.toBeNull();
    expect(line?.[1]).toBe(pkg.engines.node);
    expect(line?.[2]).toBe(pkg.peerDependencies.eslint);
  });

  it('eslint is the one required peer; every other peer is optional, and the README names it', () => {
    for (const [name] of Object.entries(pkg.peerDependencies)) {
      if (name === 'eslint') {
        expect(pkg.peerDependenciesMeta[name]?.optional).not.toBe(true);
        continue;
      }
      expect(pkg.peerDependenciesMeta[name]?.optional, `${name} optional`).toBe(true);
      expect(installSection).toContain(`\`${name}\``);
      // An optional peer that is also a dependency would be installed anyway.
      expect(pkg.dependencies[name]).toBeUndefined();
    }
  });

  it('the e2e suite installs every ESLint major that the peer range allows', () => {
    const setup = readFileSync(join(ROOT, 'test/e2e/global-setup.ts'), 'utf8');
    const tested = [...setup.matchAll(/'eslint@(\d+)'/g)].map((match) => Number(match[1])).sort((a, b) => a - b);
    const allowed = [8, 9, 10, 11].filter((major) => semver.intersects(`${major}.x`, pkg.peerDependencies.eslint));
    expect(tested).toEqual(allowed);
  });

  it('CI runs on Node 20 and Node 22, both allowed by engines, and the README says so', () => {
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    const node22 = /^NODE22_VERSION=(\S+)$/m.exec(ci)?.[1] ?? '';
    expect(semver.satisfies(node22, pkg.engines.node)).toBe(true);
    expect(semver.intersects('20.x', pkg.engines.node) && semver.intersects('22.x', pkg.engines.node)).toBe(true);
    expect(readme).toMatch(/on Node 20 and again on Node 22/);
  });
});
