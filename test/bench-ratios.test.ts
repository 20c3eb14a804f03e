/**
 * The lint benchmark's ratios (bench/ratios.mjs): the headline median of per-round
 * ratios, and the slice-weighted ratio reported beside it.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script of the benchmark, without types
import { pairedRatio, sliceWeightedRatio } from '../bench/ratios.mjs';

type SliceSamples = Record<string, number[][]>;
const weighted = sliceWeightedRatio as (samples: SliceSamples, numerator: string, denominator: string) => number | null;
const paired = pairedRatio as (samples: Record<string, number[]>, numerator: string, denominator: string) => number;

/** Slices of unequal cost, the plugin costing 4% on some and 1% on others; 5 identical rounds. */
const CORE_SLICES = [1000, 400, 2500, 800];
const PLUGIN_SLICES = [1040, 404, 2525, 832];
const rounds = (slices: number[], count = 5): number[][] => Array.from({ length: count }, () => [...slices]);
const totalRatio = PLUGIN_SLICES.reduce((a, b) => a + b) / CORE_SLICES.reduce((a, b) => a + b);

describe('sliceWeightedRatio', () => {
  it('is the ratio of the total times when nothing disturbs the runs', () => {
    const samples = { core: rounds(CORE_SLICES), plugin: rounds(PLUGIN_SLICES) };
    expect(weighted(samples, 'plugin', 'core')).toBe(Math.round(totalRatio * 1000) / 1000);
    expect(weighted(samples, 'plugin', 'core')).toBe(1.021);
  });

  it('drops a burst of load that slowed one slice of one setup in one round, which moves that round\'s ratio', () => {
    const samples = { core: rounds(CORE_SLICES), plugin: rounds(PLUGIN_SLICES) };
    samples.plugin[2][2] *= 1.6; // 1.5 s more in round 3
    samples.core[4][0] *= 1.5; // and core slowed in round 5
    expect(weighted(samples, 'plugin', 'core')).toBe(1.021);
    const roundTotals = (setup: 'core' | 'plugin') => samples[setup].map((round) => round.reduce((a, b) => a + b));
    const perRound = { core: roundTotals('core'), plugin: roundTotals('plugin') };
    expect(perRound.plugin[2] / perRound.core[2]).toBeGreaterThan(1.3);
  });

  it('follows a real difference that shows in most rounds', () => {
    const samples = { core: rounds(CORE_SLICES), plugin: rounds(CORE_SLICES.map((ms) => ms * 1.1)) };
    samples.plugin[0][1] = CORE_SLICES[1]; // one round where the slice happened to tie
    expect(weighted(samples, 'plugin', 'core')).toBe(1.1);
  });

  it('is null without rounds', () => {
    expect(weighted({ core: [], plugin: [] }, 'plugin', 'core')).toBeNull();
  });
});

describe('pairedRatio', () => {
  it('is the median of the per-round ratios', () => {
    expect(paired({ core: [100, 200, 100, 100, 50], plugin: [103, 180, 110, 101, 60] }, 'plugin', 'core')).toBe(1.03);
  });
});
