export type EncodingName = 'o200k_base' | 'cl100k_base';

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
  /** True once an encoder is loaded (in the worker when one is used). */
  isLoaded(): boolean;
  /** Frees the encoders (stops the worker). A later count loads them again. */
  dispose(): void;
}

export interface TokenCounterOptions {
  /**
   * Folder holding the encoder JSON files: `<extensionPath>/dist` in the extension (`<enc>.tiktoken.json`,
   * copied by esbuild.js) or `node_modules/tiktoken/encoders` in tests (`<enc>.json`).
   */
  assetsDir: string;
  /**
   * The bundled worker script (dist/tokenWorker.js). Default: `<assetsDir>/tokenWorker.js` when that file exists;
   * otherwise tiktoken runs in the calling thread (unit tests under tsx, which have no built worker).
   */
  workerScript?: string;
  /** Run tiktoken in the calling thread even when a worker script exists. */
  inline?: boolean;
  /** A worker call that takes longer (per started MB of text) rejects and the worker is restarted. Default 30 s. */
  timeoutMs?: number;
}
