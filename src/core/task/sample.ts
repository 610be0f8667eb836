// What the complexity scorer reads of a long text: its head and its tail. The rules cost about half a millisecond
// per kilobyte of question (hundreds of word lists over the prose), so a 4 MB log pasted into the question took
// seconds; the ask itself sits before or after such a paste, and the middle of it says nothing the scorer uses
// beyond "a lot of pasted lines". This only bounds the routing score: the privacy scan still reads every character
// (scan.ts has its own size cap and fails closed), since a secret in the middle must never be sampled away.

/** Characters read from the start of a long text, and from its end. */
export const SAMPLE_HEAD = 8_000;
export const SAMPLE_TAIL = 4_000;
/** Lines counted in the dropped middle at most: "large context" only needs to know it is past 400. */
const LINE_COUNT_CAP = 1_000;
/** A cut looks this far back for a line end, so no line is read half. */
const LINE_SLACK = 400;

export interface TextSample {
  /** The text itself when short; else its head and tail, with a fence inserted when the middle held an odd number. */
  text: string;
  /** Lines in the part left out (capped), counted as pasted context by the scorer. */
  droppedLines: number;
}

export function sampleOf(text: string, head = SAMPLE_HEAD, tail = SAMPLE_TAIL): TextSample {
  if (text.length <= head + tail) return { text, droppedLines: 0 };
  const headEnd = lineEndBefore(text, head);
  const tailStart = lineStartAfter(text, text.length - tail);
  // A fenced block opened in the head and closed in the tail must stay one block, and one that opens and closes in
  // the middle must not leave the tail's fences read the other way round: keep the middle's fence parity.
  const oddFences = count(text, '```', headEnd, tailStart, Infinity) % 2 === 1;
  const droppedLines = count(text, '\n', headEnd, tailStart, LINE_COUNT_CAP);
  return { text: `${text.slice(0, headEnd)}\n${oddFences ? '```\n' : ''}${text.slice(tailStart)}`, droppedLines };
}

/** Newlines in a text, stopping at `cap`: linear, without building an array of lines. */
export function countLines(text: string, cap = LINE_COUNT_CAP): number {
  return count(text, '\n', 0, text.length, cap) + 1;
}

function lineEndBefore(text: string, at: number): number {
  const nl = text.lastIndexOf('\n', at);
  return nl > at - LINE_SLACK ? nl : at;
}

function lineStartAfter(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl !== -1 && nl < at + LINE_SLACK ? nl + 1 : at;
}

function count(text: string, what: string, from: number, to: number, cap: number): number {
  let n = 0;
  for (let i = text.indexOf(what, from); i !== -1 && i + what.length <= to && n < cap; i = text.indexOf(what, i + what.length)) n++;
  return n;
}
