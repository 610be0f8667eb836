// How both webview protocols check a message: string limits, the validator helpers every check is built from, and
// the link rule. Imports nothing, so both webview bundles and the host can use it.

export const LIMITS = {
  question: 20_000,
  code: 500_000,
  url: 2_048,
  detail: 1_000,
  id: 64,
} as const;

export type Obj = Record<string, unknown>;

export function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function str(x: unknown, max: number, min = 0): x is string {
  return typeof x === 'string' && x.length >= min && x.length <= max;
}

export function oneOf<T extends string>(x: unknown, values: readonly T[]): x is T {
  return typeof x === 'string' && (values as readonly string[]).includes(x);
}

export function requestId(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

/** Only the listed keys may be present: an unexpected field means a bug or a forged message. */
export function onlyKeys(o: Obj, allowed: readonly string[]): boolean {
  return Object.keys(o).every((k) => allowed.includes(k));
}

/** Links the host may open: web pages and mail only. Everything else (javascript:, data:, command:, file:) is text. */
export function isSafeLink(url: string): boolean {
  if (url.length > LIMITS.url || /[\s\u0000-\u001f\u007f]/.test(url)) return false;
  return /^(https?:\/\/[^/?#]+|mailto:[^/?#]+)/i.test(url);
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
