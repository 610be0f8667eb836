// The ledger line format: only whitelisted fields, each type-checked and size-capped, in a fixed order.
// Serialising field by field (never JSON.stringify(record)) means a stray property — a prompt, a file's text,
// a key — can never reach the disk, even if a caller passes an object carrying one.
import * as zlib from 'node:zlib';
import type { CloudFallback, Kind, LedgerRecord, Origin, RecordStatus, Route, Usage, UsageSource } from '../request';
import { withoutSecrets } from './ledgerSecrets';

const KINDS: readonly Kind[] = ['completion', 'ask', 'review', 'explain'];
const ORIGINS: readonly Origin[] = ['inline', 'askCloud', 'askPrivate', 'askAuto', 'review', 'explainRoute'];
const ROUTES: readonly Route[] = ['local', 'cloud', 'refuse'];
const STATUSES: readonly RecordStatus[] = ['ok', 'failed', 'cancelled'];
const FALLBACKS: readonly CloudFallback[] = ['localDown', 'overflow'];
const SOURCES: readonly UsageSource[] = ['provider', 'estimate'];

/** Lines stay well under PIPE_BUF (4096) so one write() is one whole line, even with two writers. */
export const MAX_LINE_BYTES = 3800;
const MAX_ID = 100;
const MAX_NAME = 120;
const MAX_OUTCOME = 64;
const MAX_REASON = 240;
const MAX_REASONS = 12;
const MAX_REDACTION_KINDS = 32;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export class LedgerRecordError extends Error {}

function fail(field: string, why: string): never {
  throw new LedgerRecordError(`ledger record: ${field} ${why}`);
}

function str(v: unknown, field: string, max: number): string {
  if (typeof v !== 'string' || v.length === 0) fail(field, 'must be a non-empty string');
  if (v.length > max) fail(field, `is longer than ${max} characters`);
  // Control characters have no business in ids and model names; they are a sign of pasted content.
  if (/[\u0000-\u001f]/.test(v)) fail(field, 'contains control characters');
  return v;
}

function oneOf<T extends string>(v: unknown, field: string, allowed: readonly T[]): T {
  if (!allowed.includes(v as T)) fail(field, `must be one of ${allowed.join(', ')}`);
  return v as T;
}

function count(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 1e12) fail(field, 'must be a whole number ≥ 0');
  return v;
}

function ms(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) fail(field, 'must be a number of milliseconds ≥ 0');
  return Math.round(v);
}

function usd(v: unknown, field: string, optional: boolean): number | null | undefined {
  if (v === undefined && optional) return undefined;
  if (v === null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1e6) fail(field, 'must be USD ≥ 0 or null');
  return v;
}

function tokens(v: unknown): Usage {
  if (typeof v !== 'object' || v === null) fail('tokens', 'must be an object');
  const t = v as Record<string, unknown>;
  const out: Usage = {
    input: count(t.input, 'tokens.input'),
    output: count(t.output, 'tokens.output'),
    cacheRead: count(t.cacheRead, 'tokens.cacheRead'),
    cacheWrite: count(t.cacheWrite, 'tokens.cacheWrite'),
    source: oneOf(t.source, 'tokens.source', SOURCES),
  };
  // Absent in records written before 1-hour writes were kept apart (their cacheWrite holds every write).
  // Optional parts: absent unless the request had them (1-hour writes; audio tokens, a part of input / output).
  for (const k of ['cacheWrite1h', 'audioInput', 'audioOutput', 'imageInput', 'audioCacheRead', 'imageCacheRead', 'webSearches'] as const) {
    if (t[k] === undefined) continue;
    const c = count(t[k], `tokens.${k}`);
    if (c > 0) out[k] = c;
  }
  if (t.serviceTier !== undefined) {
    if (typeof t.serviceTier !== 'string' || !/^[\w.-]{1,32}$/.test(t.serviceTier)) fail('tokens.serviceTier', 'must be a short tier name');
    out.serviceTier = t.serviceTier;
  }
  return out;
}

/** Reasons are short router sentences; long ones are cut rather than refused (losing spend would be worse). */
function reasons(v: unknown): string[] {
  if (!Array.isArray(v)) fail('reasons', 'must be a list of strings');
  return v.slice(0, MAX_REASONS).map((r, i) => {
    if (typeof r !== 'string') fail(`reasons[${i}]`, 'must be a string');
    const flat = r.replace(/[\u0000-\u001f]+/g, ' ');
    return flat.length > MAX_REASON ? flat.slice(0, MAX_REASON - 1) + '…' : flat;
  });
}

