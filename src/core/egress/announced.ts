// "The production password is in the next message." A person names a secret in one turn and sends it bare in the
// next. Each turn is scanned alone, and a lone token has no name for the generic rule to judge it by, so here a
// user turn whose question (its last line) is one token is judged as the value of the credential an earlier user
// turn named, with the generic rule's own judgement (looksSecret) for a value with no password name: ten or more
// characters of mixed classes and high entropy, so a one-word answer (`useEffect`, `v2.14.3`) is never one. Only the turns of one request are read: the
// announcement and the value leave together or not at all. An assistant turn that asks for one ("What password does
// the replica user have?") announces it too. A value cut across turns ("the token starts ghp_…" / "…the rest is
// Xy7…") continues: when a user turn ends with a found secret, the secret-looking words of the next user turn are
// the rest of it.

import type { Finding } from '../request';
import { isIdentifierWord, looksSecret } from '../privacy/detectors/genericSecret';
import { shannonEntropy } from '../privacy/text';
import { TOKEN_PREFIX_PATTERN } from '../privacy/detectors/truncatedTokens';

const NAMES_A_CREDENTIAL = /(?:^|[^\p{L}])(?:password|passwd|passphrase|passcode|pin code|secret|token|api[ _-]?key|access[ _-]?key|private[ _-]?key|credentials?|kennwort|passwort|mot de passe|contraseña|senha|parola d'ordine|wachtwoord|hasło|пароль|密码|密碼|パスワード|비밀번호)(?![\p{L}])/iu;

/**
 * `turns`: the chat turns in order, each with its role and its scanned text. Adds a finding to each user turn whose
 * last line is one secret-looking token after an earlier user turn that named a credential.
 */
export function findAnnouncedValues(turns: { role: string; scanned: { text: string; findings: Finding[] } }[]): number {
  let announced = false;
  let cut = false;
  // Short user turns with nothing in them ("wait", "hold on, copying the rest") between a cut secret and its rest.
  let pauses = 0;
  let found = 0;
  // The length of the last message that was a piece, or of a vendor prefix's start the turn before ended in: the
  // next message of up to that length is a piece whatever its letters (see pieceOf).
  let pieceRoom = 0;
  const add = (scanned: { text: string; findings: Finding[] }, at: number, length: number, label: string): void => {
    if (scanned.findings.some((f) => f.start <= at && f.end >= at + length)) return;
    scanned.findings.push({ kind: 'password-assignment', category: 'secret', start: at, end: at + length, line: scanned.text.slice(0, at).split('\n').length, label });
    found++;
  };
  for (const { role, scanned } of turns) {
    const { text } = scanned;
    if (role === 'user') {
      const end = text.trimEnd().length;
      const start = text.lastIndexOf('\n', end - 1) + 1;
      const line = text.slice(start, end).trim();
      if (announced && line.length >= 6 && line.length <= 200 && !/\s/.test(line) && looksSecret(line, 'secret')) {
        add(scanned, text.indexOf(line, start), line.length, 'password (named in an earlier message)');
      }
      // Within the message too: a line of attached code ending in a token's start (`const t = "ghp_<4 characters>`, cut by
      // the selection) goes on in the words after it ("it goes on: …").
      const lineCut = LINE_TOKEN_START.exec(text);
      if (lineCut) {
        add(scanned, lineCut.index, lineCut[0].length, 'the start of a secret cut across lines');
        for (const w of text.slice(lineCut.index + lineCut[0].length).matchAll(WORD)) {
          if (looksSecret(w[0], 'secret') || restOfToken(w[0])) add(scanned, lineCut.index + lineCut[0].length + w.index, w[0].length, 'the rest of a secret cut across lines');
        }
      }
      // A message that is only a piece of token characters (`Xk3pQ9aB`) while a cut value is open is its next piece,
      // however many there are: a value typed in short pieces has no word long enough for the rules after this.
      const bare = text.trim();
      const piece = cut ? pieceOf(bare, pieceRoom) : undefined;
      if (piece) add(scanned, text.lastIndexOf(piece), piece.length, 'a piece of a secret cut across messages');
      if (cut) {
        for (const w of text.matchAll(WORD)) if (looksSecret(w[0], 'secret') || restOfToken(w[0]) || hexRest(w[0]) || letterRest(w[0])) add(scanned, w.index, w[0].length, 'the rest of a secret cut across messages');
        // The rest goes on where the message starts, so its first word may be of one case (`…Xy3a` / `bcqzt…`).
        const first = /^\s*([A-Za-z0-9_+/=-]{10,200})(?=[\s.,;:!?)]|$)/.exec(text);
        if (first && oneCaseRandom(first[1])) add(scanned, text.indexOf(first[1]), first[1].length, 'the rest of a secret cut across messages');
      }
      // A turn ending in a credential's value (`…password is <value>`) may go on in the next one, even when the
      // value alone was too short or too plain for the generic rule.
      // (Read on the message's last 200 characters: both patterns end at its end.)
      const tailFrom = Math.max(0, end - 200);
      const tail = text.slice(tailFrom, end).replace(/[\s.…]+$/, '');
      const named = NAMED_AT_END.exec(tail);
      if (named && ((/\d/.test(named[1]) && /[A-Za-z]/.test(named[1])) || /^\d{16,}$/.test(named[1]))) add(scanned, tailFrom + named.index + named[0].length - named[1].length, named[1].length, 'password (its message ends with it)');
      // (A pause: a few words, up to eight of them in a row; a longer message that says the value goes on, `scroll back
      // up to find the rest`, is one too; any other message of up to 60 characters, up to three.)
      const pause: boolean = cut && scanned.findings.length === 0 && (bare.length <= 24 ? pauses < 8 : (bare.length <= 60 && pauses < 3) || (pauses < 8 && MENTIONS_REST.test(bare)));
      pauses = pause ? pauses + 1 : 0;
      // (A turn naming a credential and saying it comes in pieces opens it: `the client secret is coming in pieces`.)
      const prefixStart = TOKEN_START.exec(tail);
      cut = endsWithSecret(scanned) || prefixStart !== null || pause || (NAMES_A_CREDENTIAL.test(text) && MENTIONS_REST.test(text));
      pieceRoom = piece ? piece.length : prefixStart ? 64 : 0;
    }
    if (NAMES_A_CREDENTIAL.test(text)) announced = true;
  }
  return found;
}

