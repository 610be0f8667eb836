// The "generic" rule: a secret-looking value assigned to a name that says password / secret / token / key.
// gitleaks expresses this as one regex with a lazy `[\w.-]{0,50}?` prefix, which is the slowest thing one can
// run on a backtracking engine (security-facts §1.6). Here a keyword search finds the name, the identifier is
// widened by hand, its words are judged (credentialNames.ts), and a sticky regex reads the operator and the value:
// linear in the text. Also: escaped quotes (JSON inside JSON, Jupyter), Terraform `variable { default = … }`,
// `<add key="…" value="…"/>` and `name: … value: …` pairs (Kubernetes env, ECS task definitions).

import { isCredentialName, isPasswordName } from '../credentialNames';
import { ALNUM, type Detector, type RawHit } from '../detector';
import { highEntropy, isPlaceholder, isUuid, shannonEntropy } from '../text';

const NAME = /p(?:ass|wd?|at)|s(?:ecret|ig|alt)|token|key|c(?:red|ookie|onnstr)|auth|bearer|jwt|hmac|dsn|(?:PASS|PWD?|PAT|SECRET|SIG|SALT|TOKEN|KEY|CRED|COOKIE|AUTH|BEARER|JWT|HMAC|DSN)|(?:Pass|Pwd?|Pat|Secret|Sig|Salt|Token|Key|Cred|Cookie|Auth|Bearer|Jwt|Hmac|Dsn)/g;
function isIdentChar(c: number): boolean {
  // [A-Za-z0-9_.-], by char code: this runs for every character around every keyword hit.
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
}
// operator (=, :, :=, =>, ?=, ,, >, `(` before a quoted literal, or prose: "the password is …") then a quoted (possibly escaped-quoted) or bare value; bounded throughout.
// A YAML anchor or tag (`&pw`, `!!str`) between the operator and the value is skipped; a Markdown table cell
// (`| DB_PASSWORD | value |`) is a pipe followed by a space.
// A subscript closes with `"]` before its `=` (`os.environ["API_KEY"] = …`); before a `:` it is a computed key
// in a type or object (`["Fetch.authRequired"]: [Payload]`), not an assignment.
const ASSIGN = /(?:\\{0,7}['"]\](?=[ \t]{0,5}=)|\\{0,7}['"\]])?[ \t]{0,40}(?:=>|:{1,3}=|\?=|==?|<<-|<-|:|,|>|\|(?=[ \t])|\((?=[ \t]*\\?['"`])|(?<=[ \t])(?:(?:is|was|will be)(?:[ \t]+(?:set to|now))?|set to|becomes)(?=[ \t]))[ \t]{0,5}(?:[&!]{1,2}[\w-]{0,30}[ \t]+)?(?:\\{0,7}(['"`])([^'"`\r\n\\]{1,4000}?)\\{0,7}\1|([^\s'"`,;)}\]<>\\]{1,4000}))/y;
const CLI_VALUE = /[ \t]+(?:(['"])([^'"\r\n]{1,4000})\1|([^\s'"`;|&]{1,4000}))/y;
// (fish's `set -x NAME value` too; and a CONSTANT_CASE name opening its line with one value after it, as config
// dumps print them: `AUTH_TOKEN <value>`, checked in code.)
const SPACE_ASSIGNED = /(?:^|[^\w-])(?:ENV|ARG|setenv|LABEL|set(?:[ \t]+-[a-zA-Z]{1,3}){1,2})[ \t]+$/;
const LINE_OPENS = /(?:^|\n)[ \t]*$/;
// `git config [--global] credential.<url>.token <value>`: the key may hold a URL, whose name starts past its `/`.
const GIT_CONFIG_BEFORE = /(?:^|[\s;&|(])git[ \t]+config(?:[ \t]+--?[\w-]{1,20}){0,3}[ \t]+[^\s'"]{0,200}$/;
// A credential word qualified before its operator: `password for svc_etl: …`, `token for the git mirror: …`.
const QUALIFIER = /[ \t]+(?:for|of|on|to)[ \t]+(?:[\w.@/-]{1,40}[ \t]+){0,3}?[\w.@/-]{1,40}(?=[ \t]{0,5}(?::[ \t]|=|is[ \t]))/y;
const TF_DEFAULT = /['"]?[ \t]*\{[^}]{0,400}?\bdefault[ \t]*=[ \t]*"([^"\r\n]{1,4000})"/y;
const KEY_VALUE = /\b(?:key|name)[ \t]*=[ \t]*"([^"\r\n]{1,100})"[ \t]+value[ \t]*=[ \t]*"([^"\r\n]{1,4000})"/g;
const NAME_VALUE = /\bname['"]?[ \t]*[:=][ \t]*['"]?([\w.-]{1,100})['"]?[ \t]*(?:,[ \t]*|\r?\n[ \t]*-?[ \t]*)['"]?value['"]?[ \t]*[:=][ \t]*(['"]?)([^'"\s,}]{1,4000})\2/g;

/** SPACE_ASSIGNED ends in `[ \t]+$`: without a blank just before the name, its slice and regex are skipped. */
function spaceBefore(text: string, s: number): boolean {
  const c = s > 0 ? text.charCodeAt(s - 1) : -1;
  return c === 32 || c === 9;
}

function findGenericSecrets(text: string): RawHit[] {
  const out: RawHit[] = [];
  NAME.lastIndex = 0;
  let lastEnd = -1;
  for (let m = NAME.exec(text); m; m = NAME.exec(text)) {
    let s = m.index;
    while (s > 0 && m.index - s < 60 && isIdentChar(text.charCodeAt(s - 1))) s--;
    let e = m.index + m[0].length;
    const limit = e + 40;
    while (e < text.length && e < limit && isIdentChar(text.charCodeAt(e))) e++;
    if (e <= lastEnd) continue;
    NAME.lastIndex = e;
    let ident = text.slice(s, e);
    // Prose and labels: "API key: …", "the signing key is …" — the qualifier is the word before.
    if (/^keys?$/i.test(ident)) {
      const prev = /([A-Za-z]{2,20})[ \t]$/.exec(text.slice(Math.max(0, s - 22), s));
      if (prev) ident = `${prev[1]}_${ident}`;
    }
    // Our own redaction labels, e.g. "[REDACTED:database-url-password]", are not names.
    if (text.startsWith('[REDACTED:', s - 10) || !isCredentialName(ident)) continue;
    // A placeholder names the value it stands for (`user:<password>@host`, `{token}`): what follows it is no value.
    // (Not an XML element, `<password>…</password>`: its value ends at a closing tag.)
    if (s > 0 && ((text[s - 1] === '<' && text[e] === '>' && !/^>[^<\n]{1,400}<\//.test(text.slice(e, e + 410))) || (text[s - 1] === '{' && text[e] === '}'))) continue;
    let value: string | undefined;
    let valueStart = 0;
    ASSIGN.lastIndex = e;
    let a = ASSIGN.exec(text);
    if (!a) {
      QUALIFIER.lastIndex = e;
      const q = QUALIFIER.exec(text);
      if (q) { ASSIGN.lastIndex = e + q[0].length; a = ASSIGN.exec(text); }
    }
    if (a) {
      value = a[2] ?? a[3];
      valueStart = a[2] !== undefined ? a.index + a[0].length - value.length - /\\*['"`]$/.exec(a[0])![0].length : a.index + a[0].length - value.length;
      // YAML block scalar (`password: |`): the value is the next indented line.
      if (/^[|>][-+]?\d?$/.test(value)) {
        const block = /^[ \t]*\r?\n([ \t]+)(\S[^\r\n]{0,4000})/.exec(text.slice(valueStart + value.length, valueStart + value.length + 4200));
        if (block) { valueStart = valueStart + value.length + block[0].length - block[2].length; value = block[2].trimEnd(); } else value = undefined;
      }
    } else if ((spaceBefore(text, s) && SPACE_ASSIGNED.test(text.slice(Math.max(0, s - 40), s))) || (text.includes('config') && GIT_CONFIG_BEFORE.test(text.slice(Math.max(0, s - 260), s))) || (/^[A-Z][A-Z0-9_]{2,60}$/.test(ident) && LINE_OPENS.test(text.slice(Math.max(0, s - 40), s)) && /^[ \t]+[^\s=:]+[ \t]*(?:\r?\n|$)/.test(text.slice(e, e + 4100)))) {
      // Dockerfile `ENV NAME value` / `ARG`, csh `setenv NAME value`: whitespace is the operator.
      CLI_VALUE.lastIndex = e;
      const c = CLI_VALUE.exec(text);
      if (c) {
        value = c[2] ?? c[3];
        valueStart = c.index + c[0].length - value.length - (c[2] !== undefined ? 1 : 0);
      }
    } else if (text.charCodeAt(s) === 45) {
      // Command-line flags: --password Pq9…, -token abc…
      CLI_VALUE.lastIndex = e;
      const c = CLI_VALUE.exec(text);
      if (c) {
        value = c[2] ?? c[3];
        valueStart = c.index + c[0].length - value.length - (c[2] !== undefined ? 1 : 0);
      }
    } else {
      TF_DEFAULT.lastIndex = e;
      const t = TF_DEFAULT.exec(text);
      if (t) { value = t[1]; valueStart = t.index + t[0].length - 1 - value.length; }
    }
    if (!value || !looksSecret(value, ident)) continue;
    out.push(hit(ident, valueStart, value.length));
    lastEnd = valueStart + value.length;
    NAME.lastIndex = Math.max(NAME.lastIndex, lastEnd);
  }
  if (text.includes('value')) {
    for (const re of [KEY_VALUE, NAME_VALUE]) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const name = m[1];
        const value = re === KEY_VALUE ? m[2] : m[3];
        if (!isCredentialName(name) || !looksSecret(value, name)) continue;
        const start = m.index + m[0].length - value.length - (re === NAME_VALUE ? m[2].length : 1);
        out.push(hit(name, start, value.length));
      }
    }
  }
  return out;
}

