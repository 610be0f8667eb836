// Token counts in a worker thread: the first exact count costs ~2 s of CPU (encoder JSON parse, WASM compile,
// Tiktoken construction) and encoding runs at ~1 MB/s; in the extension host either would freeze every extension.
// The worker starts on the first count, is unref'd while idle (it never keeps a process alive), and is replaced
// after a crash, an exit or a time-out.
import { Worker } from 'node:worker_threads';
import { encodingForModel, estimateTokens } from './encoding';
import type { WorkerInit, WorkerReply, WorkerRequest } from './protocol';
import type { TokenCounter, TrimResult } from './counterTypes';

export const DEFAULT_WORKER_TIMEOUT_MS = 30_000;

export interface WorkerCounterOptions {
  assetsDir: string;
  workerScript: string;
  timeoutMs?: number;
}

export interface WorkerTokenCounter extends TokenCounter {
  /** The running worker, if any (diagnostics and tests). */
  worker(): Worker | undefined;
}

interface Pending {
  resolve(value: number | TrimResult): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

/** A request before it gets its id (Omit applied to each member of the union). */
type Request<R = WorkerRequest> = R extends WorkerRequest ? Omit<R, 'id'> : never;

export function createWorkerCounter(opts: WorkerCounterOptions): WorkerTokenCounter {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_WORKER_TIMEOUT_MS;
  const pending = new Map<number, Pending>();
  let worker: Worker | undefined;
  let nextId = 1;
  let loaded = false;

  /** Drops the current worker and rejects what it still owed; the next call starts a fresh one. */
  function stop(reason: Error): void {
    const w = worker;
    worker = undefined;
    loaded = false;
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(reason);
    }
    pending.clear();
    if (w) void w.terminate().catch(() => undefined);
  }

  function start(): Worker {
    const w = new Worker(opts.workerScript, { workerData: { assetsDir: opts.assetsDir } satisfies WorkerInit });
    w.unref();
    w.on('message', (reply: WorkerReply) => {
      if (w !== worker) return;
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      clearTimeout(p.timer);
      if (pending.size === 0) w.unref();
      if (reply.ok) {
        loaded ||= reply.loaded;
        p.resolve(reply.result);
      } else {
        p.reject(new Error(reply.error));
      }
    });
    // A stale worker's events (one already replaced) are ignored: its calls were rejected when it was dropped.
    w.on('error', (err) => { if (w === worker) stop(new Error(`token worker crashed: ${err.message}`)); });
    w.on('exit', (code) => { if (w === worker) stop(new Error(`token worker exited unexpectedly (code ${code})`)); });
    return w;
  }

  function call(req: Request): Promise<number | TrimResult> {
    const w = (worker ??= start());
    const id = nextId++;
    // Encoding runs at ~1 MB/s: a long text gets the time-out once per started megabyte, so it is not cut short.
    const ms = timeoutMs * Math.max(1, Math.ceil(req.text.length / 1_000_000));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const p = pending.get(id);
        if (!p || w !== worker) return;
        pending.delete(id);
        p.reject(new Error(`token worker did not answer within ${ms} ms; restarting it`));
        stop(new Error('token worker restarted after another call timed out'));
      }, ms);
      timer.unref();
      pending.set(id, { resolve, reject, timer });
      // Held while calls are outstanding, so a script awaiting a count is not ended early by the unref.
      if (pending.size === 1) w.ref();
      w.postMessage({ ...req, id } as WorkerRequest);
    });
  }

  return {
    async count(text, model) {
      if (text.length === 0) return 0;
      return (await call({ op: 'count', enc: encodingForModel(model), text })) as number;
    },
    estimate: estimateTokens,
    async trimToTokens(text, maxTokens, o = {}) {
      return (await call({ op: 'trim', enc: encodingForModel(o.model), text, maxTokens, keep: o.keep ?? 'start' })) as TrimResult;
    },
    isLoaded: () => loaded,
    dispose: () => stop(new Error('token counter disposed')),
    worker: () => worker,
  };
}
