// What a value may look like to become an OpenTelemetry attribute. A model name comes from the server (which may echo
// anything: a key, an e-mail address, the path of the file it loaded), a user id from a setting someone may fill with
// their e-mail address: each is exported only when it has the shape of what it claims to be.

import { createHash } from 'node:crypto';
import { createPathPolicy } from '../privacy/paths';
import { scanSensitive } from '../privacy/scan';

const MODEL_SHAPE = /^[\w.:/@+-]+$/;

/**
 * A run between a model name's separators that no model name has: 16+ characters with a digit, a `+` or `=`
 * (base64), or mixed case well beyond CamelCase words. Real names split their words (`Qwen3-Coder-480B-A35B`,
 * `UD-Q4_K_XL`, `20241022`); a token a server echoed does not. The privacy scanner's entropy guess is not used here:
 * it calls real names secret.
 */
export function tokenLike(value: string): boolean {
  const runs = value.split(/[-_.:/@\s\\]+/).some((run) => {
    if (run.length < 16) return false;
    if (/[\d+=]/.test(run) || /^[A-Z]+$/.test(run)) return true;
    const upper = run.replace(/[^A-Z]/g, '').length;
    return upper >= 4 && run.length - upper >= 4 && upper / run.length > 0.2;
  });
  // Base64 keys carry `/` (AWS secret keys): a long slash-joined run is judged whole. Registry names joined by `/`
  // (`huggingface/HuggingFaceH4/zephyr`) change character class a few times; random text does so at every other one.
  return runs || value.split(/[-_.:@\s\\]+/).some((run) => run.length >= 30 && run.includes('/') && (classSwitches(run) / run.length >= 0.4 || counts(run)));
}

function classSwitches(run: string): number {
  const cls = (c: string): number => (/[A-Z]/.test(c) ? 0 : /[a-z]/.test(c) ? 1 : /\d/.test(c) ? 2 : 3);
  let n = 0;
  for (let i = 1; i < run.length; i++) if (cls(run[i]!) !== cls(run[i - 1]!)) n++;
  return n;
}

function counts(run: string): boolean {
  const has = (re: RegExp): number => (run.match(re) ?? []).length;
  return has(/\d/g) >= 3 && has(/[A-Z]/g) >= 3 && has(/[a-z]/g) >= 3;
}

/** A value the privacy scanner names (keys of known shapes, e-mail addresses, personal data), or a bare token. */
export function secretLike(value: string): boolean {
  let v = judged.get(value);
  if (v !== undefined) return v;
  v = tokenLike(value) || scanSensitive(value).some((f) => f.kind !== 'high-entropy-key');
  // Asked per record for a handful of distinct values (codes, the user id, model names): judged once each.
  if (judged.size >= 1_024) judged.clear();
  judged.set(value, v);
  return v;
}

const judged = new Map<string, boolean>();

const defaultPrivate = createPathPolicy({ privateGlobs: [] });

/**
 * The model attribute: the name as `shownModel` keeps it, when it looks like a model name at all — no whitespace,
 * no credentials, no secret, no private file's name (`.env.production`, `id_rsa`, `*.pem`: a server that names its
 * model by the file it loaded). Otherwise "other".
 */
export function modelValue(model: string): string {
  const shown = shownModel(model);
  if (!MODEL_SHAPE.test(shown) || secretLike(shown)) return 'other';
  return defaultPrivate.isPrivate(shown).private ? 'other' : shown;
}

/**
 * `user.id` as the admin set it when it is an id (`dev-1042`, a login name); an e-mail address or a key becomes a
 * stable pseudonym, so per-user series still add up without the address on the collector.
 */
export function userIdValue(userId: string): string {
  const id = userId.trim();
  if (id && /^[\w.-]{1,64}$/.test(id) && !secretLike(id)) return id;
  return `user-${createHash('sha256').update(id).digest('hex').slice(0, 16)}`;
}

/** Our own codes (route, origin, outcome, provider id): anything else — a sentence, a path, a key — is not exported. */
export function codeValue(v: string): string {
  // A code has no `@` or spaces, so no e-mail address or phrase fits; a key that fits is a long token.
  return /^[A-Za-z][\w.:-]{0,63}$/.test(v) && !tokenLike(v) ? v : 'other';
}

/**
 * A model as a metric may name it. Servers that load a file name the model by its path (llama.cpp's server:
 * `/home/<user>/models/x.gguf`), which carries a user name and a directory layout: only the file name is kept.
 * Registry names with slashes (`hf.co/org/model:tag`, `hosted_vllm/Qwen/…`) are not paths and stay whole.
 */
export function shownModel(model: string): string {
  const m = model.trim();
  // A URL (file://, or a server that names the model by where it fetched it, credentials and all): its last segment.
  const path = /^[a-z][a-z0-9+.-]*:\/\//i.test(m) ? safePath(m) : /^([/~\\]|[A-Za-z]:[\\/]|\.{1,2}[\\/])/.test(m) ? m : undefined;
  if (path === undefined) return m;
  return path.split(/[\\/]/).filter(Boolean).pop() ?? 'model';
}

function safePath(url: string): string {
  try { return decodeURIComponent(new URL(url).pathname); } catch { return url; }
}
