// The egress gate: the last step before a cloud SDK call, and the only code that can seal a body (seal.ts), so
// a cloud provider cannot be reached without it. It rescans the final messages (system prompt and every turn,
// including history and the context labels with their paths) after trimming, then the serialised body itself, redacts or blocks per `hybrid.privacy.onCloudFindings`, always blocks content
// of private paths and proprietary markers, and fails closed: an exception or a scan past its time budget
// means nothing is sent.

import type { Finding } from '../request';
import type { ChatBody } from '../wire/types';
import type { OnCloudFindings } from '../settings';
import type { PathPolicy } from '../privacy/paths';
import { redact, scanSensitive } from '../privacy/scan';
import { sealForEgress, type SealedChatBody } from '../wire/seal';
import { summarizeRedactions } from './summary';
import { shownName } from '../privacy/shownName';
import { findAcrossSeams } from './seams';
import { resultMentions } from '../privacy/filePaths';
import { findAnnouncedValues } from './announced';
import { findPrivatePathNames } from './pathNames';
import { findToolAuthors } from './toolAuthors';

export interface EgressGateOptions {
  mode: OnCloudFindings;
  markers: string[];
  pathPolicy: PathPolicy;
  /** The workspace folders' absolute paths: a path typed from the folder above one names its files too. */
  roots?: readonly string[];
  /** Budget for the whole rescan; past it the gate blocks. Default 2 s. */
  timeoutMs?: number;
  scan?: typeof scanSensitive;
  /** Injected for tests. */
  now?: () => number;
}

export type GateResult =
  | { ok: true; body: SealedChatBody; redactions: Record<string, number>; redactedCount: number }
  | { ok: false; reason: string; kinds: Record<string, number> };

// Categories that cannot be made safe by cutting out a span.
const ALWAYS_BLOCK = new Set(['path', 'marker', 'unscannable']);

export class EgressGate {
  private readonly timeoutMs: number;
  private readonly scan: typeof scanSensitive;
  private readonly now: () => number;

  constructor(private readonly opts: EgressGateOptions) {
    this.timeoutMs = opts.timeoutMs ?? 2000;
    this.scan = opts.scan ?? scanSensitive;
    this.now = opts.now ?? Date.now;
  }

  /** `privateFiles`: context paths whose whole file was judged private (classify/filePrivacy.ts), e.g. by a marker outside the part sent. */
  prepare(body: ChatBody, contextPaths: string[], privateFiles: string[] = []): GateResult {
    try {
      if (privateFiles.length > 0) {
        const names = privateFiles.length === 1 ? shownName(privateFiles[0]) : `${shownName(privateFiles[0])} and ${privateFiles.length - 1} more`;
        return { ok: false, reason: `Nothing was sent: ${names} is a private file, and private files never go to the cloud.`,
          kinds: { 'private-file': privateFiles.length } };
      }
      return this.check(body, contextPaths);
    } catch (e) {
      const what = e instanceof Error && e.name ? e.name : 'error';
      return { ok: false, reason: `Nothing was sent: the privacy check failed (${what}), and the gate fails closed.`, kinds: {} };
    }
  }

