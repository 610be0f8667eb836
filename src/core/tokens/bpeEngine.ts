// tiktoken in the current thread: the worker's engine, and the fallback when no worker script is built.
// The WASM module and the BPE ranks (several MB) load on the first count, never at import.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Tiktoken } from 'tiktoken/lite';
import type { EncodingName, TrimResult } from './counterTypes';

type TiktokenModule = { Tiktoken: typeof Tiktoken };

let tiktokenModule: TiktokenModule | undefined;

/** True once tiktoken's WASM has been loaded in this thread (stays false in the extension host when the worker is used). */
export function isTiktokenLoaded(): boolean {
  return tiktokenModule !== undefined;
}

function loadTiktoken(): TiktokenModule {
  // require inside a function: the bundler keeps it as a lazily evaluated module, so the WASM is compiled here,
  // on first use. In the bundle, tiktoken finds tiktoken_bg.wasm next to the bundle (its __dirname: dist/),
  // where esbuild.js copies it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  tiktokenModule ??= require('tiktoken/lite') as TiktokenModule;
  return tiktokenModule;
}

interface EncoderJson {
  bpe_ranks: string;
  special_tokens: Record<string, number>;
  pat_str: string;
}

async function readEncoder(dir: string, enc: EncodingName): Promise<EncoderJson> {
  let lastErr: unknown;
  for (const name of [`${enc}.tiktoken.json`, `${enc}.json`]) {
    try {
      return JSON.parse(await fs.promises.readFile(path.join(dir, name), 'utf8')) as EncoderJson;
    } catch (err) {
      lastErr = err;
    }
  }
  throw new Error(`tokenizer data for ${enc} not found in ${dir}: ${String(lastErr)}`);
}

const decoder = new TextDecoder('utf-8');

export const CHUNK_CHARS = 32 * 1024;

/**
 * Splits at a newline followed by a non-whitespace character: the pre-tokenizer of both encodings always ends a
 * piece there (newline runs are their own piece and the next piece cannot start with a newline), so the sum of
 * the pieces' counts equals the count of the whole. A text with no such place is returned whole.
 */
export function* chunks(text: string, size = CHUNK_CHARS): Generator<string> {
  let start = 0;
  while (text.length - start > size) {
    let cut = -1;
    for (let i = text.indexOf('\n', start + size); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1)) {
      if (!/\s/.test(text[i + 1])) { cut = i + 1; break; }
    }
    if (cut < 0) break;
    yield text.slice(start, cut);
    start = cut;
  }
  yield text.slice(start);
}

export interface Engine {
  count(text: string, enc: EncodingName): Promise<number>;
  trim(text: string, maxTokens: number, enc: EncodingName, keep: 'start' | 'end'): Promise<TrimResult>;
  isLoaded(): boolean;
  dispose(): void;
}

export function createEngine(assetsDir: string): Engine {
  const encoders = new Map<EncodingName, Promise<Tiktoken>>();
  let loaded = false;

  function encoder(enc: EncodingName): Promise<Tiktoken> {
    let p = encoders.get(enc);
    if (!p) {
      p = readEncoder(assetsDir, enc).then((json) => {
        const { Tiktoken: Ctor } = loadTiktoken();
        const t = new Ctor(json.bpe_ranks, json.special_tokens, json.pat_str);
        loaded = true;
        return t;
      });
      // A failed load (missing file) is retried on the next call rather than cached forever.
      p.catch(() => encoders.delete(enc));
      encoders.set(enc, p);
    }
    return p;
  }

  return {
    async count(text, encName) {
      if (text.length === 0) return 0;
      const enc = await encoder(encName);
      // encode_ordinary: text that looks like a special token ("<|endoftext|>") is counted, not rejected.
      if (text.length <= CHUNK_CHARS) return enc.encode_ordinary(text).length;
      // WASM encoding is synchronous (~1 MB/s): count long texts in pieces and yield between them, so the thread
      // keeps serving other work (in the worker: other requests, so a short count is not stuck behind a long one).
      let total = 0;
      for (const piece of chunks(text)) {
        total += enc.encode_ordinary(piece).length;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      return total;
    },
    async trim(text, maxTokens, encName, keep) {
      const max = Math.max(0, Math.floor(maxTokens));
      const enc = await encoder(encName);
      const ids = enc.encode_ordinary(text);
      if (ids.length <= max) return { text, tokens: ids.length, trimmed: false };
      const keepEnd = keep === 'end';
      const slice = keepEnd ? ids.subarray(ids.length - max) : ids.subarray(0, max);
      let out = decoder.decode(enc.decode(slice));
      // A token boundary can split a multi-byte character: drop the partial character at the cut.
      if (keepEnd) out = out.replace(/^\uFFFD+/, ''); else out = out.replace(/\uFFFD+$/, '');
      return { text: out, tokens: enc.encode_ordinary(out).length, trimmed: true };
    },
    isLoaded: () => loaded,
    dispose() {
      for (const p of encoders.values()) p.then((e) => e.free(), () => undefined);
      encoders.clear();
      loaded = false;
    },
  };
}
