// When this process handed each HTTP request to the kernel and when each chunk of an answer reached its event loop,
// from Node's diagnostics channels (a 'finish' listener per request, a 'data' listener put first on each socket).
// It splits the completion overhead per request into the part our code runs (before the send, after the data) and
// the two loopback crossings, which a bare node:http exchange pays as well. The listeners cost a few µs.
import * as dc from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import type { Socket } from 'node:net';

export interface WireTap {
  /** Requests handed to the kernel ('finish'), in order. */
  readonly sent: number[];
  /** Chunks read off the sockets, in order. */
  readonly data: number[];
  stop(): void;
}

export function tapWire(now: () => number): WireTap {
  const sent: number[] = [];
  const data: number[] = [];
  const onRequest = (m: unknown): void => { (m as { request: ClientRequest }).request.once('finish', () => sent.push(now())); };
  const onSocket = (m: unknown): void => { (m as { socket: Socket }).socket.prependListener('data', () => data.push(now())); };
  dc.subscribe('http.client.request.start', onRequest);
  dc.subscribe('net.client.socket', onSocket);
  return { sent, data, stop: () => { dc.unsubscribe('http.client.request.start', onRequest); dc.unsubscribe('net.client.socket', onSocket); } };
}

/** The first time in `xs` (ascending) at or after `t`. */
export function firstAtOrAfter(xs: readonly number[], t: number): number | undefined {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (xs[mid]! < t) lo = mid + 1; else hi = mid; }
  return xs[lo];
}