  private check(body: ChatBody, contextPaths: string[]): GateResult {
    // A file an agent's tool read is judged like an attached file: the one it names, every other file its
    // arguments name (a shell command's operands), and the whole file's own verdict (a marker outside the lines read).
    const results = body.messages.flatMap((m) => m.toolResults ?? []);
    const wholeFile = results.filter((r) => r.privateFile);
    if (wholeFile.length > 0) {
      const p = shownName(wholeFile[0].path ?? 'a file a tool read');
      return { ok: false, reason: `Nothing was sent: ${p} is a private file (it ${wholeFile[0].privateFile!.reason}), and private files never go to the cloud.`,
        kinds: { 'private-file': wholeFile.length } };
    }
    // …and every file a result attributes lines to (a search's matches), whatever the call's arguments named.
    const toolPaths = results.flatMap((r) => [...(r.path ? [r.path] : []), ...(r.mentions ?? []), ...resultMentions(r.content)]);
    const privatePaths = [...contextPaths, ...toolPaths].filter((p) => this.opts.pathPolicy.isPrivate(p).private);
    if (privatePaths.length > 0) {
      const names = privatePaths.length === 1 ? shownName(privatePaths[0]) : `${shownName(privatePaths[0])} and ${privatePaths.length - 1} more`;
      return { ok: false, reason: `Nothing was sent: ${names} matches a private path, and private files never go to the cloud.`,
        kinds: { 'private-path': privatePaths.length } };
    }
    const started = this.now();
    const deadline = started + this.timeoutMs;
    if (body.stop?.some((x) => typeof x !== 'string')) throw new TypeError('stop sequence is not text');
    // Every text that leaves: system, each turn, and each tool call's arguments and tool result of an agent loop.
    const parts = [body.system, ...body.messages.map((m) => m.content),
      ...body.messages.flatMap((m) => [...(m.toolCalls ?? []).map((c) => c.input), ...(m.toolResults ?? []).map((r) => r.content)])];
    const scanned: { text: string; findings: Finding[] }[] = [];
    for (const text of parts) {
      if (typeof text !== 'string') throw new TypeError('message content is not text');
      const findings = this.scan(text, { markers: this.opts.markers, deadline });
      if (this.now() > deadline) return this.timedOut();
      scanned.push({ text, findings });
    }

    // parts = [system, each turn's content, then each turn's tool-call arguments and tool results in order]:
    // the tool parts are also scanned joined end to end (seams.ts), for a value cut into pieces.
    const firstTool = 1 + body.messages.length;
    const toolParts = Array.from({ length: Math.max(0, parts.length - firstTool) }, (_, k) => firstTool + k);
    findAcrossSeams(scanned, toolParts, (text) => this.scan(text, { markers: this.opts.markers, deadline }));
    if (this.now() > deadline) return this.timedOut();
    // Author names an agent asked git for (`--format=%an`): the call's format says which words of the result are names.
    let k = firstTool;
    const calls: { id: string; input: string }[] = [];
    const outputs: { callId: string; scanned: { text: string; findings: Finding[] } }[] = [];
    for (const m of body.messages) {
      for (const c of m.toolCalls ?? []) { calls.push({ id: c.id, input: c.input }); k++; }
      for (const r of m.toolResults ?? []) outputs.push({ callId: r.callId, scanned: scanned[k++] });
    }
    findToolAuthors(calls, outputs);
    // A value sent bare after a turn that named it ("the password is in the next message").
    findAnnouncedValues(body.messages.map((m, i) => ({ role: m.role, scanned: scanned[1 + i] })));
    findPrivatePathNames(scanned, this.opts.pathPolicy, this.opts.roots);
    propagateKnownValues(scanned);
    const all = scanned.flatMap((s) => s.findings);
    const kinds = countKinds(all);
    const hard = all.filter((f) => ALWAYS_BLOCK.has(f.category));
    if (hard.length > 0) {
      const f = hard[0];
      const why = f.category === 'unscannable' ? `part of the request could not be scanned (${f.label ?? 'unscannable'})`
        : f.category === 'marker' ? `the request contains a ${f.label ?? 'proprietary marker'}`
          : 'the request contains content from a private file';
      return { ok: false, reason: `Nothing was sent: ${why}.`, kinds };
    }
    if (all.length > 0 && this.opts.mode === 'block') {
      return { ok: false, reason: `Nothing was sent: ${summarizeRedactions(kinds).replace(/ redacted$/, '')} found, and hybrid.privacy.onCloudFindings is "block".`, kinds };
    }

    const cleaned = scanned.map((s) => (s.findings.length ? redact(s.text, s.findings) : s.text));
    // Belt and braces: what was redacted must now scan clean, or nothing leaves. (Unchanged parts were just
    // scanned clean.)
    for (let i = 0; i < cleaned.length; i++) {
      if (scanned[i].findings.length === 0) continue;
      const again = this.scan(cleaned[i], { markers: this.opts.markers, deadline });
      if (this.now() > deadline) return this.timedOut();
      if (again.length > 0) {
        return { ok: false, reason: 'Nothing was sent: sensitive content remained after redaction.', kinds: countKinds(again) };
      }
    }
    const [system, ...rest] = cleaned;
    const contents = rest.slice(0, body.messages.length);
    let next = body.messages.length;
    const take = (): string => rest[next++];
    const sealed = sealForEgress({
      ...body,
      system,
      messages: body.messages.map((m, i) => ({
        role: m.role, content: contents[i],
        ...(m.toolCalls ? { toolCalls: m.toolCalls.map((c) => ({ id: c.id, name: c.name, input: take() })) } : {}),
        ...(m.toolResults ? { toolResults: m.toolResults.map((r) => ({ callId: r.callId, content: take(), ...(r.path ? { path: r.path } : {}) })) } : {}),
      })),
    });
    // The last word goes to the bytes that leave: the sealed body as the SDKs serialise it (JSON, every field,
    // stop sequences and model name included). Anything found there that the part-by-part scan missed blocks.
    const wire = serialisedBody(sealed);
    const onWire = this.scan(wire, { markers: this.opts.markers, deadline });
    if (this.now() > deadline) return this.timedOut();
    if (onWire.length > 0) {
      return { ok: false, reason: 'Nothing was sent: the serialised request still held sensitive content.', kinds: countKinds(onWire) };
    }
    return { ok: true, body: sealed, redactions: kinds, redactedCount: all.length };
  }

