// The loopback fakes in one place: start any or all of them on 127.0.0.1 (port 0 = a free port).

import { FakeAnthropic } from './anthropic';
import type { ReplyConfig, StartedServer } from './base';
import { FakeOllama } from './ollama';
import { FakeOpenAI } from './openai';

export * from './base';
export * from './anthropic';
export * from './openai';
export * from './ollama';

export interface StartAllOptions {
  /** Port per server; 0 = any free port. A server left out (undefined) is not started. */
  ports?: { ollama?: number; anthropic?: number; openai?: number };
  reply?: Partial<ReplyConfig>;
}

export interface AllFakes {
  ollama?: { fake: FakeOllama } & StartedServer;
  anthropic?: { fake: FakeAnthropic } & StartedServer;
  openai?: { fake: FakeOpenAI } & StartedServer;
  urls: { ollama?: string; anthropic?: string; openai?: string };
  close(): Promise<void>;
}

/** Starts the three fakes (or those given in `ports`) and returns their URLs and one close(). */
export async function startAll(opts: StartAllOptions = {}): Promise<AllFakes> {
  const ports = opts.ports ?? { ollama: 0, anthropic: 0, openai: 0 };
  const started: Array<StartedServer> = [];
  const out: AllFakes = { urls: {}, close: async () => { await Promise.all(started.map((s) => s.close())); } };
  try {
    if (ports.ollama !== undefined) {
      const fake = new FakeOllama(opts.reply);
      const s = await fake.start(ports.ollama);
      started.push(s);
      out.ollama = { fake, ...s };
      out.urls.ollama = s.url;
    }
    if (ports.anthropic !== undefined) {
      const fake = new FakeAnthropic(opts.reply);
      const s = await fake.start(ports.anthropic);
      started.push(s);
      out.anthropic = { fake, ...s };
      out.urls.anthropic = s.url;
    }
    if (ports.openai !== undefined) {
      const fake = new FakeOpenAI(opts.reply);
      const s = await fake.start(ports.openai);
      started.push(s);
      out.openai = { fake, ...s };
      // The OpenAI SDK's baseURL includes the /v1 prefix.
      out.urls.openai = `${s.url}/v1`;
    }
  } catch (err) {
    await out.close();
    throw err;
  }
  return out;
}
