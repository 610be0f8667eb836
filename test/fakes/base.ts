// Shared machinery of the loopback fakes: an HTTP server on 127.0.0.1, a record of every request (auth values
// removed), run-time fault knobs, and canned, deterministic replies streamed with configurable timing.

import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createHash } from 'node:crypto';
import { demoAnswer } from './demoAnswers';

export type FaultKind =
  | 'refuse'            // reset every connection as soon as it opens (a true ECONNREFUSED needs a closed port)
  | 'delayFirstByte'    // wait `ms` before the status line
  | 'stallAfterHeaders' // send headers (and `afterTokens` tokens), then go silent until the client leaves
  | 'heartbeat'         // after `afterTokens` tokens, send only the protocol's keep-alive every `ms` (default 1000) until the client leaves
  | 'status'            // answer `status` with the real error body shape (or `body`) and `retryAfter`
  | 'errorEvent'        // after `afterTokens` tokens, send the protocol's in-stream error, then end
  | 'malformedChunk'    // after `afterTokens` tokens, send a line that is not JSON, then carry on
  | 'truncate'          // after `afterTokens` tokens, end the body without the final event
  | 'reset';            // after `afterTokens` tokens, reset the connection (the server process died mid-answer)

export interface Fault {
  kind: FaultKind;
  ms?: number;
  status?: number;
  /** Seconds, sent as `retry-after` (a string is sent verbatim, e.g. an HTTP date). */
  retryAfter?: number | string;
  /** Sent as `retry-after-ms` (Anthropic/OpenAI SDKs read it first). */
  retryAfterMs?: number;
  /** Replaces the default error body of a `status` fault (object → JSON, string → text/html). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Tokens streamed before the fault strikes (stall / error / malformed / truncate). Default 1. */
  afterTokens?: number;
  /** How many requests the fault applies to; default: until cleared. `once: true` = 1. */
  times?: number;
  once?: boolean;
  /** Paths the fault applies to; default: the server's generation endpoints ('refuse' hits every path). */
  paths?: string[];
}

export interface RecordedRequest {
  /** When the request's headers arrived (absolute ms: timeOrigin + now, comparable across threads). */
  receivedAt: number;
  index: number;
  method: string;
  path: string;
  /** Lower-cased header names; values of auth headers replaced by "[redacted]". */
  headers: Record<string, string>;
  /** Parsed JSON body, or the raw text when it is not JSON, or undefined when empty. */
  body: unknown;
  /** True once the client closed the connection before the response was complete. */
  clientClosed: boolean;
  /** True once the response was completely written. */
  finished: boolean;
  /** Resolves when the client has closed the connection before the response finished. */
  closedByClient: Promise<void>;
}

export interface ReplyConfig {
  /** First word(s) of every canned answer, so tests can tell which server answered. */
  marker: string;
  /** Fixed answer text (after the marker). Default: a short deterministic sentence. */
  text?: string;
  /** `npm start -- --demo-servers`: answer by kind (code, a review finding, markdown) instead of `text`. */
  demo?: boolean;
  /** Append `[digest:xxxxxxxx]` of the received body to the answer. */
  echoDigest?: boolean;
  /** Delay before the first token (after headers). */
  ttftMs: number;
  /** Delay between tokens. */
  perTokenMs: number;
}

export interface StartedServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const AUTH_HEADERS = new Set(['authorization', 'x-api-key', 'api-key', 'proxy-authorization', 'cookie']);

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Splits an answer into word-sized tokens the way a model streams them (leading space kept on the token). */
export function tokenize(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

export function digestOf(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body ?? null)).digest('hex').slice(0, 8);
}

