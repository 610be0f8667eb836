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
  const at = endpointOf(url);
  if (!at) return false;
  if (isLoopback(at.host)) return true;
  return trustedHosts.some((entry) => {
    const t = trustedHostEntry(entry);
    return t !== undefined && t.host === at.host && (t.port === undefined || t.port === at.port);
  });
}

/** An http(s) URL's host (lower case, no brackets, no trailing dot) and port (the scheme's default when unwritten). */
function endpointOf(url: string): { host: string; port: string } | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    const host = bareHost(u.hostname);
    return host ? { host, port: u.port || (u.protocol === 'https:' ? '443' : '80') } : undefined;
  } catch {
    return undefined;
  }
}

/** A URL's hostname as trust compares it: lower case, no brackets or trailing dot, an IPv4-mapped address as IPv4. */
export function bareHost(hostname: string): string {
  return unmapped(hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, ''));
}

/**
 * An IPv4-mapped IPv6 address is the IPv4 host it maps (`::ffff:10.0.0.9`, which the URL parser writes
 * `::ffff:a00:9`, is 10.0.0.9): one spelling on both sides of a trust comparison.
 */
function unmapped(host: string): string {
  // Every host here came through the URL parser, which writes the mapped form one way.
  const m = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (!m) return host;
  const hi = parseInt(m[1]!, 16);
  const lo = parseInt(m[2]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/**
 * One `hybrid.privacy.trustedHosts` entry as the host (and port, when written) it names, spelled as a URL's host
 * is: `GPU-Box.corp.`, `https://gpu-box/`, `[fd00::7]` and `fd00:0:0:0:0:0:0:7` all read the same. An entry that
 * names no single host — empty, a wildcard (`*.corp.internal`, `*`), anything unparseable — trusts nothing.
 */
export function trustedHostEntry(entry: string): { host: string; port?: string } | undefined {
  let e = entry.trim().toLowerCase();
  // A wildcard names no single host; userinfo (`gpu-box@evil.example`) makes the host the part after the `@`, which
  // is rarely what the admin meant to trust.
  if (!e || e.includes('*') || e.includes('@')) return undefined;
  if (!/^[a-z][a-z0-9+.-]*:\/\//.test(e)) {
    // A bare IPv6 address has more than one colon and no brackets; a host:port has exactly one.
    e = `http://${(e.match(/:/g) ?? []).length > 1 && !e.startsWith('[') ? `[${e.replace(/\/+$/, '')}]` : e}`;
  }
  try {
    const u = new URL(e);
    const host = bareHost(u.hostname);
    if (!host) return undefined;
    // The port as written: the URL parser drops a scheme's default port (`https://h:443`), which still restricts.
    const authority = e.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').split('/')[0]!.replace(/^[^@]*@/, '');
    const written = (authority.startsWith('[') ? /\]:(\d+)$/ : /^[^:]*:(\d+)$/).exec(authority)?.[1];
    return written !== undefined ? { host, port: String(Number(written)) } : { host };
  } catch {
    return undefined;
  }
}

/** The entries that trust nothing (a wildcard, a URL without a host), to name them where trust was refused. */
export function ignoredTrustedHosts(trustedHosts: readonly string[]): string[] {
  return trustedHosts.filter((e) => e.trim() !== '' && trustedHostEntry(e) === undefined);
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
