// The last N latencies of one route in a ring buffer: percentiles reflect current behaviour (a model change
// shows at once) and cost O(N log N) per snapshot, whatever the size of the ledger.
export class LatencyWindow {
  private readonly buf: number[] = [];
  private next = 0;
  count = 0;

  constructor(private readonly capacity = 1000) {}

  add(ms: number): void {
    this.count++;
    if (this.buf.length < this.capacity) this.buf.push(ms);
    else { this.buf[this.next] = ms; this.next = (this.next + 1) % this.capacity; }
  }

  /** Nearest-rank percentile (p in 0..100) of the window; null when empty. */
  percentiles(...ps: number[]): (number | null)[] {
    if (this.buf.length === 0) return ps.map(() => null);
    const sorted = [...this.buf].sort((a, b) => a - b);
    return ps.map((p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]);
  }
}
