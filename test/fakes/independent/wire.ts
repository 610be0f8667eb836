// The transport of the independent fakes, written apart from test/fakes/base.ts on purpose: a bare node:http
// server whose handlers get the parsed request and write bytes themselves, so each fake can choose how its
// bytes reach the socket (one write per frame, or the whole body cut at arbitrary byte offsets, as TCP may
// deliver it), CRLF or LF line ends, keep-alive or `Connection: close`.

import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface WireRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  json: unknown;
}

export interface Seen {
  method: string;
  path: string;
  /** Header names only: values (keys among them) are never kept. */
  headerNames: string[];
  json: unknown;
  /** Resolves when the client hung up before the body was complete. */
  hungUp: Promise<void>;
  hungUpEarly: boolean;
}

export interface Delivery {
  /** Cut the body into pieces of these sizes in turn (bytes) instead of one write per frame. */
  cuts?: number[];
  /** Pause between writes, so each piece travels in its own TCP segment. */
  gapMs?: number;
  /** Send `Connection: close` and end the socket after the response (old proxies, some servers). */
  close?: boolean;
  /** After this many pieces the body goes wrong as `cut` says (a stream cut mid-answer). */
  cutAfter?: number;
  /** 'reset': TCP RST (the server died); 'stall': nothing more, the socket left open; 'end': the body just ends. */
  cut?: 'reset' | 'stall' | 'end';
}

export type Handler = (req: WireRequest, res: http.ServerResponse, seen: Seen) => Promise<void> | void;

export class WireServer {
  readonly seen: Seen[] = [];
  private server: http.Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly handle: Handler) {}

  async listen(): Promise<string> {
    const server = http.createServer((req, res) => { void this.serve(req, res); });
    server.on('connection', (s) => { this.connections++; this.sockets.add(s); s.on('close', () => this.sockets.delete(s)); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    this.server = server;
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** How many TCP connections were opened so far (keep-alive reuse shows as fewer connections than requests). */
  connections = 0;

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let json: unknown;
    try { json = raw ? JSON.parse(raw) : undefined; } catch { json = raw; }
    let hang: () => void = () => undefined;
    const seen: Seen = {
      method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0]!, headerNames: Object.keys(req.headers),
      json, hungUp: new Promise<void>((r) => { hang = r; }), hungUpEarly: false,
    };
    res.on('close', () => { if (!res.writableFinished) { seen.hungUpEarly = true; hang(); } });
    this.seen.push(seen);
    try {
      await this.handle({ method: seen.method, path: seen.path, headers: req.headers, json }, res, seen);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err));
    }
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Writes frames either one write each or re-cut at the given byte sizes, then ends the response. */
export async function deliver(res: http.ServerResponse, frames: string[], d: Delivery, stopAt?: () => boolean): Promise<void> {
  res.socket?.setNoDelay(true);
  const pieces: Buffer[] = [];
  if (d.cuts?.length) {
    const all = Buffer.from(frames.join(''), 'utf8');
    for (let at = 0, i = 0; at < all.length; i++) {
      const n = Math.max(1, d.cuts[i % d.cuts.length]!);
      pieces.push(all.subarray(at, at + n));
      at += n;
    }
  } else {
    for (const f of frames) pieces.push(Buffer.from(f, 'utf8'));
  }
  for (const [i, p] of pieces.entries()) {
    if (res.destroyed || stopAt?.()) return;
    if (d.cutAfter === i && d.cut) return cutBody(res, d.cut);
    res.write(p);
    await sleep(d.gapMs ?? 1);
  }
  res.end();
}

async function cutBody(res: http.ServerResponse, how: 'reset' | 'stall' | 'end'): Promise<void> {
  if (how === 'end') { res.end(); return; }
  if (how === 'reset') { await sleep(20); res.socket?.resetAndDestroy(); return; }
  // Stalled: the client's idle deadline has to end it; the socket closes when the client gives up.
  await new Promise<void>((r) => { res.on('close', () => r()); });
}

/** A JSON answer; gzip-encoded when `gzip` is set and the client offered it (the cloud APIs' CDN does this). */
export function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, gzip = false): void {
  const text = Buffer.from(JSON.stringify(body), 'utf8');
  const accepts = /\bgzip\b/.test(String(res.req?.headers['accept-encoding'] ?? ''));
  const payload = gzip && accepts ? gzipSync(text) : text;
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8', 'content-length': String(payload.length),
    ...(payload !== text ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}), ...headers,
  });
  res.end(payload);
}

/** Splits an answer into word-sized deltas, spaces kept, so the sum equals the text. */
export function words(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}
