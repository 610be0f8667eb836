// One request in flight and the last suggestion shown, and the pure rules for reusing them: serving the rest of
// a suggestion the user is typing out, joining a stream whose text the new prefix extends.
import type { ProviderFailure } from '../wire/types';
import type { CompletionInput, CompletionResult } from './engineTypes';
import type { LineMode } from './postprocess';

export interface Flight {
  id: string;
  docUri: string;
  /** Full document prefix/suffix the request was made for. */
  prefix: string;
  suffix: string;
  key: string;
  mode: LineMode;
  model: string;
  controller: AbortController;
  /** Raw streamed text (frozen once the stream had enough). */
  text: string;
  enough: boolean;
  chunks: number;
  waiters: number;
  graceTimer: unknown;
  /** Stops a sent request that runs past maxRequestMs. */
  hardStop?: unknown;
  abortReason?: 'superseded' | 'orphaned' | 'disposed';
  startedAt: number;
  wallStartedAt: number;
  firstChunkAt?: number;
  endedAt?: number;
  /** Post-processed suggestion, relative to `prefix`. */
  final?: string;
  failure?: ProviderFailure;
  shown: boolean;
  /** Callers waiting for the stream's end. */
  listeners: Set<() => void>;
  /** False while prepared and held (engine.prepare); only a sent request is timed and recorded. */
  sent: boolean;
  /** Lets a prepared request go (sent, or to end at once when aborted). */
  release: () => void;
}

export interface Recent {
  id: string;
  docUri: string;
  prefix: string;
  suffix: string;
  text: string;
}

export interface Meta { model: string; wallStartedAt: number }

/** The rest of the last suggestion, when the user has typed its beginning (same document, same suffix). */
export function typedAhead(r: Recent | undefined, input: CompletionInput): CompletionResult | undefined {
  if (!r || r.docUri !== input.docUri || r.suffix !== input.suffix) return undefined;
  if (input.prefix.length < r.prefix.length || !input.prefix.startsWith(r.prefix)) return undefined;
  const typed = input.prefix.slice(r.prefix.length);
  if (!r.text.startsWith(typed)) return undefined;
  const rest = r.text.slice(typed.length);
  if (!rest.trim()) return undefined;
  return { text: rest, id: r.id, source: 'typed-ahead' };
}

/**
 * The new prefix extends the flight's and the stream has already produced what was typed since (as Continue's
 * GeneratorReuseManager), with a slack of one character not yet streamed: one keystroke during the wait for
 * the first token is usually the character the model is about to send; more, and a fresh request is better.
 */
export function canJoin(f: Flight, input: CompletionInput): boolean {
  if (f.abortReason || f.docUri !== input.docUri || f.suffix !== input.suffix) return false;
  if (input.prefix.length < f.prefix.length || !input.prefix.startsWith(f.prefix)) return false;
  const typed = input.prefix.slice(f.prefix.length);
  if (f.text.startsWith(typed)) return true;
  return !f.enough && typed.length - f.text.length <= 1 && typed.startsWith(f.text);
}

/** What an ended flight offers the call that waited on it: the suggestion minus what was typed meanwhile. */
export function resultFor(f: Flight, input: CompletionInput, source: 'model' | 'reuse'): CompletionResult | undefined {
  if (f.failure || f.abortReason || !f.final) return undefined;
  const typed = input.prefix.slice(f.prefix.length);
  if (!f.final.startsWith(typed)) return undefined;
  const text = f.final.slice(typed.length);
  return text.trim() ? { text, id: f.id, source } : undefined;
}

/** A request prepared and held until `sendWhen` settles (the flight's `release`). */
export function heldFlight(
  id: string, input: CompletionInput, at: Pick<Flight, 'key' | 'mode' | 'model' | 'startedAt' | 'wallStartedAt'>,
): { flight: Flight; sendWhen: Promise<void> } {
  let release!: () => void;
  const sendWhen = new Promise<void>((r) => { release = r; });
  const flight: Flight = {
    id, docUri: input.docUri, prefix: input.prefix, suffix: input.suffix, ...at,
    controller: new AbortController(), text: '', enough: false, chunks: 0, waiters: 0, graceTimer: undefined,
    shown: false, listeners: new Set(), sent: false, release,
  };
  return { flight, sendWhen };
}

/**
 * What one caller gets when the flight ends, or 'aborted' when its own signal goes first. Settled synchronously
 * when the engine ends the flight, before it writes the ledger record, so `shown` is known by then.
 */
export function flightEnd(f: Flight, input: CompletionInput, signal: AbortSignal, source: 'model' | 'reuse'): Promise<CompletionResult | 'aborted' | undefined> {
  return new Promise((resolve) => {
    const onAbort = (): void => { f.listeners.delete(onDone); resolve('aborted'); };
    const onDone = (): void => {
      signal.removeEventListener('abort', onAbort);
      const res = resultFor(f, input, source);
      if (res) f.shown = true;
      resolve(res);
    };
    if (signal.aborted) { resolve('aborted'); return; }
    f.listeners.add(onDone);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
