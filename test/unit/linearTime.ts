// A guard against super-linear regular expressions that holds on a loaded machine. A wall-clock limit alone fails
// when the two cores are shared by other work (a linear scan six times slower is still linear), so a run over the
// limit is judged by how it scales instead: the same input at a quarter of the length, best of two each. Linear
// work takes about 4× as long at 4× the length; a quadratic rule takes 16×, a cubic one 64×.

const QUARTER_RATIO_LIMIT = 8;
/** Past this many times the limit it is a hang whatever the ratio says. */
const HARD_FACTOR = 20;

function best(run: () => void): number {
  let min = Infinity;
  for (let i = 0; i < 2; i++) {
    const started = performance.now();
    run();
    min = Math.min(min, performance.now() - started);
  }
  return min;
}

/**
 * Undefined when `work(make(n))` is fast or scales linearly; otherwise what was measured. `make(n)` builds an input
 * of about n characters.
 */
export function superLinear(work: (input: string) => void, make: (n: number) => string, n: number, limitMs: number): string | undefined {
  const full = make(n);
  const started = performance.now();
  work(full);
  const first = performance.now() - started;
  if (first <= limitMs) return undefined;
  if (first > limitMs * HARD_FACTOR) return `${Math.round(first)} ms`;
  const small = make(Math.ceil(n / 4));
  // A few milliseconds of slack, so timer noise on a fast quarter cannot fail a linear rule. A burst of other work
  // during one pair of measurements can still fake a bad ratio, so a failing pair is measured again: a super-linear
  // rule fails every time, a burst rarely twice.
  let verdict: string | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    const quarter = best(() => work(small));
    const whole = best(() => work(full));
    if (whole <= quarter * QUARTER_RATIO_LIMIT + 5) return undefined;
    verdict = `${Math.round(whole)} ms, ${Math.round(quarter)} ms at a quarter of the length`;
  }
  return verdict;
}