function redactions(v: unknown): Record<string, number> | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail('redactions', 'must be an object of counts');
  const out: Record<string, number> = {};
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length > MAX_REDACTION_KINDS) fail('redactions', `has more than ${MAX_REDACTION_KINDS} kinds`);
  for (const [k, c] of entries) {
    if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(k)) fail('redactions', 'keys must be finding kinds (letters, digits, -_.:)');
    out[k] = count(c, `redactions.${k}`);
  }
  return out;
}

/** A clean copy holding only the known fields, or throws LedgerRecordError. */
export function validateRecord(input: unknown): LedgerRecord {
  if (typeof input !== 'object' || input === null) throw new LedgerRecordError('ledger record: not an object');
  const r = input as Record<string, unknown>;
  if (r.v !== 1) fail('v', 'must be 1');
  const time = str(r.time, 'time', 40);
  if (!ISO_UTC.test(time) || Number.isNaN(Date.parse(time))) fail('time', 'must be an ISO-8601 UTC time');
  const out: LedgerRecord = {
    v: 1,
    id: str(r.id, 'id', MAX_ID),
    time,
    origin: oneOf(r.origin, 'origin', ORIGINS),
    kind: oneOf(r.kind, 'kind', KINDS),
    route: oneOf(r.route, 'route', ROUTES),
    provider: str(r.provider, 'provider', MAX_NAME),
    model: str(r.model, 'model', MAX_NAME),
    tokens: tokens(r.tokens),
    costUsd: usd(r.costUsd, 'costUsd', false) as number | null,
    ttftMs: r.ttftMs === null ? null : ms(r.ttftMs, 'ttftMs'),
    totalMs: ms(r.totalMs, 'totalMs'),
    status: oneOf(r.status, 'status', STATUSES),
    reasons: reasons(r.reasons),
  };
  if (r.attemptOf !== undefined) {
    out.attemptOf = str(r.attemptOf, 'attemptOf', MAX_ID);
    if (out.attemptOf === out.id) fail('attemptOf', 'must name another attempt than the record itself');
  }
  const eq = usd(r.cloudEquivalentUsd, 'cloudEquivalentUsd', true);
  if (eq !== undefined) out.cloudEquivalentUsd = eq;
  const table = usd(r.tableCostUsd, 'tableCostUsd', true);
  if (table !== undefined) out.tableCostUsd = table;
  if (r.outcome !== undefined) out.outcome = str(r.outcome, 'outcome', MAX_OUTCOME);
  const red = redactions(r.redactions);
  if (red) out.redactions = red;
  if (r.escalatedFrom !== undefined) out.escalatedFrom = str(r.escalatedFrom, 'escalatedFrom', MAX_ID);
  if (r.language !== undefined) out.language = str(r.language, 'language', MAX_NAME);
  if (r.fallback !== undefined) out.fallback = oneOf(r.fallback, 'fallback', FALLBACKS);
  return out;
}

/** Field order is fixed so files diff cleanly and the line starts with `{"v":1,` (used to salvage torn lines). */
function toJson(r: LedgerRecord): string {
  const ordered: Record<string, unknown> = {
    v: r.v, id: r.id, ...(r.attemptOf !== undefined ? { attemptOf: r.attemptOf } : {}), time: r.time, origin: r.origin, kind: r.kind, route: r.route, provider: r.provider,
    model: r.model, tokens: {
      input: r.tokens.input, output: r.tokens.output, cacheRead: r.tokens.cacheRead, cacheWrite: r.tokens.cacheWrite,
      ...(r.tokens.cacheWrite1h ? { cacheWrite1h: r.tokens.cacheWrite1h } : {}),
      ...(r.tokens.audioInput ? { audioInput: r.tokens.audioInput } : {}), ...(r.tokens.audioOutput ? { audioOutput: r.tokens.audioOutput } : {}),
      ...(r.tokens.imageInput ? { imageInput: r.tokens.imageInput } : {}), ...(r.tokens.audioCacheRead ? { audioCacheRead: r.tokens.audioCacheRead } : {}), ...(r.tokens.imageCacheRead ? { imageCacheRead: r.tokens.imageCacheRead } : {}),
      ...(r.tokens.webSearches ? { webSearches: r.tokens.webSearches } : {}), ...(r.tokens.serviceTier ? { serviceTier: r.tokens.serviceTier } : {}), source: r.tokens.source,
    },
    costUsd: r.costUsd,
  };
  if (r.cloudEquivalentUsd !== undefined) ordered.cloudEquivalentUsd = r.cloudEquivalentUsd;
  if (r.tableCostUsd !== undefined) ordered.tableCostUsd = r.tableCostUsd;
  ordered.ttftMs = r.ttftMs;
  ordered.totalMs = r.totalMs;
  ordered.status = r.status;
  if (r.outcome !== undefined) ordered.outcome = r.outcome;
  ordered.reasons = r.reasons;
  if (r.language !== undefined) ordered.language = r.language;
  if (r.redactions) ordered.redactions = r.redactions;
  if (r.escalatedFrom) ordered.escalatedFrom = r.escalatedFrom;
  if (r.fallback) ordered.fallback = r.fallback;
  return JSON.stringify(ordered);
}

