// A server whose TLS certificate this machine does not trust (a team gateway with a self-signed or internal-CA
// certificate) fails before any byte of HTTP: Node's fetch says "fetch failed" with the OpenSSL verdict as a code on
// the cause. That verdict, and its fix, is what the user needs; Hybrid never turns certificate checks off.

const TLS_CODES: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'a self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'a certificate from a CA this machine does not trust (self-signed root)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'a certificate from a CA this machine does not trust',
  UNABLE_TO_GET_ISSUER_CERT: 'a certificate from a CA this machine does not trust',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'a certificate from a CA this machine does not trust',
  CERT_HAS_EXPIRED: 'an expired certificate',
  CERT_NOT_YET_VALID: 'a certificate that is not valid yet (check this machine\'s clock)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'a certificate issued for another host name',
  CERT_REVOKED: 'a revoked certificate',
};

/** The TLS verdict behind a failed request (walking `cause` and AggregateError's `errors`), or undefined. */
export function tlsProblemOf(err: unknown): { code: string; what: string } | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length && seen.size < 12) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && TLS_CODES[code]) return { code, what: TLS_CODES[code]! };
    queue.push((e as { cause?: unknown }).cause);
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors)) queue.push(...errors.slice(0, 4));
  }
  return undefined;
}

/** "… presents a self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT), which this machine does not trust — …". */
export function tlsAdvice(host: string, p: { code: string; what: string }): string {
  return `${host} presents ${p.what} (${p.code}), which this machine does not trust — add your team's CA certificate: put its PEM file's path in the NODE_EXTRA_CA_CERTS environment variable and restart VS Code, or ask the admin for a certificate from a public CA. Hybrid never turns certificate checks off`;
}
