// What turns a raw model stream into a suggestion worth showing: single vs multi-line, stop sequences, repeat
// filters, bracket balancing and a line cap. Also decides, chunk by chunk, when the stream has given enough.

import { balanceBrackets } from './brackets';
import type { CursorContext } from './window';

export type LineMode = 'single' | 'multi';

const BLOCK_OPENER = /(?:[{([:]|=>|\bdo|\bthen|\belse)\s*$/;
const LINE_COMMENT = /^\s*(?:\/\/|#|--|\/\*|\*)/;
/** Text after the cursor that still allows a multi-line suggestion (closers, separators, nothing). */
const CLOSERS_ONLY = /^[\s)\]};,]*$/;

/** Multi-line only at a block start: after an opener at the end of the line, or on the empty line below one. */
export function decideLineMode(ctx: CursorContext): LineMode {
  if (!CLOSERS_ONLY.test(ctx.lineAfter)) return 'single';
  if (LINE_COMMENT.test(ctx.lineBefore)) return 'single';
  if (ctx.lineBefore.trim() === '') {
    if (LINE_COMMENT.test(ctx.lineAbove)) return 'multi';
    return BLOCK_OPENER.test(ctx.lineAbove) ? 'multi' : 'single';
  }
  return BLOCK_OPENER.test(ctx.lineBefore) ? 'multi' : 'single';
}

export interface PostprocessContext {
  ctx: CursorContext;
  mode: LineMode;
  maxLines: number;
  stops: readonly string[];
  /** Brackets the (pruned) prefix leaves open, innermost last: found when the request is built, not on its answer. */
  prefixOpen: readonly string[];
  /** The (pruned) suffix, for repeats and auto-closed brackets. */
  suffix: string;
}

export function cutAtStops(text: string, stops: readonly string[]): string {
  let end = text.length;
  for (const s of stops) {
    if (!s) continue;
    const i = text.indexOf(s);
    if (i >= 0 && i < end) end = i;
  }
  return text.slice(0, end);
}

/** True once the partial stream holds everything the suggestion can use, so the request can stop early. */
export function streamHasEnough(text: string, p: Pick<PostprocessContext, 'ctx' | 'mode' | 'maxLines' | 'stops'>): boolean {
  if (p.stops.some((s) => s && text.includes(s))) return true;
  if (p.mode === 'single') return /\S[^\n]*\n/.test(text) || (p.ctx.lineBefore.trim() !== '' && text.startsWith('\n'));
  const lines = text.split('\n');
  // The last element may be a partial line; only complete lines count.
  if (lines.length - 1 > p.maxLines + 1) return true;
  const below = p.ctx.lineBelow.trim();
  return below.length > 1 && lines.slice(1, -1).some((l) => l.trim() === below);
}

/** The suggestion to show, or '' when there is nothing worth showing. */
export function postprocess(raw: string, p: PostprocessContext): string {
  let text = cutAtStops(raw, p.stops).replace(/\r\n/g, '\n');
  const atLineStart = p.ctx.lineBefore.trim() === '';
  if (p.mode === 'single') {
    if (!atLineStart && text.startsWith('\n')) return '';
    if (atLineStart) text = text.replace(/^\n+/, '');
    const nl = text.indexOf('\n');
    if (nl >= 0) text = text.slice(0, nl);
  } else {
    if (atLineStart) text = text.replace(/^(?:[ \t]*\n)+/, '');
    text = limitLines(text, p);
  }
  text = text.replace(/\s+$/, '');
  if (!text.trim()) return '';
  if (repeatsSuffix(text, p) || repeatsLineAbove(text, p.ctx)) return '';
  text = balanceBrackets(text, p.prefixOpen, p.suffix).replace(/\s+$/, '');
  return text.trim() ? text : '';
}

function limitLines(text: string, p: PostprocessContext): string {
  const lines = text.split('\n');
  const below = p.ctx.lineBelow.trim();
  const kept: string[] = [];
  for (let i = 0; i < lines.length && kept.length < p.maxLines; i++) {
    const line = lines[i]!;
    // The model re-typing the line that already follows the cursor: everything from here is duplicate.
    if (i > 0 && below.length > 1 && line.trim() === below) break;
    kept.push(line.replace(/\s+$/, ''));
  }
  return kept.join('\n');
}

function repeatsSuffix(text: string, p: PostprocessContext): boolean {
  const t = text.trim();
  const ahead = p.suffix.trimStart();
  return ahead.length > 0 && ahead.startsWith(t);
}

function repeatsLineAbove(text: string, ctx: CursorContext): boolean {
  const first = text.split('\n', 1)[0] ?? '';
  const line = (ctx.lineBefore + first).trim();
  return /\w/.test(line) && line === ctx.lineAbove.trim();
}
