// The words of a failure message: errno codes, hosts, durations, and server text with anything key-shaped removed.

/** Walks `cause` chains for a Node errno code (ECONNREFUSED, ENOTFOUND, …). */
export function errnoOf(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 6 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length) { const inner = errnoOf(errors[0]); if (inner) return inner; }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function hostOf(url: string): string {
  try { return new URL(url).host; } catch { return url; }
}

/** For "try again in N s": whole seconds, rounded up. */
export function seconds(ms: number): string {
  return `${Math.max(1, Math.ceil(ms / 1000))} s`;
}

/** For time-outs: "300 ms" below a second, else whole seconds. */
export function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 1000)} s`;
}

/** Removes anything key-shaped from server text before it reaches a message or a log. */
export function scrub(text: string, secret?: string): string {
  let out = text;
  if (secret && secret.length >= 4) out = out.split(secret).join('[key]');
  return out
    .replace(/\b(sk|rk|pk)[-_][A-Za-z0-9_*-]{6,}/g, '[key]')
    .replace(/\bBearer\s+\S+/gi, 'Bearer [key]')
    .slice(0, 200);
}
