// The `fetch` the local-model clients get for a server on this machine. Node's global fetch runs the whole WHATWG
// fetch algorithm for every request; on a completion that is the larger part of what the extension adds to the
// model's own time (bench: ~0.8 ms of ~1.6 ms on the way out, against a bare node:http exchange). For a loopback
// URL with a plain body this sends the request with node:http over one keep-alive connection and hands the
// official client a standard Response. Plain http to a trusted host off this machine goes the same direct way: it is
// the private tier, and a proxy (HTTP_PROXY, or one the editor installs in global fetch) would read its clear text —
// through a CONNECT tunnel too. Anything else (https, a Request object, a streamed or form body) goes to global
// fetch unchanged, which keeps VS Code's proxy and certificate support where it matters (a proxy sees only the host
// of an https request).
// Failures look as fetch's do: a network error is TypeError('fetch failed') with the errno on `cause`, an abort
// rejects (or errors the body) with the signal's reason; redirects are not followed (a local model server
// does not redirect, and a 3xx reaches the client as it came).
// A request prepared ahead (`held`) is opened at once, its socket taken from the pool or connected, and nothing
// is written until the hold settles: then headers and body leave in one write. Building the request and binding
// a socket cost about 0.4 ms of node:http's own time (bench), which the hold pays instead of the user. Aborted
// while held, the request is destroyed with nothing sent: the server sees an idle connection close, no request.

import * as http from 'node:http';
import { wrapBody, type BodyHooks } from './bodyWatch';

/** What RequestGuard hands a holdable fetch besides the request: its body watch, and the client's own signal. */
export interface HeldOptions {
  /** Called from the body's own stream (the guard then needs no second stream around it). */
  watch?: BodyHooks;
  /** Aborts the request as `init.signal` does (one listener each instead of a combined AbortSignal.any). */
  alsoAbortOn?: AbortSignal;
}

/**
 * A fetch that can open a request now and send it when `hold` settles (RequestGuard's prepared requests; no hold:
 * now), reading the body through the guard's hooks.
 */
export type HoldableFetch = typeof fetch & {
  held?: (input: string | URL | Request, init: RequestInit | undefined, hold: Promise<unknown> | undefined, opts?: HeldOptions) => Promise<Response>;
};

export interface LoopbackFetch {
  readonly fetch: HoldableFetch;
  /** Closes the idle kept-alive connection(s) now and each busy one when its request ends; nothing in flight is cut. */
  dispose(): void;
}

