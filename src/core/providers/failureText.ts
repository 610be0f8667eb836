// The words of a failure message: errno codes, hosts, durations, and server text with anything key-shaped removed.

import { redact, scanSensitive } from '../privacy/scan';

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

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * For a wait a server asked for, in the unit a person reads: "45 s", "10 min", "2 h" — never "600 s". Rounded up,
 * so Hybrid never names a wait shorter than the one asked for.
 */
export function waitFor(ms: number): string {
  if (ms < 90_000) return seconds(ms);
  if (ms < 90 * 60_000) return `${Math.ceil(ms / 60_000)} min`;
  if (ms < 48 * HOUR_MS) return `${Math.ceil(ms / HOUR_MS)} h`;
  // "262800 h" (a gateway's Retry-After of 30 years) is a number nobody reads; past two weeks the figure says
  // nothing a person would act on.
  return ms <= 14 * DAY_MS ? `${Math.ceil(ms / DAY_MS)} days` : 'more than two weeks';
}

/**
 * The words of an HTML error page (a proxy's 502, nginx's 400, a WAF's block page): its title, else its visible
 * text, without the status number the message already gives. Text that is not HTML is returned as it is.
 */
export function pageText(text: string): string {
  const head = text.slice(0, 20_000);
  if (!/^\s*(<!doctype html|<html|<head|<body|<\?xml)/i.test(head)) return text;
  const plain = (html: string): string => html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ').trim();
  const title = plain(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(head)?.[1] ?? '');
  const body = plain(/<body[^>]*>([\s\S]*)/i.exec(head)?.[1] ?? head);
  return (title || body).replace(/^\d{3}\s*[-:]?\s*/, '');
}

/** For time-outs: "300 ms" below a second, else whole seconds. */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  // 1500 ms is "1.5 s", not "2 s": the figure must match the setting the message tells the user to raise.
  const s = ms < 10_000 ? Math.round(ms / 100) / 10 : Math.round(ms / 1000);
  return `${s} s`;
}

/** Runs at least this long that a server's text shares with the request are the request quoted back. */
const ECHO_MIN = 12;

/**
 * Server text as a failure message may carry it: key-shaped strings removed, secrets and personal data redacted,
 * and any run quoted back from the request (`sent`: the prompt as sent) cut out. Servers do quote requests in
 * their errors (FastAPI's 422 `input`, some gateways' "received messages=…"), and a local server got the prompt
 * unredacted; failure messages are shown, logged and handed to the editor's agent, never prompt text.
 */
export function scrub(text: string, secret?: string, sent?: string): string {
  let out = text.slice(0, 2000);
  if (secret && secret.length >= 4) out = out.split(secret).join('[key]');
  if (sent) out = withoutEcho(out, sent);
  out = out.replace(/\b(sk|rk|pk)[-_][A-Za-z0-9_*-]{6,}/g, '[key]').replace(/\bBearer\s+\S+/gi, 'Bearer [key]');
  const found = scanSensitive(out);
  return (found.length ? redact(out, found) : out).slice(0, 200);
}

function withoutEcho(text: string, sent: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (i + ECHO_MIN <= text.length && sent.includes(text.slice(i, i + ECHO_MIN))) {
      let j = i + ECHO_MIN;
      while (j < text.length && sent.includes(text.slice(i, j + 1))) j++;
      out += '[request text]';
      i = j;
    } else {
      out += text[i++];
    }
  }
  return out;
}

/** A provider's display name inside a sentence: "The local OpenAI-compatible server" starts messages, "the …" sits in them. */
export function inSentence(name: string): string {
  return name.startsWith('The ') ? `the ${name.slice(4)}` : name;
}

const BUSY: Record<number, string> = { 429: 'rate limit', 503: 'unavailable', 529: 'overloaded' };

/** What the user reads while the SDK waits to retry: who, why, and for how long, so a pause is not a hang. */
export function waitNotice(name: string, w: { status: number; retryAfterMs?: number }): string {
  const why = `HTTP ${w.status}${BUSY[w.status] ? ` ${BUSY[w.status]}` : ''}`;
  return `${name} is busy (${why}) — trying again ${w.retryAfterMs !== undefined ? `in ${waitFor(w.retryAfterMs)}, as it asked` : 'shortly'}.`;
}

/**
 * The same notice once the retry has come through: under a finished answer, "trying again in 2 s" read as if it
 * were still waiting. Undefined for any other text.
 */
export function waitedNotice(notice: string): string | undefined {
  const m = /^(.+) is busy \((.+)\) — trying again (?:in (.+), as it asked|shortly)\.$/.exec(notice);
  if (!m) return undefined;
  return `${m[1]} was busy (${m[2]}) — Hybrid ${m[3] ? `waited ${m[3]}, as it asked, and tried again` : 'tried again'}.`;
}
