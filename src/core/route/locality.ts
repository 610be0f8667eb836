// "Local means local" (security-facts §2.5): the private endpoint must be on this machine, or on a host the
// user trusted in an application-scoped setting, and the Ollama model must not be one of Ollama's cloud models.

/** Loopback (127.0.0.0/8, ::1, localhost) or a host listed in `hybrid.privacy.trustedHosts`. */
export function isLocalEndpoint(url: string, trustedHosts: string[]): boolean {
  let host: string;
  let hostWithPort: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    host = u.hostname.toLowerCase().replace(/^\[|\]$/g, '');
    hostWithPort = u.host.toLowerCase();
  } catch {
    return false;
  }
  if (isLoopback(host)) return true;
  const trusted = trustedHosts.map((h) => h.trim().toLowerCase().replace(/^\[|\]$/g, '')).filter(Boolean);
  return trusted.includes(host) || trusted.includes(hostWithPort);
}

function isLoopback(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  const v4 = host.replace(/^::ffff:/, '');
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(v4);
  if (m && m.slice(1).every((n) => Number(n) <= 255)) return m[1] === '127';
  // Node normalises ::ffff:127.0.0.1 to ::ffff:7f00:1.
  const mapped = /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.exec(host);
  return mapped !== null;
}

/**
 * True when Ollama's /api/show (or an /api/tags entry) says the model is proxied to a remote host — Ollama's
 * cloud models answer through the local port but run elsewhere.
 */
export function isRemoteOllamaModel(show: unknown): boolean {
  if (typeof show !== 'object' || show === null) return false;
  const s = show as Record<string, unknown>;
  const present = (v: unknown): boolean => typeof v === 'string' ? v.trim() !== '' : v !== undefined && v !== null;
  return present(s.remote_host) || present(s.remote_model);
}
