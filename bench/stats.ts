import type { BenchFigure } from './types';

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