/** camelCase / PascalCase / snake_case / CONSTANT_CASE words with at most a short digit suffix: how code names things. */
export function isIdentifierWord(part: string): boolean {
  return /^\$?_*(?:[a-z]+(?:[A-Z][a-z]+|[A-Z]{2,}(?![a-z]))*|[A-Z][a-z]+(?:[A-Z][a-z]+|[A-Z]{2,}(?![a-z]))*|[a-z]+(?:_[a-z]+)+|[A-Z]+(?:_[A-Z]+)*)_*\d{0,3}$/.test(part);
}

function hit(ident: string, start: number, length: number): RawHit {
  const passwordish = isPasswordName(ident);
  return { kind: passwordish ? 'password-assignment' : 'generic-secret', label: passwordish ? 'password' : 'secret value', start, end: start + length };
}

export function looksSecret(value: string, ident: string): boolean {
  const v = value.trim();
  if (v.length < 6 || /\s/.test(v)) return false;
  if (v.startsWith('[REDACTED')) return false;
  if (/^(?:true|false|null|none|nil|undefined|required|optional)$/i.test(v)) return false;
  // A member expression is code, not a value (`config.dbPassword`, `process.env.DB_PASSWORD`) — when every part reads
  // as an identifier; `Jegn.ytnnm324QrCH5U` (random case and digits inside a part) is a password with a dot in it.
  // Optional chaining and TypeScript's non-null mark are member access too (`found.key?.trim()`, `opts!.token`).
  const member = v.replace(/[?!]\./g, '.');
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(member) && member.split('.').every(isIdentifierWord)) return false;
  if (/^[\w$.]+\(/.test(member) || /^(?:process\.env|os\.environ|env\.|config\.|self\.|this\.|settings\.|secrets\.|vars\.)/.test(member)) return false;
  // The next key of an object literal after a shorthand one (`{ apiKey, firstByteTimeoutMs: 5_000 }`), not a value.
  if (/^[A-Za-z_$][\w$]*:$/.test(v) && isIdentifierWord(v.slice(0, -1))) return false;
  if (/^\d+(?:\.\d+)*$/.test(v) || /^v?\d+\.\d+\.\d+/.test(v)) return false; // numbers, versions
  if (isUuid(v) || isPlaceholder(v)) return false;
  if (/^(?:sha\d+|md5)[-:]/i.test(v)) return false;               // integrity hashes
  if (/^arn:[\w-]+:/.test(v)) return false;                      // resource names (AWS ARNs)
  if (/^\/.{2,}\/[dgimsuy]*$/.test(v) && /[\\^$*+?()[\]{}|]/.test(v)) return false; // a regex literal (`const pat = /^a+$/`)
  if (/^(?:https?|file):\/\//i.test(v)) return false;            // URLs are handled by the URL rules
  // A name for where the secret is kept (Docker's `POSTGRES_PASSWORD_FILE`, `tokenPath`) holding a path.
  if (/(?:^|[_.-])(?:file|path|filename|filepath|dir|location|FILE|PATH|FILENAME|FILEPATH|DIR|LOCATION)$|[a-z](?:File|Path|Filename|Dir|Location)$/.test(ident) && /^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:\\)[^\s]*$/.test(v)) return false;
  const h = shannonEntropy(v);
  const classes = +/[a-z]/.test(v) + +/[A-Z]/.test(v) + +/\d/.test(v) + +/[^A-Za-z0-9]/.test(v);
  if (isPasswordName(ident)) {
    if (/^[A-Za-z_]+$/.test(v) && /^[a-z]+(?:_[a-z]+)*$|^[A-Z][A-Z_]*$/.test(v)) return false; // an identifier / env name
    if (/^[A-Z]?[a-z]+$/.test(v)) return false;                   // one word: a label ("Password"), not a value
    return v.length >= 6 && classes >= 2 && h >= 2.5;
  }
  if (/^[A-Za-z_.$-]+$/.test(v)) return false;                  // words, identifiers, env references
  if (isWordSlug(v)) return false;                              // resource names: prod/db/credentials, NEXUS-GPT4-API-KEY
  // A short value cannot measure high (15 characters: at most 3.9 bits); one that mixes three or four character
  // classes is random-looking enough at a lower figure.
  return v.length >= 10 && classes >= 2 && highEntropy(v, classes >= 4 ? 2.8 : classes === 3 ? 3.0 : 3.3);
}