  private timedOut(): GateResult {
    return { ok: false, reason: `Nothing was sent: the privacy check took longer than ${this.timeoutMs} ms, and the gate fails closed.`, kinds: {} };
  }
}

/**
 * A value found once is a secret everywhere: every other occurrence of a found secret or personal value, in any
 * part (prose in the question, a quoted line in history), is redacted too, even where no rule would see it.
 */
function propagateKnownValues(scanned: { text: string; findings: Finding[] }[]): void {
  const values = new Map<string, Finding>();
  for (const s of scanned) {
    for (const f of s.findings) {
      if (f.category !== 'secret' && f.category !== 'pii') continue;
      const v = s.text.slice(f.start, f.end).trim();
      if (v.length >= 6 && v.length <= 4096 && !values.has(v)) values.set(v, f);
    }
  }
  if (values.size === 0) return;
  for (const s of scanned) {
    const covered = coverage(s.findings);
    for (const [v, f] of values) {
      for (let at = s.text.indexOf(v); at !== -1; at = s.text.indexOf(v, at + v.length)) {
        if (covered(at, at + v.length)) continue;
        s.findings.push({ ...f, start: at, end: at + v.length, label: `${f.label ?? f.kind} (repeated)` });
      }
    }
  }
}

/**
 * "Does one finding span [from, to)?" in log time: a large request can repeat a value 40,000 times beside 100,000
 * findings, and asking each finding in turn took 25 s, past the gate's deadline.
 */
function coverage(findings: readonly Finding[]): (from: number, to: number) => boolean {
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  const starts = sorted.map((g) => g.start);
  const reach: number[] = [];
  for (const g of sorted) reach.push(Math.max(g.end, reach.length ? reach[reach.length - 1] : -1));
  return (from, to) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid] <= from) lo = mid + 1; else hi = mid; }
    return lo > 0 && reach[lo - 1] >= to;
  };
}

/** The request body as JSON, the way both SDKs put it on the wire (field order does not matter to the scan). */
export function serialisedBody(body: SealedChatBody): string {
  return JSON.stringify({ model: body.model, system: body.system, messages: body.messages, stop: body.stop ?? [], tools: body.tools ?? [] });
}

function countKinds(findings: Finding[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) out[f.kind] = (out[f.kind] ?? 0) + 1;
  return out;
}
