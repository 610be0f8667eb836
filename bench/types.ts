export interface BenchFigure {
  name: string; unit: string; median: number; p95: number; min: number; max: number; runs: number;
  baseline?: { name: string; median: number }; ratio?: number; note?: string;
  /** Bootstrap 95 % intervals of the median and the p95 (bench/stats.ts bootstrap95), where the suite gives them. */
  medianCI?: [number, number]; p95CI?: [number, number];
}
