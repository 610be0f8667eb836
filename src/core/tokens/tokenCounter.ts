// Token counts with tiktoken (WASM). The WASM module and the BPE ranks (several MB) load on the first count, never
// at import: activation and the keystroke path only ever use `estimate` (chars/4).
// Encodings: o200k_base for gpt-4o, gpt-4.1, gpt-5 and o-series; cl100k_base for everything else. For Claude and
// local models that is an approximation (their tokenizers are not public in this form); provider-reported usage
// always wins over these counts, and records say which source they used.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Tiktoken } from 'tiktoken/lite';

export type EncodingName = 'o200k_base' | 'cl100k_base';

type TiktokenModule = { Tiktoken: typeof Tiktoken };

let tiktokenModule: TiktokenModule | undefined;

/** True once tiktoken's WASM has been loaded in this process (for tests and benchmarks). */
export function isTiktokenLoaded(): boolean {
  return tiktokenModule !== undefined;
}

function loadTiktoken(): TiktokenModule {
  // require inside a function: the bundler keeps it as a lazily evaluated module, so the WASM is compiled here,
  // on first use, not when the extension starts. In the bundle, tiktoken finds tiktoken_bg.wasm next to
  // dist/extension.js (its __dirname), where esbuild.js copies it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  tiktokenModule ??= require('tiktoken/lite') as TiktokenModule;
  return tiktokenModule;
}

const O200K = /^(gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-oss|o[1-9](-|$)|codex)/;

export function encodingForModel(model: string | undefined): EncodingName {
  const name = (model ?? '').trim().toLowerCase().replace(/^(openai|azure)[/:]/, '');
  return O200K.test(name) ? 'o200k_base' : 'cl100k_base';
}

export interface TrimResult {
  text: string;
  tokens: number;
  trimmed: boolean;
}

export interface TrimOptions {
  model?: string;
  /** Which end to keep: 'start' for a file's head, 'end' for the text just before the cursor. Default 'start'. */
  keep?: 'start' | 'end';
}

export interface TokenCounter {
  /** Exact count for the model's encoding (loads tiktoken on first call). */
  count(text: string, model?: string): Promise<number>;
  /** Synchronous estimate, ceil(chars / 4). Label figures from it as estimates. */
  estimate(text: string): number;
  /** Cuts `text` to at most `maxTokens` tokens, on a character boundary. */
  trimToTokens(text: string, maxTokens: number, opts?: TrimOptions): Promise<TrimResult>;
  isLoaded(): boolean;
  /** Frees the encoders' WASM memory. A later count loads them again. */
  dispose(): void;
}

export interface TokenCounterOptions {
  /**
   * Folder holding the encoder JSON files: `<extensionPath>/dist` in the extension (`<enc>.tiktoken.json`,
   * copied by esbuild.js) or `node_modules/tiktoken/encoders` in tests (`<enc>.json`).
   */
  assetsDir: string;
}

interface EncoderJson {
  bpe_ranks: string;
  special_tokens: Record<string, number>;
  pat_str: string;
}

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
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

const CHUNK_CHARS = 32 * 1024;

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

export function createTokenCounter(opts: TokenCounterOptions): TokenCounter {
  const encoders = new Map<EncodingName, Promise<Tiktoken>>();
  let loaded = false;

  function encoder(model?: string): Promise<Tiktoken> {
    const enc = encodingForModel(model);
    let p = encoders.get(enc);
    if (!p) {
      p = readEncoder(opts.assetsDir, enc).then((json) => {
        const { Tiktoken: Ctor } = loadTiktoken();
        loaded = true;
        return new Ctor(json.bpe_ranks, json.special_tokens, json.pat_str);
      });
      // A failed load (missing file) is retried on the next call rather than cached forever.
      p.catch(() => encoders.delete(enc));
      encoders.set(enc, p);
    }
    return p;
  }

  return {
    async count(text, model) {
      if (text.length === 0) return 0;
      const enc = await encoder(model);
      // encode_ordinary: text that looks like a special token ("<|endoftext|>") is counted, not rejected.
      if (text.length <= CHUNK_CHARS) return enc.encode_ordinary(text).length;
      // WASM encoding is synchronous (~1 MB/s): count long texts in pieces and yield between them, so the
      // extension host keeps serving the editor.
      let total = 0;
      for (const piece of chunks(text)) {
        total += enc.encode_ordinary(piece).length;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      return total;
    },
    estimate: estimateTokens,
    async trimToTokens(text, maxTokens, o = {}) {
      const max = Math.max(0, Math.floor(maxTokens));
      const enc = await encoder(o.model);
      const ids = enc.encode_ordinary(text);
      if (ids.length <= max) return { text, tokens: ids.length, trimmed: false };
      const keepEnd = o.keep === 'end';
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
