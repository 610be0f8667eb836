// A `fetch` for the official Ollama client over node:http with one keep-alive agent. Measured in `npm run bench`
// (completion suite), Node's built-in fetch (undici's WHATWG pipeline) costs about 1 ms per completion request
// on its way out and another on the way back, on a path whose whole budget is 2 ms; node:http with a kept-alive
// socket is about half of that. It covers exactly what the Ollama client sends (a string URL, a string body, plain
// headers, an AbortSignal) and hands anything else to the global fetch, so nothing is silently unsupported:
// - aborting destroys the request, so the server sees the connection close (real cancellation, as with fetch);
// - a server-closed idle socket picked from the pool is retried once on a fresh one (nothing reached the server);
// - redirects go to the global fetch, which follows them as the client expects;
// - errors look like fetch's (`TypeError('fetch failed', { cause })`), so errno-based failure mapping is unchanged.

import * as http from 'node:http';

export interface LoopbackFetchOptions {
  /** Idle keep-alive sockets are closed after this long (Ollama itself never closes them). Default 60 s. */
  idleSocketMs?: number;
  /** Where everything this adapter does not handle goes; default the global fetch. */
  fallback?: typeof fetch;
}

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export function createLoopbackFetch(opts: LoopbackFetchOptions = {}): typeof fetch {
  const agent = new http.Agent({ keepAlive: true, timeout: opts.idleSocketMs ?? 60_000 });
  const fallback = opts.fallback ?? ((input, init) => globalThis.fetch(input, init));
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : undefined;
    const body = init?.body;
    if (url === undefined || !url.startsWith('http:') || (body != null && typeof body !== 'string') || init?.redirect === 'error' || init?.redirect === 'manual') {
      return fallback(input, init);
    }
    return send(agent, url, init ?? {}, body ?? undefined, true).then((res) => res ?? fallback(input, init));
  };
}

/** Resolves undefined for a redirect (the fallback follows it). */
function send(agent: http.Agent, url: string, init: RequestInit, body: string | undefined, mayRetry: boolean): Promise<Response | undefined> {
  const signal = init.signal ?? undefined;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((v, k) => { headers[k] = v; });
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  return new Promise<Response | undefined>((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers, agent });
    let settled = false;
    let fail: (reason: unknown) => void = (reason) => { settled = true; reject(reason); };
    let complete = (): boolean => false;
    // The client stops reading at Ollama's `done` line and the guard then aborts: an answer that has arrived
    // whole keeps its socket for the next request; anything still arriving is cut off.
    const onAbort = (): void => { fail(signal!.reason); if (!complete()) req.destroy(); };
    const cleanup = (): void => signal?.removeEventListener('abort', onAbort);
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (settled) return;
      cleanup();
      // A kept-alive socket the server closed while idle fails before the request reached anyone: resend once.
      if (mayRetry && req.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE')) {
        settled = true;
        send(agent, url, init, body, false).then(resolve, reject);
        return;
      }
      fail(new TypeError('fetch failed', { cause: err }));
    });
    req.on('response', (res) => {
      settled = true;
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        cleanup();
        res.resume();
        resolve(undefined);
        return;
      }
      const responseHeaders = new Headers();
      for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) responseHeaders.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
      if (NULL_BODY.has(status)) {
        cleanup();
        res.resume();
        resolve(new Response(null, { status, statusText: res.statusMessage ?? '', headers: responseHeaders }));
        return;
      }
      let ended = false;
      complete = () => { if (!res.complete) return false; res.resume(); return true; };
      const stream = new ReadableStream<Uint8Array>({
        start(ctrl) {
          fail = (reason) => { if (!ended) { ended = true; ctrl.error(reason); } };
          res.on('data', (chunk: Buffer) => {
            if (ended) return;
            ctrl.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            if ((ctrl.desiredSize ?? 1) <= 0) res.pause();
          });
          res.on('end', () => { cleanup(); if (!ended) { ended = true; ctrl.close(); } });
          // Closed before its end: the server went away mid-stream (fetch's "terminated").
          res.on('close', () => { cleanup(); if (!res.complete) fail(new TypeError('terminated', { cause: new Error('other side closed') })); });
        },
        pull() { res.resume(); },
        cancel() { ended = true; cleanup(); if (!complete()) req.destroy(); },
      });
      resolve(new Response(stream, { status, statusText: res.statusMessage ?? '', headers: responseHeaders }));
    });
    req.end(body);
  });
}