/** Deterministic token estimate the fakes report as usage (≈ 4 characters a token). */
export function fakeTokenCount(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

export interface Exchange {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  record: RecordedRequest;
  fault: Fault | undefined;
  /** True once the client has gone; writers stop. */
  gone(): boolean;
  /** Sleeps, but wakes early (returning false) when the client goes or the server closes. */
  wait(ms: number): Promise<boolean>;
}

export abstract class FakeServer {
  readonly requests: RecordedRequest[] = [];
  reply: ReplyConfig;
  private server: http.Server | undefined;
  private readonly sockets = new Set<Socket>();
  private fault: (Fault & { remaining: number }) | undefined;
  private readonly pending = new Set<(v: boolean) => void>();
  private closing = false;
  private readonly waiters: Array<{ n: number; resolve: () => void }> = [];

  protected constructor(reply: Partial<ReplyConfig> & { marker: string }, protected readonly generationPaths: string[]) {
    this.reply = { ttftMs: 0, perTokenMs: 0, ...reply };
  }

  /** True while the server listens (between start and close). */
  get listening(): boolean {
    return !!this.server;
  }

  /** Sets (or with `undefined` clears) the fault knob; applies to the next matching requests. */
  setFault(fault: Fault | undefined): void {
    this.fault = fault ? { ...fault, remaining: fault.once ? 1 : fault.times ?? Number.POSITIVE_INFINITY } : undefined;
  }

  setReply(reply: Partial<ReplyConfig>): void {
    this.reply = { ...this.reply, ...reply };
  }

  /** Forgets recorded requests (the fault and reply settings stay). */
  reset(): void {
    this.requests.length = 0;
  }

  /** Resolves when at least `n` requests have been received. */
  waitForRequests(n: number, timeoutMs = 5000): Promise<void> {
    if (this.requests.length >= n) return Promise.resolve();
    return withTimeout(new Promise<void>((resolve) => this.waiters.push({ n, resolve })), timeoutMs, `${n} requests`);
  }

  /** Resolves when the client closes the connection of request `index` (default: the latest) early. */
  async waitForClientClose(index?: number, timeoutMs = 5000): Promise<RecordedRequest> {
    const i = index ?? this.requests.length - 1;
    const rec = this.requests[i];
    if (!rec) throw new Error(`no request #${i} recorded`);
    await withTimeout(rec.closedByClient, timeoutMs, `client close of request #${i}`);
    return rec;
  }

  /** The answer text a request receives (marker + text + optional digest). */
  answerFor(body: unknown): string {
    if (this.reply.demo && this.reply.text === undefined) return demoAnswer(body, this.reply.marker);
    const text = this.reply.text ?? 'canned answer from a loopback fake.';
    return `${this.reply.marker} ${text}${this.reply.echoDigest ? ` [digest:${digestOf(body)}]` : ''}`;
  }

  /** How long an idle keep-alive connection stays open (Node's server default is 5 s). */
  protected keepAliveMs = 1000;
  /** TCP connections accepted so far (a client that keeps its connection alive opens one). */
  connections = 0;

  async start(port = 0): Promise<StartedServer> {
    if (this.server) throw new Error('already started');
    this.closing = false;
    const server = http.createServer((req, res) => { void this.onRequest(req, res); });
    server.keepAliveTimeout = this.keepAliveMs;
    server.on('connection', (socket: Socket) => {
      if (this.fault?.kind === 'refuse' && this.fault.remaining > 0) {
        this.fault.remaining--;
        socket.resetAndDestroy();
        return;
      }
      this.connections++;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => { server.off('error', reject); resolve(); });
    });
    this.server = server;
    const actual = (server.address() as AddressInfo).port;
    return { url: `http://127.0.0.1:${actual}`, port: actual, close: () => this.close() };
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.closing = true;
    for (const finish of [...this.pending]) finish(false);
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Answers one request that passed the fault checks. */
  protected abstract handle(ex: Exchange): Promise<void>;

  /** The protocol's error body for a status (used by `status` faults without their own `body`). */
  protected abstract errorBody(status: number, fault: Fault): unknown;

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const receivedAt = performance.timeOrigin + performance.now();
    const raw = await readBody(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    let resolveClosed!: () => void;
    const record: RecordedRequest = {
      index: this.requests.length,
      method: req.method ?? 'GET',
      path,
      headers: redactHeaders(req.headers),
      body: parseBody(raw),
      clientClosed: false,
      finished: false,
      receivedAt,
      closedByClient: new Promise<void>((r) => { resolveClosed = r; }),
    };
    this.requests.push(record);
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const w = this.waiters[i]!;
      if (this.requests.length >= w.n) { this.waiters.splice(i, 1); w.resolve(); }
    }
    res.on('finish', () => { record.finished = true; });
    res.on('close', () => {
      if (!record.finished && !this.closing) { record.clientClosed = true; resolveClosed(); }
    });

    const fault = this.takeFault(path);
    const ex: Exchange = {
      req, res, record, fault,
      gone: () => record.clientClosed || this.closing || res.destroyed,
      wait: (ms) => this.wait(ms, () => ex.gone()),
    };
    try {
      if (fault?.kind === 'delayFirstByte') {
        if (!(await ex.wait(fault.ms ?? 1000))) return;
      }
      if (fault?.kind === 'status') {
        const status = fault.status ?? 500;
        const body = fault.body ?? this.errorBody(status, fault);
        const headers: Record<string, string> = { ...this.errorHeaders(), ...(fault.headers ?? {}) };
        if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
        if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
        if (typeof body === 'string') {
          res.writeHead(status, { 'content-type': 'text/html', ...headers });
          res.end(body);
        } else {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(body));
        }
        return;
      }
      await this.handle(ex);
    } catch (err) {
      if (!res.headersSent && !ex.gone()) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify(this.errorBody(500, { kind: 'status', body: String(err) })));
      } else if (!ex.gone()) res.destroy();
    }
  }

  /** Extra headers on every error response (Anthropic's request-id). */
  protected errorHeaders(): Record<string, string> {
    return {};
  }

  private takeFault(path: string): Fault | undefined {
    const f = this.fault;
    if (!f || f.kind === 'refuse' || f.remaining <= 0) return undefined;
    const paths = f.paths ?? this.generationPaths;
    if (!paths.includes(path)) return undefined;
    f.remaining--;
    return f;
  }

  private wait(ms: number, gone: () => boolean): Promise<boolean> {
    if (gone()) return Promise.resolve(false);
    if (ms <= 0) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const finish = (v: boolean): void => {
        if (!this.pending.delete(finish)) return;
        clearTimeout(t);
        clearInterval(poll);
        resolve(v);
      };
      this.pending.add(finish);
      const t = setTimeout(() => finish(!gone()), ms);
      // Wake early when the client leaves, so a stalled writer ends with its connection.
      const poll = setInterval(() => { if (gone()) finish(false); }, Math.min(ms, 20));
    });
  }
}

