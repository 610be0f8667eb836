// Ollama's streamed answer read straight off node:http, for the completion path to a server on this machine.
// Through the official client, each completion went: socket → a web ReadableStream and Response (loopback fetch)
// → the guard's second stream and Response → the client's TextDecoder and NDJSON generator → its abortable
// iterator. After the model's idle wait that code runs cold, and it was most of the extension's own time per
// request (bench/completionTransportAB.ts). Here the lines are parsed off 'data' events; everything the client
// and the guard did is kept and fails the same way: the held send and first-byte deadline (guard.attempt), the
// idle deadline (guard.waiting), a line that is not JSON fails the request, an {"error"} line throws its text,
// a stream that ends before `done: true` throws the client's own words, and a non-2xx answer throws the client's
// ResponseError with the server's `error` text. After `done: true` the rest of the answer is read to its end, so
// the connection goes back to the pool.

import type * as http from 'node:http';
import type { GenerateRequest, GenerateResponse } from 'ollama';
import type { RequestGuard } from './guard';
import type { LoopbackFetch } from './loopbackFetch';

/** The official client's error for a non-2xx answer (ollama's ResponseError, which it does not export). */
export class OllamaResponseError extends Error {
  override readonly name = 'ResponseError';
  constructor(readonly error: string, readonly status_code: number) {
    super(error);
  }
}

/**
 * POSTs `request` (stream: true) to `url` and yields each parsed line; undefined when the loopback fetch would
 * not send to `url` itself (the caller then uses the official client).
 */
export function leanGenerate(lb: LoopbackFetch, url: string, request: GenerateRequest, guard: RequestGuard): AsyncGenerator<GenerateResponse> | undefined {
  if (!lb.serves(url)) return undefined;
  const body = JSON.stringify({ ...request, stream: true });
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  return lines(() => lb.request(url, { method: 'POST', headers, body, signal: guard.signal })!, guard);
}

async function* lines(send: () => Promise<http.IncomingMessage>, guard: RequestGuard): AsyncGenerator<GenerateResponse> {
  const res = await guard.attempt(send);
  const status = res.statusCode ?? 0;
  if (status < 200 || status > 299) throw await responseError(res, status);
  res.setEncoding('utf8');
  const queue: string[] = [];
  let ended = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const poke = (): void => { const w = wake; wake = undefined; w?.(); };
  res.on('data', (d: string) => { queue.push(d); poke(); });
  res.on('end', () => { ended = true; poke(); });
  res.on('error', (err) => { failure ??= err; poke(); });
  res.on('close', () => {
    // Gone before the whole body came (server crash, reset, our abort): fetch's word for it is "terminated".
    if (!res.complete) failure ??= new TypeError('terminated', { cause: new Error('other side closed') });
    ended = true;
    poke();
  });
  let pending = '';
  try {
    for (;;) {
      if (!queue.length && !ended && failure === undefined) {
        const disarm = guard.waiting();
        await new Promise<void>((r) => { wake = r; });
        disarm();
      }
      pending += queue.splice(0).join('');
      if (ended && failure === undefined) pending += '\n'; // the last line may come without its newline
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        if (!line.trim()) continue;
        const part = parse(line, guard);
        if ('error' in part) throw new Error(String((part as { error: unknown }).error));
        yield part;
        if (part.done) return;
      }
      if (failure !== undefined) throw failure;
      if (ended) throw new Error('Did not receive done or success response in stream.');
    }
  } finally {
    res.resume();
  }
}

function parse(line: string, guard: RequestGuard): GenerateResponse {
  try {
    return JSON.parse(line) as GenerateResponse;
  } catch {
    throw guard.malformedLine();
  }
}

/** What the client's checkOk makes of an error answer: the JSON body's `error`, else the text, else the status. */
async function responseError(res: http.IncomingMessage, status: number): Promise<OllamaResponseError> {
  let message = `Error ${status}: ${res.statusMessage ?? ''}`;
  try {
    res.setEncoding('utf8');
    let text = '';
    for await (const d of res) text += d as string;
    if (String(res.headers['content-type'] ?? '').includes('application/json')) {
      const data = JSON.parse(text) as { error?: unknown };
      if (typeof data.error === 'string' && data.error) message = data.error;
    } else if (text) message = text;
  } catch { /* the status line is all there is */ }
  return new OllamaResponseError(message, status);
}
