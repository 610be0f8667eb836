// When this process handed each HTTP request to the kernel and when each chunk of an answer reached its event loop:
// each client socket (Node's 'net.client.socket' diagnostics channel) gets its handle's write calls wrapped (the
// libuv write that hands headers and body to the kernel, one writev per request) and a 'data' listener put first.
// A request's 'finish' event is no use here: it fires a loop turn after the write, often after the server has the
// request. It splits the completion overhead per request into the part our code runs (before the send, after the
// data) and the two loopback crossings, which a bare node:http exchange pays as well. The hooks cost a few µs.
import * as dc from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

export interface WireTap {
  /** Writes handed to the kernel, in order (one per request: node:http corks headers and body into one writev). */
  readonly sent: number[];
  /** Chunks read off the sockets, in order. */
  readonly data: number[];
  stop(): void;
}

export function tapWire(now: () => number): WireTap {
  const sent: number[] = [];
  const data: number[] = [];
  const wrap = (handle: Record<string, unknown> | undefined): void => {
    if (!handle) return;
    for (const m of ['writev', 'writeBuffer', 'writeUtf8String', 'writeLatin1String', 'writeAsciiString']) {
      const orig = handle[m];
      if (typeof orig !== 'function') continue;
      handle[m] = function (this: unknown, ...a: unknown[]): unknown { const r: unknown = orig.apply(this, a); sent.push(now()); return r; };
    }
  };
  const onSocket = (m: unknown): void => {
    const socket = (m as { socket: Socket }).socket;
    socket.once('connect', () => wrap((socket as unknown as { _handle?: Record<string, unknown> })._handle));
    socket.prependListener('data', () => data.push(now()));
  };
  dc.subscribe('net.client.socket', onSocket);
  return { sent, data, stop: () => { dc.unsubscribe('net.client.socket', onSocket); } };
}

/** The first time in `xs` (ascending) at or after `t`. */
export function firstAtOrAfter(xs: readonly number[], t: number): number | undefined {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (xs[mid]! < t) lo = mid + 1; else hi = mid; }
  return xs[lo];
}
