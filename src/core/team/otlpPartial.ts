// OTLP partial success (opentelemetry-proto, collector/*/v1/*_service.proto; OTLP/HTTP spec "Partial Success"): a
// collector that accepts an export but drops some of it answers 2xx with `partial_success` set — a count of what it
// rejected (`rejected_data_points`, `rejected_log_records`, `rejected_spans`, int64) and an `error_message`. A count of
// 0 with a message is a warning. The request must not be retried, so the count is the only trace the drop leaves.
// Pure: the exporter hands the decoded response (protobuf-JSON or the binary protobuf decoder's object) here.

import { redact, scanSensitive } from '../privacy/scan';

export interface PartialSuccess {
  /** What the collector says it rejected (0 for a warning). */
  rejected: number;
  /** One line, bounded, key-shaped and personal values redacted: a collector's message may echo what it got. */
  message: string | undefined;
}

/** The longest collector message a log line carries. */
export const PARTIAL_MESSAGE_CHARS = 300;

// proto3 JSON: parsers accept both the lowerCamelCase name and the proto field name.
const COUNT_FIELDS = ['rejectedDataPoints', 'rejected_data_points', 'rejectedLogRecords', 'rejected_log_records', 'rejectedSpans', 'rejected_spans'];

/** undefined when the collector accepted everything (no `partial_success`, or an empty one). */
export function partialSuccessOf(response: unknown): PartialSuccess | undefined {
  if (!isObj(response)) return undefined;
  const p = response['partialSuccess'] ?? response['partial_success'];
  if (!isObj(p)) return undefined;
  let rejected = 0;
  for (const f of COUNT_FIELDS) {
    const n = int64(p[f]);
    if (n !== undefined) { rejected = n; break; }
  }
  const raw = p['errorMessage'] ?? p['error_message'];
  const message = typeof raw === 'string' && raw.trim() ? withoutSecrets(oneLine(raw)) : undefined;
  return rejected > 0 || message ? { rejected, message } : undefined;
}

/** proto3 JSON writes int64 as a decimal string; a number is accepted too; a protobuf decoder may give a Long. */
function int64(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? Math.min(v, Number.MAX_SAFE_INTEGER) : undefined;
  // Past 2^53 the count is not exact, but it is a rejection: read as the largest exact count, never as 0.
  if (typeof v === 'string' && /^\d{1,20}$/.test(v.trim())) return Math.min(Number(v.trim()), Number.MAX_SAFE_INTEGER);
  if (isObj(v) && typeof v['low'] === 'number' && typeof v['high'] === 'number') {
    return Math.min((v['high'] >>> 0) * 2 ** 32 + (v['low'] >>> 0), Number.MAX_SAFE_INTEGER);
  }
  return undefined;
}

function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return flat.length > PARTIAL_MESSAGE_CHARS ? `${flat.slice(0, PARTIAL_MESSAGE_CHARS)}…` : flat;
}

/** Key-shaped values and what the privacy scanner finds (secrets, personal data) never reach our log. */
function withoutSecrets(text: string): string {
  const keyless = text.replace(/\b(sk|rk|pk)[-_][A-Za-z0-9_*-]{6,}/g, '[key]').replace(/\bBearer\s+\S+/gi, 'Bearer [key]');
  const found = scanSensitive(keyless);
  return found.length ? redact(keyless, found) : keyless;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