/** Two or more word-like segments (each with a run of 3 letters, one case or Capitalised) joined by - _ . / . */
function isWordSlug(v: string): boolean {
  const parts = v.split(/[-_./]+/).filter(Boolean);
  if (parts.length < 2) return false;
  // (A figure with a unit is a part too: Anthropic's own `ephemeral_1h_input_tokens`, `max_5m_window`.)
  return parts.every((p) => /^\d{1,4}(?:[a-z]{1,2}|[A-Z]{1,2})?$/.test(p) || /^(?:[a-z]{1,3}|[A-Z]{1,3})$/.test(p) || (/[A-Za-z]{3}/.test(p) && (/^[a-z0-9]+$/.test(p) || /^[A-Z0-9]+$/.test(p) || /^[A-Z][a-z0-9]+$/.test(p))));
}

export const GENERIC_SECRET_DETECTORS: readonly Detector[] = [
  { id: 'generic-secret', category: 'secret', keywords: [], find: findGenericSecrets,
    samples: {
      tp: [(g) => `DB_PASSWORD=${g.mixed(ALNUM, 14)}`, (g) => `const apiKey = "${g.mixed(ALNUM, 32)}";`, (g) => `my database password is ${g.mixed(ALNUM, 12)}, please fix the pool`],
      fp: ['const passwordField = form.querySelector("#password");', 'password: process.env.DB_PASSWORD,', 'KEY_LENGTH=32',
        '["WebAuthn.credentialAdded"]: [WebAuthn.credentialAddedPayload];'],
    } },
];
