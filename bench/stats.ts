import type { BenchFigure } from './types';
import { rng } from '../test/fixtures/privacy/independent/random';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}

/** Summarizes repeated samples into a figure (median, p95, min, max). */
export function figure(name: string, unit: string, samples: number[], extra: Partial<BenchFigure> = {}): BenchFigure {
  const s = [...samples].sort((a, b) => a - b);
  return { name, unit, median: percentile(s, 50), p95: percentile(s, 95), min: s[0], max: s[s.length - 1], runs: s.length, ...extra };
}

/** Runs `fn` `runs` times (after `warmup` runs) and returns the wall times in ms. */
export async function timeRuns(runs: number, fn: () => unknown | Promise<unknown>, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}


/**
 * Percentile bootstrap 95 % interval of `stat` over `n` paired samples: `stat` gets the indices of one resample
 * (drawn with replacement), so statistics of pairs (overhead minus its own floor) keep their pairing.
 */
export function bootstrap95(n: number, stat: (idx: number[]) => number, resamples = 2000, seed = 27): [number, number] {
  if (n === 0) return [NaN, NaN];
  const rnd = rng(seed); // seeded: the same samples give the same interval on every run
  const values: number[] = [];
  const idx = new Array<number>(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) idx[i] = Math.floor(rnd() * n);
    values.push(stat(idx));
  }
  values.sort((x, y) => x - y);
  return [percentile(values, 2.5), percentile(values, 97.5)];
}

/** The p-th percentile of `xs` at the given indices. */
export function percentileAt(xs: readonly number[], idx: readonly number[], p: number): number {
  return percentile(idx.map((i) => xs[i]!).sort((a, b) => a - b), p);
}
