// Pairs each model request the completion engine traced with the fake Ollama's record of it, and splits its
// extension-side overhead: pipeline time after the debounce minus the fake model's time (request arrival → last
// chunk used), our code (debounce end → request handed to the kernel, used chunk read → result), the loopback
// crossings (the rest), and the V8 GC inside it.
import type { CompletionTrace } from '../src/core/completion';
import type { FakeTiming } from './completionOracle';
import { firstAtOrAfter, type WireTap } from './wireTap';

/** The fake's clock and ours may differ by a few µs; the chunk before the used one left ≥ 15 ms earlier. */
const CLOCK_SLACK_MS = 1;

export interface OverheadSample {
  overhead: number;
  /** Our code only; undefined when the wire tap missed the send or the chunk. */
  ours?: number;
  crossing?: number;
  /** Pipeline time after the debounce minus the time inside provider.complete(). */
  engine?: number;
  gc: number;
}

/** Per trace id, for every request that ran to its end (shown or empty), except the session's first (it also pays /api/ps and /api/show). */
export function overheadSamples(traces: readonly CompletionTrace[], timings: readonly FakeTiming[], tap: WireTap, gcs: ReadonlyArray<[number, number]>): Map<string, OverheadSample> {
  const byFlight = new Map<string, FakeTiming>();
  const starts = new Map<string, number>();
  for (const t of traces) if (t.id && t.requestAt !== undefined) starts.set(t.id, t.requestAt);
  const unused = [...timings];
  const ordered = [...starts].sort((a, b) => a[1] - b[1]);
  // The fake's record of a request: the first arrival after it started.
  for (const [id, at] of ordered) {
    const i = unused.findIndex((u) => u.arrivedAt >= at && u.arrivedAt - at < 100);
    if (i >= 0) byFlight.set(id, unused.splice(i, 1)[0]!);
  }
  const firstFlight = ordered[0]?.[0];
  const out = new Map<string, OverheadSample>();
  for (const t of traces) {
    // Every request that ran to its end counts, whether its suggestion survived post-processing or not.
    if (t.debouncedAt === undefined || (t.outcome !== 'shown' && t.outcome !== 'empty') || (t.source !== undefined && t.source !== 'model')) continue;
    const fakeT = byFlight.get(t.id!);
    if (t.id === firstFlight || !fakeT || !t.chunks) continue;
    const lastUsed = fakeT.writes[Math.min(fakeT.writes.length, t.chunks + (t.stoppedEarly ? 0 : 1)) - 1];
    if (lastUsed === undefined) continue;
    const overhead = (t.returnedAt - t.debouncedAt) - (lastUsed - fakeT.arrivedAt);
    const from = t.debouncedAt;
    const s: OverheadSample = { overhead, gc: gcs.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(b, t.returnedAt) - Math.max(a, from)), 0) };
    const sentAt = firstAtOrAfter(tap.sent, t.debouncedAt);
    const dataAt = firstAtOrAfter(tap.data, lastUsed - CLOCK_SLACK_MS);
    if (sentAt !== undefined && dataAt !== undefined && dataAt <= t.returnedAt) {
      s.ours = (sentAt - t.debouncedAt) + (t.returnedAt - dataAt);
      s.crossing = overhead - s.ours;
    }
    if (t.requestAt !== undefined && t.streamEndAt !== undefined) s.engine = (t.returnedAt - t.debouncedAt) - (t.streamEndAt - t.requestAt);
    out.set(t.id!, s);
  }
  return out;
}
