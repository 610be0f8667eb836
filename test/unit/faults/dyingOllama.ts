// An Ollama that dies at a chosen byte of its answer, at the TCP level: the real server's bytes (HTTP/1.1 head,
// chunked encoding, one chunk per NDJSON line as Go's http server flushes them), written up to `cut` bytes, then
// the connection ends the way a dying process ends it — a FIN (the kernel closes a killed process's sockets
// cleanly), a destroy, or an RST. /api/show answers whole (with Content-Length), so the provider reaches /api/chat.
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

export type DeathKind = 'fin' | 'destroy' | 'reset';

export interface Death { cut: number; kind: DeathKind; /** Wait this long after the last byte before dying. */ delayMs?: number }

const MODEL = 'qwen2.5-coder:7b';

/** NDJSON lines of a streamed /api/chat answer: `words` content lines and the final `done` line. */
export function chatLines(words: string[]): string[] {
  const at = '2026-01-01T00:00:00Z';
  const lines = words.map((w) => JSON.stringify({ model: MODEL, created_at: at, message: { role: 'assistant', content: w }, done: false }));
  lines.push(JSON.stringify({ model: MODEL, created_at: at, message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop',
    total_duration: 5_000_000, load_duration: 1_000, prompt_eval_count: 40, prompt_eval_duration: 1_000, eval_count: words.length, eval_duration: 3_000_000 }));
  return lines.map((l) => `${l}\n`);
}

/** The whole /api/chat response on the wire, and the byte offset at which its `done` line is complete. */
export function chatResponse(words: string[]): { bytes: Buffer; doneComplete: number } {
  const head = 'HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nDate: Thu, 01 Jan 2026 00:00:00 GMT\r\nTransfer-Encoding: chunked\r\n\r\n';
  let wire = head;
  let doneComplete = 0;
  for (const line of chatLines(words)) {
    wire += `${Buffer.byteLength(line).toString(16)}\r\n${line}`;
    doneComplete = Buffer.byteLength(wire);
    wire += '\r\n';
  }
  wire += '0\r\n\r\n';
  return { bytes: Buffer.from(wire), doneComplete };
}

function showResponse(): Buffer {
  const body = JSON.stringify({ modelfile: `FROM ${MODEL}`, parameters: '', template: '{{ .Prompt }}', capabilities: ['completion', 'tools'],
    details: { family: 'qwen2', families: ['qwen2'], format: 'gguf', parameter_size: '7B', quantization_level: 'Q4_K_M' },
    model_info: { 'qwen2.context_length': 32768 }, modified_at: '2026-01-01T00:00:00Z' });
  return Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

export class DyingOllama {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  death: Death = { cut: 0, kind: 'fin' };
  response: Buffer = Buffer.alloc(0);
  chats = 0;

  async start(): Promise<string> {
    const server = net.createServer((socket) => this.serve(socket));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    this.server = server;
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private serve(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    let buf = Buffer.alloc(0);
    socket.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buf.subarray(0, end).toString('latin1');
        const length = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
        if (buf.length < end + 4 + length) return;
        buf = buf.subarray(end + 4 + length);
        const path = head.split(' ')[1] ?? '';
        if (path.startsWith('/api/show')) { socket.write(showResponse()); continue; }
        this.chats++;
        this.die(socket);
        return;
      }
    });
  }

  private die(socket: net.Socket): void {
    const { cut, kind, delayMs = 0 } = this.death;
    socket.write(this.response.subarray(0, cut), () => {
      setTimeout(() => {
        if (kind === 'fin') socket.end();
        else if (kind === 'destroy') socket.destroy();
        else socket.resetAndDestroy();
      }, delayMs);
    });
  }
}
