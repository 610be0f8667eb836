// "Local means local" (security-facts §2.5): the private endpoint must be on this machine, or on a host the
// user trusted in an application-scoped setting, and the Ollama model must not be one of Ollama's cloud models.

import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** Resolves a host name to every address it has (injected in tests). */
export type HostLookup = (host: string) => Promise<string[]>;

const systemLookup: HostLookup = async (host) => (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * The one "local means local" rule, synchronous part: loopback literals, `localhost` itself, or a host listed in
 * `hybrid.privacy.trustedHosts`. A `*.localhost` name or any other host name is NOT local here: only
 * `checkLocalEndpoint` may call it local, after resolving it and finding nothing but loopback addresses.
 */
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

/**
 * The full rule, used by every provider path (chat, completion, health): the synchronous rule, else a host name
 * (not an IP literal) whose every resolved address is loopback. A failed lookup is not local (fail closed).
 */
export async function checkLocalEndpoint(url: string, trustedHosts: string[], lookup: HostLookup = systemLookup): Promise<boolean> {
  if (isLocalEndpoint(url, trustedHosts)) return true;
  let host: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    host = u.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  if (isIP(host) !== 0 || host === '') return false;
  try {
    const addresses = await lookup(host);
    return addresses.length > 0 && addresses.every((a) => isLoopback(a.toLowerCase()));
  } catch {
    return false;
  }
}

/** A loopback address or `localhost`; an IPv6 literal with or without its brackets. */
export function isLoopbackHost(hostname: string): boolean {
  return isLoopback(hostname.toLowerCase().replace(/^\[|\]$/g, ''));
}

function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
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
