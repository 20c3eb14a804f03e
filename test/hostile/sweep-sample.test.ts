/**
 * A deterministic sample of the robustness sweep (`npm run sweep` runs the
 * whole node_modules corpus): real files by many authors through every rule
 * and the migration transform. Nothing may crash, and the transform may only
 * touch files with a legacy ID, with parseable, idempotent output.
 */
import { describe, expect, it } from 'vitest';
import { formatSweep, runSweep, sweepFailed } from '../../scripts/sweep';

describe('sweep over a sample of node_modules', () => {
  it('runs every rule and the transform on a few hundred real files without a crash', () => {
    const result = runSweep({ sample: 200 });
    const summary = formatSweep(result);
    expect(result.files, summary).toBeGreaterThanOrEqual(200);
    expect(result.ruleCrashes, summary).toEqual([]);
    expect(result.transformCrashes, summary).toEqual([]);
    expect(result.transformViolations, summary).toEqual([]);
    expect(result.falsePositives, summary).toEqual([]);
    expect(sweepFailed(result)).toBe(false);
    // The sample always includes the DeepSeek SDK's own files, so the transform had real work to look at.
    expect(result.files - 200, summary).toBeGreaterThan(0);
  }, 240_000);
});