/** Streams `tokens` with the reply timing, calling `emit` for each; returns false if the client left. */
export async function streamTokens(
  ex: Exchange, reply: ReplyConfig, tokens: string[], emit: (token: string, i: number) => void,
  onFaultPoint: () => Promise<'stop' | 'continue'>,
): Promise<'done' | 'gone' | 'stopped'> {
  const faultAt = ex.fault && ex.fault.kind !== 'delayFirstByte' ? ex.fault.afterTokens ?? 1 : -1;
  if (!(await ex.wait(reply.ttftMs))) return 'gone';
  for (let i = 0; i < tokens.length; i++) {
    if (i === faultAt) {
      if ((await onFaultPoint()) === 'stop') return 'stopped';
    }
    if (ex.gone()) return 'gone';
    emit(tokens[i]!, i);
    if (i < tokens.length - 1 && !(await ex.wait(reply.perTokenMs))) return 'gone';
  }
  if (faultAt >= tokens.length) {
    if ((await onFaultPoint()) === 'stop') return 'stopped';
  }
  return ex.gone() ? 'gone' : 'done';
}

/**
 * Holds the response open, writing only keep-alives (`beat`) every `ms`, until the client leaves: a server that is
 * alive but sends no answer (Anthropic's `ping` events, the `: keep-alive` comments OpenRouter and proxies send).
 */
export async function heartbeatForever(ex: Exchange, beat: () => void, ms = 1000): Promise<void> {
  while (await ex.wait(ms)) beat();
}

/** Holds the response open, writing nothing, until the client leaves or the server closes. */
export async function stallForever(ex: Exchange): Promise<void> {
  while (await ex.wait(1000)) { /* silent */ }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function parseBody(raw: string): unknown {
  if (!raw) return undefined;
  try { return JSON.parse(raw) as unknown; } catch { return raw; }
}

function redactHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    out[k] = AUTH_HEADERS.has(k.toLowerCase()) ? '[redacted]' : Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let t: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(t)),
    new Promise<T>((_, reject) => { t = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms); }),
  ]);
}