/** Validates and serialises one record as a single `\n`-terminated line under MAX_LINE_BYTES. */
export function serializeRecord(input: unknown): string {
  const r = withoutSecrets(validateRecord(input));
  let line = sealed(toJson(r));
  // Only the free-text reasons can push a line over the limit; drop them from the end until it fits.
  while (Buffer.byteLength(line, 'utf8') > MAX_LINE_BYTES && r.reasons.length > 0) {
    r.reasons = r.reasons.slice(0, -1);
    line = sealed(toJson(r));
  }
  if (Buffer.byteLength(line, 'utf8') > MAX_LINE_BYTES) throw new LedgerRecordError('ledger record: too large');
  return line + '\n';
}

export const LINE_START = '{"v":1,';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE) of the UTF-8 text, 8 hex digits. */
export function crc32(text: string): string {
  return (NATIVE_CRC32 ? NATIVE_CRC32(text) : tableCrc32(text)).toString(16).padStart(8, '0');
}

/** The same CRC in JavaScript, for a Node without zlib.crc32 (before 20.15 / 22.2). */
export function tableCrc32(text: string): number {
  let c = 0xffffffff;
  for (const b of Buffer.from(text, 'utf8')) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// Ten times the table's speed: a year's ledger (100,000 lines) is checked on every load.
const NATIVE_CRC32 = (zlib as { crc32?: (data: string) => number }).crc32;

/**
 * The record's line with a checksum of everything before it as its last field. A flipped digit in a cost or a
 * token count still parses as a valid record; without the seal it was counted as if written so (575 of 2,736
 * single-bit flips of one record in the spend5 audit). Older lines have no seal and read as before.
 */
function sealed(json: string): string {
  return `${json.slice(0, -1)},"crc":"${crc32(json)}"}`;
}

const SEAL_TAIL = /,"crc":"([^"]*)"\}$/;
// A flipped byte in the seal's own key leaves an unknown three-letter key with an eight-hex-digit value at the end.
const SEAL_LIKE = /,"[^"]{3}":"[0-9a-f]{8}"\}$/;

/** 'ok' (sealed and matching), 'none' (an older line) or 'broken' (changed after it was written). */
function sealOf(text: string, parsed: object): 'ok' | 'none' | 'broken' {
  if (!('crc' in parsed)) return SEAL_LIKE.test(text) ? 'broken' : 'none';
  const m = SEAL_TAIL.exec(text);
  return m && crc32(`${text.slice(0, m.index)}}`) === m[1] ? 'ok' : 'broken';
}

/**
 * Parses one line (without its `\n`). A line that does not parse may be a torn fragment glued to a complete
 * record by a later append; the last `{"v":1,` in it is tried before giving up. `altered`: the record reads, but its
 * seal says its bytes changed after it was written.
 */
export function parseLine(line: string): { record: LedgerRecord; salvaged: boolean; altered: boolean; newer?: boolean } | undefined {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  const direct = tryParse(text);
  if (direct) return { ...direct, salvaged: false };
  const at = text.lastIndexOf(LINE_START);
  if (at > 0) {
    const tail = tryParse(text.slice(at));
    if (tail) return { ...tail, salvaged: true };
  }
  return undefined;
}

function tryParse(text: string): { record: LedgerRecord; altered: boolean; newer?: boolean } | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(text) as { v?: unknown };
    // A later format keeps v1's fields (new ones are added, as cacheWrite1h was): read with the fields this version
    // knows and said, so a newer window's spend is not lost to the totals and budgets of an older one.
    const newer = Number.isInteger(parsed.v) && (parsed.v as number) > 1;
    const record = validateRecord(newer ? { ...parsed, v: 1 } : parsed);
    return { record, altered: sealOf(text, parsed) === 'broken', ...(newer ? { newer } : {}) };
  } catch {
    return undefined;
  }
}

/**
 * A line that does not read as a record but whose seal matches its bytes: written so (by a tool, a bug, an edit that
 * resealed it), not damaged — negative tokens, a cost of NaN or 1e999. Never counted, and said as such.
 */
export function sealedAsWritten(line: string): boolean {
  const text = line.replace(/\r$/, '');
  const m = SEAL_TAIL.exec(text);
  return !!m && /^\{"v":\d+,/.test(text) && crc32(`${text.slice(0, m.index)}}`) === m[1];
}