/** Idle connections are closed after this long (servers such as uvicorn close theirs after 5 s anyway). */
const IDLE_SOCKET_MS = 30_000;
/** Statuses a Response may not have a body for. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export function createLoopbackFetch(fallback: typeof fetch = (...a) => globalThis.fetch(...a)): LoopbackFetch {
  const agent = new http.Agent({ keepAlive: true, maxFreeSockets: 4, timeout: IDLE_SOCKET_MS });
  const open = (input: string | URL | Request, init: RequestInit | undefined, hold: Promise<unknown> | undefined, opts: HeldOptions = {}): Promise<Response> => {
    const url = typeof input === 'string' ? safeUrl(input) : input instanceof URL ? input : undefined;
    const body = init?.body;
    const plainBody = body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array;
    if (!url || url.protocol !== 'http:' || !plainBody || init?.redirect === 'error') {
      const also = opts.alsoAbortOn;
      const fbInit = also && init?.signal ? { ...init, signal: AbortSignal.any([init.signal, also]) } : also ? { ...init, signal: also } : init;
      const go = (): Promise<Response> => fallback(input, fbInit).then((r) => (opts.watch ? wrapBody(r, opts.watch) : r));
      return hold ? hold.then(go) : go();
    }
    // Encoded now, while a held request waits: the send then writes bytes it has, and the length is known.
    const bytes = typeof body === 'string' ? Buffer.from(body) : body ?? undefined;
    const textBody = typeof body === 'string';
    return send(agent, url, init ?? {}, bytes, textBody, true, hold, opts);
  };
  const fetchFn: HoldableFetch = Object.assign(((input: string | URL | Request, init?: RequestInit) => open(input, init, undefined)) as typeof fetch, {
    held: (input: string | URL | Request, init: RequestInit | undefined, hold: Promise<unknown> | undefined, opts?: HeldOptions) => open(input, init, hold, opts),
  });
  const dispose = (): void => {
    for (const list of Object.values(agent.freeSockets)) for (const socket of list ?? []) socket.destroy();
    agent.on('free', (socket) => socket.destroy());
  };
  return { fetch: fetchFn, dispose };
}

function safeUrl(s: string): URL | undefined {
  try { return new URL(s); } catch { return undefined; }
}

function headerRecord(h: RequestInit['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (!h) return out;
  if (h instanceof Headers) h.forEach((v, k) => { out[k] = v; });
  else if (Array.isArray(h)) for (const [k, v] of h) out[k.toLowerCase()] = out[k.toLowerCase()] ? `${out[k.toLowerCase()]}, ${v}` : v;
  else for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = String(v);
  return out;
}

function responseHeaders(raw: string[]): Headers {
  const h = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) h.append(raw[i]!, raw[i + 1]!);
  return h;
}

function networkError(err: unknown): TypeError {
  return new TypeError('fetch failed', { cause: err });
}

function send(
  agent: http.Agent, url: URL, init: RequestInit, body: Uint8Array | undefined, textBody: boolean, mayRetry: boolean,
  hold: Promise<unknown> | undefined, opts: HeldOptions,
): Promise<Response> {
  const signal = init.signal ?? undefined;
  const also = opts.alsoAbortOn;
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (also?.aborted) return Promise.reject(also.reason);
  return new Promise<Response>((resolve, reject) => {
    const headers = headerRecord(init.headers);
    if (body !== undefined) {
      headers['content-length'] = String(body.byteLength);
      if (textBody && !headers['content-type']) headers['content-type'] = 'text/plain;charset=UTF-8';
    }
    headers['accept'] ??= '*/*';
    let settled = false;
    let res: http.IncomingMessage | undefined;
    let bodyCtrl: ReadableStreamDefaultController<Uint8Array> | undefined;
    const req = http.request(url, { method: init.method ?? 'GET', headers, agent });
    const onAbort = (): void => {
      const reason: unknown = signal?.aborted ? signal.reason : also?.reason;
      if (!settled) { settled = true; reject(reason); }
      else if (bodyCtrl && res && !res.complete) { try { bodyCtrl.error(reason); } catch { /* already closed */ } }
      req.destroy();
    };
    const done = (): void => { signal?.removeEventListener('abort', onAbort); also?.removeEventListener('abort', onAbort); };
    signal?.addEventListener('abort', onAbort, { once: true });
    also?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (err) => {
      if (settled) return;
      // A kept-alive connection the server closed while it sat idle: the request never reached it, send it again.
      const code = (err as NodeJS.ErrnoException).code;
      if (mayRetry && req.reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE')) {
        settled = true;
        done();
        send(agent, url, init, body, textBody, false, hold, opts).then(resolve, reject);
        return;
      }
      settled = true;
      done();
      reject(networkError(err));
    });
    req.on('response', (incoming) => {
      res = incoming;
      settled = true;
      const status = incoming.statusCode ?? 0;
      const stream = init.method === 'HEAD' || NULL_BODY.has(status) ? null : bodyStream(incoming, (c) => { bodyCtrl = c; }, done, () => !!(signal?.aborted || also?.aborted), opts.watch);
      if (!stream) { incoming.resume(); done(); }
      resolve(new Response(stream, { status, statusText: incoming.statusMessage ?? '', headers: responseHeaders(incoming.rawHeaders) }));
    });
    if (!hold) req.end(body);
    else void hold.then(() => { if (!settled && !req.destroyed) req.end(body); });
  });
}

/**
 * The response body as a web stream that reads from the socket only as fast as the client reads it; the guard's
 * hooks (bodyWatch.ts) see each wait, chunk and end from here.
 */
function bodyStream(
  res: http.IncomingMessage, onController: (c: ReadableStreamDefaultController<Uint8Array>) => void,
  done: () => void, aborted: () => boolean, watch: BodyHooks | undefined,
): ReadableStream<Uint8Array> {
  // Set once the reader cancelled (or a hook failed the body): bytes the socket had already handed over are
  // dropped, not enqueued (enqueueing after cancel throws "Controller is already closed").
  let cancelled = false;
  watch?.open(res.statusCode ?? 0);
  return new ReadableStream<Uint8Array>({
    start(ctrl) {
      onController(ctrl);
      const fail = (err: Error): void => { cancelled = true; done(); try { ctrl.error(err); } catch { /* closed */ } res.destroy(); };
      res.on('data', (chunk: Buffer) => {
        if (cancelled) return;
        const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        const failure = watch?.chunk(bytes);
        if (failure) { fail(failure); return; }
        ctrl.enqueue(bytes);
        if ((ctrl.desiredSize ?? 1) <= 0) res.pause();
      });
      res.on('end', () => {
        done();
        if (cancelled) return;
        const failure = watch?.end();
        if (failure) { cancelled = true; ctrl.error(failure); } else ctrl.close();
      });
      res.on('error', (err) => { done(); watch?.settle(); if (!aborted()) { try { ctrl.error(new TypeError('terminated', { cause: err })); } catch { /* closed */ } } });
      res.on('close', () => {
        done();
        watch?.settle();
        // The connection went away before the whole body came (server crash, reset): fetch says "terminated".
        if (!res.complete && !aborted()) { try { ctrl.error(new TypeError('terminated', { cause: new Error('other side closed') })); } catch { /* closed */ } }
      });
    },
    pull() { watch?.pull(); res.resume(); },
    cancel() { cancelled = true; watch?.settle(); done(); res.destroy(); },
  });
}
