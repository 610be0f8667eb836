// What the request guard reads off an answer before the client does: whether a 2xx is a web page instead of the
// API, how long a Retry-After asks to wait, and whether each NDJSON line of a stream is JSON.

/** The content type of a web page (HTML), which no model API streams; undefined for anything else. */
export function webPageType(headers: Headers): string | undefined {
  const type = (headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'text/html' || type === 'application/xhtml+xml' ? type : undefined;
}

/** `retry-after-ms` (ms) first, then `retry-after` as seconds or an HTTP date — the SDKs' own order. */
export function parseRetryAfter(headers: Headers): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && Number.isFinite(parseFloat(ms))) return Math.max(0, parseFloat(ms));
  const ra = headers.get('retry-after');
  if (ra === null) return undefined;
  const secs = parseFloat(ra);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
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
