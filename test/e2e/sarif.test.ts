/**
 * CI reports: ESLint with @microsoft/eslint-formatter-sarif, run exactly as
 * the README's GitHub Actions workflow runs it. The SARIF must validate
 * against the SARIF 2.1.0 JSON schema, name our rules with their help URLs,
 * and never hold a full key.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { KEY_TEXT_FILES, KEY_TS, KEY_TS_LINE, PLANTED_KEY } from './fixtures';
import { readmeSnippet, run, runLine, toolEnv, writeTree } from './helpers';

const REPOSITORY_URL = 'https://github.com/deepseek-tools/eslint-plugin-deepseek';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  'continue-on-error'?: boolean;
}
interface Workflow {
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>;
}
interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri: string }[] } };
    results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
  }[];
}

/**
 * Validation with ajv against the SARIF 2.1.0 schema that Microsoft ships in
 * @microsoft/jest-sarif (lib/schemas/sarif-2.1.0-rtm.5.json: the 2.1.0 schema
 * revision that the formatter names in its `$schema`). The schema is draft-04,
 * hence ajv-draft-04; ajv-formats checks the uri / date-time formats it uses.
 */
const VALIDATE = `
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
// unicodeRegExp off: one pattern of this schema revision ('^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$',
// for language tags) is valid only as a non-unicode JavaScript regular expression.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const log = JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'));
process.stdout.write(JSON.stringify({ title: schema.title, valid: validate(log), errors: validate.errors ?? [] }));
`;

function validateSarif(project: string, file: string): { title: string; valid: boolean; errors: unknown[] } {
  return JSON.parse(run('node', ['-e', VALIDATE, file], { cwd: project }).stdout) as { title: string; valid: boolean; errors: unknown[] };
}