/** One run of token characters, a piece of a value typed in parts, perhaps after a mark (`+`, `…`, `part 3:`, `3/8`). */
const PIECE = /^(?:(?:\+|…|\.\.\.|>|#?\d{1,2}(?:[ \t]*(?:\/|of)[ \t]*\d{1,2})?[:.)-]?(?=[ \t])|(?:part|piece|chunk|next|then|and)(?:[ \t]*#?\d{1,2}(?:[ \t]*(?:\/|of)[ \t]*\d{1,2})?)?[ \t]*[:.)-]?)[ \t]*)?([A-Za-z0-9_+/=!@#$%^&*.-]{1,64})$/i;
/** What a person types between pieces that is no piece: an acknowledgement, a pause. */
const CHAT_WORD = /^(?:ok|okay|k|kk|yes|yep|yeah|no|nope|y|n|and|so|hmm+|why|wait|go|done|next|more|sure|thx|ty|lol|then|what|how|oh|ah|huh|again|hi|hey|rest|end|stop|\.+|\?+|!+|-+)$/i;

/**
 * The piece a message is while a cut value is open. Four or more characters with no mark before them need a digit,
 * mixed case or a symbol (a plain word is a reply); shorter ones, down to one character, are pieces unless they are a chat word: a value typed
 * two or three characters a message has no piece that tells more than its place after the announcement.
 */
function pieceOf(bare: string, room: number): string | undefined {
  const m = PIECE.exec(bare);
  const v = m?.[1];
  if (!v || CHAT_WORD.test(v) || CHAT_WORD.test(bare)) return undefined;
  // (A mark before it, `+…`, `part 3: …`, says the message is a piece, whatever its letters.)
  if (v.length < 4 || v.length < bare.length) return v;
  // Right after a piece, or after a vendor prefix's first characters, a run no longer than that piece is the next one
  // even when it is one case of letters (`jvatrhso`): 1 random 8-character piece in 500 is, and a reply word there is
  // taken as a piece too, which redacts a word rather than let a piece through.
  if (v.length <= room) return v;
  return /\d/.test(v) || (/[a-z]/.test(v) && /[A-Z]/.test(v)) || /[^A-Za-z0-9]/.test(v) ? v : undefined;
}
/** A message saying the value is cut and its rest is on the way. */
const MENTIONS_REST = /\b(?:the rest|the remaining|in (?:pieces|parts|chunks|bits)|the other (?:half|part)|second (?:half|part)|cut off|wrapped|truncated|scroll(?:ed)? (?:back|up)|follows|at a time|per (?:line|message)|one (?:chunk|piece|part|bit|character)s?)\b/i;

/** Words of 10 to 200 characters without the punctuation a sentence puts around them. */
const WORD = /(?<![^\s"'`(<[])[^\s"'`()<>[\],;]{10,200}?(?=[.,;:!?]*(?:[\s"'`)>\]]|$))/g;

/** A credential word, `is` or a separator, and a value of six or more token characters ending the turn. */
const NAMED_AT_END = new RegExp(`${NAMES_A_CREDENTIAL.source}[ \\t]*(?:is|was|:|=)[ \\t]*["'\`]?([A-Za-z0-9_+/=!@#$%^&*.-]{6,64})["'\`]?$`, 'iu');

/** The turn ends in a vendor prefix and a piece too short to be found (`…is ghp_<4 characters>`): the rest comes next. */
const TOKEN_START = new RegExp(`(?<![A-Za-z0-9_])(?:${TOKEN_PREFIX_PATTERN})[A-Za-z0-9_-]{0,9}$`);

/** A line ending in a vendor prefix and a piece too short to be found, perhaps after an opening quote. */
const LINE_TOKEN_START = new RegExp(`(?<![A-Za-z0-9_])(?:${TOKEN_PREFIX_PATTERN})[A-Za-z0-9_-]{0,9}(?=[ \\t]*$)`, 'm');

/**
 * The first word of a message after one that ended in a secret, of one case (mixed case is restOfToken's): ten or more
 * token characters and 2.5 bits or more per character. A test of how random it reads (uncommon consonant pairs) still
 * let 0.9 % of random 14-letter rests through (20,000 draws), so none is made: a long first word right after a secret
 * is taken as its rest, and an ordinary word there ("implementation …") is redacted too. That needs a message ending
 * in a secret first, so it is rare.
 */
function oneCaseRandom(w: string): boolean {
  return w.length >= 10 && !(/[a-z]/.test(w) && /[A-Z]/.test(w)) && shannonEntropy(w) >= 2.5;
}

/**
 * A hex run after a turn that ended in a secret: the generic rule's entropy floor is set for mixed alphabets, and a
 * 20-character half of a 40-hex key falls under it one time in thirty (200,000 draws), so half a key's rest leaked.
 * Twelve or more hex digits with both a digit and a letter are taken as the rest; a commit hash in that spot is too.
 * The message before may end in a half of digits only: a credential word, `is` and 16+ digits end it in a secret.
 */
function hexRest(w: string): boolean {
  // A half of only digits (1 in 12,000 random 20-hex halves) is the rest too when it is as long as a key's piece.
  return (/^(?:[0-9a-f]{12,200}|[0-9A-F]{12,200})$/.test(w) && /\d/.test(w) && /[a-fA-F]/.test(w)) || /^\d{16,200}$/.test(w);
}

/**
 * Letters only, of both cases, that no identifier style explains (`getElementsByClassName`, `HTMLDivElement` are): after
 * a cut, restOfToken wants a case switch every third letter, which 9 % of random 22-letter rests miss.
 */
function letterRest(w: string): boolean {
  return /^[A-Za-z]{10,200}$/.test(w) && /[a-z]/.test(w) && /[A-Z]/.test(w) && !isIdentifierWord(w) && !wordSegments(w) && shannonEntropy(w) >= 3;
}

/** Splits at case changes (`HTMLDivElement` → HTML·Div·Element): identifiers have long parts; 6.5 % of random 22-letter rests pass too. */
function wordSegments(w: string): boolean {
  const seg = w.match(/[A-Z]{2,}(?=[A-Z][a-z]|$)|[A-Z]?[a-z]+|[A-Z]/g) ?? [];
  return seg.join('') === w && seg.filter((s) => s.length === 1).length <= 1 && w.length / seg.length >= 3.5;
}

/** The turn's last secret reaches its end: the value may go on in the next message. */
function endsWithSecret(s: { text: string; findings: Finding[] }): boolean {
  const end = s.text.replace(/[\s.…]+$/, '').length;
  return s.findings.some((f) => f.category === 'secret' && f.end >= end);
}

/**
 * After a turn that ended in a token, its rest may be letters only (a 22-character rest of a 36-character token has
 * no digit about one time in fifty, and the generic rule wants one). Random case is the tell: a fifth or more of the
 * letters upper and a fifth lower, switching case every third letter or more often. Identifiers switch at word
 * boundaries only (`getElementsByClassName` 8 times in 22, `MySQLConnectionPool` 5, `HTMLDivElement` 3); 91% of
 * random 22-letter rests pass (measured, 5,000 draws).
 */
function restOfToken(w: string): boolean {
  if (!/^[A-Za-z0-9_-]{10,200}$/.test(w) || shannonEntropy(w) < 3.5) return false;
  const upper = (w.match(/[A-Z]/g) ?? []).length;
  const lower = (w.match(/[a-z]/g) ?? []).length;
  let switches = 0;
  for (let i = 1; i < w.length; i++) if (/[A-Za-z]{2}/.test(w.slice(i - 1, i + 1)) && /[A-Z]/.test(w[i - 1]) !== /[A-Z]/.test(w[i])) switches++;
  return upper >= w.length / 5 && lower >= w.length / 5 && switches >= Math.max(5, w.length / 3);
}
