/**
 * How the benchmark turns paired timings into ratios (scripts/bench.mjs).
 */

export const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const round3 = (value) => Math.round(value * 1000) / 1000;

/** Each round's ratio of two setups' times (samples[setup][round] in milliseconds). */
export const perRoundRatios = (samples, numerator, denominator) =>
  samples[numerator].map((value, round) => value / samples[denominator][round]);

/** Median of per-round ratios: each pair ran back to back, so slow phases of the machine hit both. */
export const pairedRatio = (samples, numerator, denominator) => round3(median(perRoundRatios(samples, numerator, denominator)));

/**
 * For the record, steadier than the median of per-round ratios: for each slice of files,
 * the median over the rounds of its paired ratio (the two setups ran on the same files
 * seconds apart), weighted by the slice's share of the denominator's time (its median).
 * Without noise this is exactly the ratio of the total times; a burst of load spoils one
 * slice in one round, which that slice's median drops, where it moves the whole round's ratio.
 *
 * sliceSamples[setup][round][slice] are milliseconds; null when there are no rounds.
 */
export function sliceWeightedRatio(sliceSamples, numerator, denominator) {
  const rounds = sliceSamples[denominator];
  if (rounds.length === 0) return null;
  const across = (setup, slice) => sliceSamples[setup].map((round) => round[slice]);
  let weightedSum = 0;
  let totalWeight = 0;
  for (let slice = 0; slice < rounds[0].length; slice++) {
    const below = across(denominator, slice);
    const weight = median(below);
    weightedSum += weight * median(across(numerator, slice).map((value, round) => value / below[round]));
    totalWeight += weight;
  }
  return round3(weightedSum / totalWeight);
}
