import { describe, expect, it } from 'vitest';
import { modelVerdicts } from '../../src/doctor/model-verdicts';
import type { ModelUse, ProjectModels } from '../../src/doctor/project-models';

function use(id: string, more: Partial<ModelUse> = {}): ModelUse {
  return { id, path: 'src/app.ts', line: 7, surface: 'openai', confirmed: true, ...more };
}
function projectWith(uses: ModelUse[], unreadableFiles = 0): ProjectModels {
  return { uses, scannedFiles: 12, unreadableFiles };
}

describe('modelVerdicts', () => {
  it('warns about a documented ID that /models does not list (deepseek-v4-flash, served by deepseek-flash)', () => {
    expect(modelVerdicts(projectWith([use('deepseek-v4-flash')]), ['deepseek-flash', 'deepseek-v4-pro'])).toEqual([
      { check: 'model deepseek-v4-flash', outcome: 'warn', cause: 'used at src/app.ts:7; not listed by /models, though DeepSeek documents it as accepted' },
    ]);
  });

  it('passes a claude* name sent to the Anthropic surface, which maps it', () => {
    expect(modelVerdicts(projectWith([use('claude-sonnet-4-5', { surface: 'anthropic' })]), ['deepseek-v4-pro'])[0]).toEqual({
      check: 'model claude-sonnet-4-5',
      outcome: 'ok',
      cause: 'used at src/app.ts:7; a claude* name, which the Anthropic surface maps to a DeepSeek model',
    });
  });

  it('only warns about a retired ID that /models still lists, and keeps the migrate hint', () => {
    expect(modelVerdicts(projectWith([use('deepseek-reasoner')]), ['deepseek-reasoner'])[0]).toMatchObject({
      outcome: 'warn',
      cause: 'used at src/app.ts:7; retired on 2026-07-24, requests with it fail; /models still lists it',
      fix: 'run `npx eslint-plugin-deepseek migrate`: it writes a V4 model with the matching thinking flag',
    });
  });

  it('fails a retired ID without any list; the others wait for one', () => {
    expect(modelVerdicts(projectWith([use('deepseek-chat'), use('deepseek-v4-pro', { line: 9 })]), undefined).map((entry) => [entry.outcome, entry.check, entry.cause])).toEqual([
      ['fail', 'model deepseek-chat', 'used at src/app.ts:7; retired on 2026-07-24, requests with it fail'],
      ['skip', 'models used', 'deepseek-v4-pro not compared: /models gave no list'],
    ]);
  });

  it('says how many files that mention DeepSeek did not parse', () => {
    expect(modelVerdicts(projectWith([], 2), ['deepseek-v4-pro'])).toEqual([
      { check: 'models used', outcome: 'skip', cause: 'no DeepSeek model ID found in the project (12 source file(s) scanned)' },
      {
        check: 'models used',
        outcome: 'warn',
        cause: '2 file(s) that mention DeepSeek do not parse; their model IDs are not counted',
        fix: '`npx eslint-plugin-deepseek lint` names them',
      },
    ]);
  });
});