describe('SARIF for GitHub code scanning (README workflow)', () => {
  let project: string;
  let dir: string;
  let workflow: Workflow;
  let eslintStep: Step;
  let sarifFile: string;

  beforeAll(() => {
    project = inject('project10');
    dir = join(project, 'cases', 'sarif');
    const workflowText = readmeSnippet('sarif-workflow');
    writeTree(dir, {
      '.github/workflows/deepseek-code-scanning.yml': workflowText,
      'eslint.config.js': readmeSnippet('eslint.config.js'),
      'src/client.ts': KEY_TS,
    });
    // The workflow is YAML: parse it with PyYAML (installed with pre-commit) rather than trusting regexes.
    workflow = JSON.parse(
      execFileSync('python3', ['-c', 'import json,sys,yaml; print(json.dumps(yaml.safe_load(sys.stdin)))'], {
        input: workflowText,
        encoding: 'utf8',
      }),
    ) as Workflow;
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    eslintStep = steps.find((step) => step.run?.includes('@microsoft/eslint-formatter-sarif')) as Step;
    sarifFile = /--output-file (\S+)/.exec(eslintStep.run ?? '')?.[1] ?? '';
  });

  it('the workflow checks out, installs, runs ESLint with the SARIF formatter and uploads that file', () => {
    const [job] = Object.values(workflow.jobs);
    expect(job.permissions?.['security-events']).toBe('write');
    const uses = job.steps.map((step) => step.uses?.replace(/@.*/, '') ?? step.run?.split(' ')[0] ?? '');
    expect(uses).toEqual(['actions/checkout', 'actions/setup-node', 'npm', 'npx', 'github/codeql-action/upload-sarif']);
    expect(eslintStep['continue-on-error']).toBe(true);
    expect(sarifFile).not.toBe('');
    expect(job.steps.at(-1)?.with?.sarif_file).toBe(sarifFile);
  });

  it("the workflow's ESLint step reports the key, writes valid SARIF 2.1.0 with rule IDs and help URLs, and no key", () => {
    const result = runLine(eslintStep.run ?? '', { cwd: dir });
    expect(result.code, result.output).toBe(1);
    expect(existsSync(join(dir, sarifFile))).toBe(true);

    const validation = validateSarif(project, join(dir, sarifFile));
    expect(validation.title).toMatch(/SARIF\) Version 2\.1\.0/);
    expect(validation.errors).toEqual([]);
    expect(validation.valid).toBe(true);

    // The validator can fail: the same log with a result missing its message is rejected.
    const text = readFileSync(join(dir, sarifFile), 'utf8');
    const broken = JSON.parse(text) as SarifLog;
    delete (broken.runs[0].results[0] as { message?: unknown }).message;
    writeTree(dir, { 'broken.sarif': JSON.stringify(broken) });
    expect(validateSarif(project, join(dir, 'broken.sarif')).valid).toBe(false);

    expect(text).not.toContain(PLANTED_KEY);
    const log = JSON.parse(text) as SarifLog;
    expect(log.version).toBe('2.1.0');
    const [sarifRun] = log.runs;
    expect(sarifRun.tool.driver.rules).toContainEqual(
      expect.objectContaining({
        id: 'deepseek/no-hardcoded-api-key',
        helpUri: `${REPOSITORY_URL}/blob/main/docs/rules/no-hardcoded-api-key.md`,
      }),
    );
    for (const rule of sarifRun.tool.driver.rules) expect(rule.helpUri).toMatch(/^https:\/\//);
    expect(
      sarifRun.results.map((r) => ({
        ruleId: r.ruleId,
        level: r.level,
        file: r.locations[0].physicalLocation.artifactLocation.uri.replace(/^.*\/cases\/sarif\//, ''),
        line: r.locations[0].physicalLocation.region.startLine,
      })),
    ).toEqual([{ ruleId: 'deepseek/no-hardcoded-api-key', level: 'error', file: 'src/client.ts', line: KEY_TS_LINE }]);
    expect(sarifRun.results[0].message.text).toMatch(/sk-…[0-9a-f]{4}/);
  });

  it('the no-key check can fail: SARIF_ESLINT_EMBED=true (which the README warns against) embeds the file, key included', () => {
    const result = runLine(eslintStep.run?.replace(sarifFile, 'embedded.sarif') ?? '', {
      cwd: dir,
      env: toolEnv({ SARIF_ESLINT_EMBED: 'true' }),
    });
    expect(result.code).toBe(1);
    expect(readFileSync(join(dir, 'embedded.sarif'), 'utf8')).toContain(PLANTED_KEY);
  });

  it('`eslint-plugin-deepseek lint -f @microsoft/eslint-formatter-sarif` (no ESLint config) writes valid SARIF too, keys in .env and notebooks included', () => {
    const clean = join(project, 'cases', 'sarif-cli');
    writeTree(clean, { 'src/client.ts': KEY_TS, '.env': KEY_TEXT_FILES['.env'], 'notebooks/explore.ipynb': KEY_TEXT_FILES['explore.ipynb'] });
    const result = run('npx', ['eslint-plugin-deepseek', 'lint', '-f', '@microsoft/eslint-formatter-sarif', '.'], { cwd: clean });
    expect(result.code, result.stderr).toBe(1);
    expect(result.output).not.toContain(PLANTED_KEY);
    writeTree(clean, { 'out.sarif': result.stdout });
    const validation = validateSarif(project, join(clean, 'out.sarif'));
    expect(validation.errors).toEqual([]);
    expect(validation.valid).toBe(true);
    const log = JSON.parse(result.stdout) as SarifLog;
    expect(
      log.runs[0].results.map((r) => [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri.replace(/^.*\/cases\/sarif-cli\//, ''), r.locations[0].physicalLocation.region.startLine]),
    ).toEqual([
      ['deepseek/no-hardcoded-api-key', '.env', 2],
      ['deepseek/no-hardcoded-api-key', 'notebooks/explore.ipynb', KEY_TEXT_FILES['explore.ipynb'].split('\n').findIndex((line) => line.includes(PLANTED_KEY)) + 1],
      ['deepseek/no-hardcoded-api-key', 'src/client.ts', KEY_TS_LINE],
    ]);
    expect(log.runs[0].tool.driver.rules.map((rule) => rule.id)).toEqual(['deepseek/no-hardcoded-api-key']);
  });
});
