// Messages between the token counter (extension host) and its worker thread.
import type { EncodingName, TrimResult } from './counterTypes';

export interface WorkerInit {
  assetsDir: string;
}

export type WorkerRequest =
  | { id: number; op: 'count'; enc: EncodingName; text: string }
  | { id: number; op: 'trim'; enc: EncodingName; text: string; maxTokens: number; keep: 'start' | 'end' };

export type WorkerReply =
  | { id: number; ok: true; result: number | TrimResult; loaded: boolean }
  | { id: number; ok: false; error: string };
