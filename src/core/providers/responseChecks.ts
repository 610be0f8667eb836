// What the request guard reads off an answer before the client does: whether a 2xx is a web page instead of the
// API, how long a Retry-After asks to wait, and whether each NDJSON line of a stream is JSON.

/** The content type of a web page (HTML), which no model API streams; undefined for anything else. */
export function webPageType(headers: Headers): string | undefined {
  const type = (headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'text/html' || type === 'application/xhtml+xml' ? type : undefined;
}

/**
 * `retry-after-ms` (ms) first, then `retry-after` as seconds or an HTTP date — the SDKs' own order. A date already
 * past is no wait (0); a negative or non-numeric delay is no Retry-After at all (RFC 9110 allows only digits), so
 * "try again in -30 s" or a NaN wait can never be said.
 */
export function parseRetryAfter(headers: Headers): number | undefined {
  const delay = (text: string | null, unit: number): number | undefined => {
    if (text === null || !/^\s*\d+(\.\d+)?\s*$/.test(text)) return undefined;
    const n = parseFloat(text) * unit;
    return Number.isFinite(n) ? n : undefined;
  };
  const ms = delay(headers.get('retry-after-ms'), 1);
  if (ms !== undefined) return ms;
  const ra = headers.get('retry-after');
  if (ra === null) return undefined;
  const secs = delay(ra, 1000);
  if (secs !== undefined) return secs;
  if (/^\s*[-+]?[\d.]+\s*$/.test(ra)) return undefined;
  const date = Date.parse(ra);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

export function ndjsonValidator(): { push(chunk: Uint8Array): boolean; end(): boolean } {
  const decoder = new TextDecoder();
  let pending = '';
  const ok = (line: string): boolean => {
    if (!line.trim()) return true;
    try { JSON.parse(line); return true; } catch { return false; }
  };
  return {
    push(chunk) {
      pending += decoder.decode(chunk, { stream: true });
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      return lines.every(ok);
    },
    end() {
      pending += decoder.decode();
      return ok(pending);
    },
  };
}
