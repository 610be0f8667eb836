// "Password" in other languages (German Passwort/Kennwort, Spanish contraseña, Portuguese senha, French mot de
// passe, Dutch wachtwoord, Polish hasło, Russian пароль, Chinese 密码/密碼, Japanese パスワード, Korean 비밀번호, …)
// as a label or key: the value after it is judged as a password, as the generic rule does for English names.

import { ALNUM, type Detector, type RawHit } from '../detector';
import { looksSecret } from './genericSecret';

const SPACED_WORDS = ['passwort', 'kennwort', 'contraseña', 'contrasena', 'senha', 'mot[ _-]?de[ _-]?passe', 'wachtwoord', 'hasło', 'haslo', 'parola',
  'lösenord', 'losenord', 'salasana', 'jelszó', 'jelszo', 'şifre', 'sifre', 'heslo', 'geslo', 'lozinka', 'пароль', 'كلمة المرور', 'סיסמה'].join('|');
// Scripts written without spaces: the word may follow other letters (数据库密码 = "database password").
const CJK_WORDS = ['密码', '密碼', '口令', 'パスワード', '暗証番号', '비밀번호'].join('|');
const WORDS = `${SPACED_WORDS}|${CJK_WORDS}`;
// Also said in a sentence, as the English rule reads "password is …": each language's "is" (lautet, ist, es, é, est,
// is, è, jest, это, är, on, er, je) or the Chinese/Japanese/Korean particle (是, は, 는, 은, 为); the value must still
// look like a password (looksSecret), so "Das Passwort ist falsch" stays prose.
const COPULA = ['lautet', 'ist', 'es', 'é', 'est', 'is', 'luidt', 'è', 'jest', 'это', 'är', 'on', 'er', 'je'].join('|');
const LABEL = new RegExp(String.raw`(?:(?<![\p{L}\p{N}])(?:${SPACED_WORDS})(?![\p{L}\p{N}])|(?:${CJK_WORDS}))["']?(?:[ \t]*(?:[:=：]|=>)|(?<copula>[ \t]+(?:${COPULA})(?:[ \t]*:)?(?=[ \t])|[ \t]*(?:是|は|는|은|为|為)))[ \t]*(?:'([^'\r\n]{1,400})'|"([^"\r\n]{1,400})"|([^\s'",;]{1,400}))`, 'giu');
const ANY = new RegExp(WORDS, 'iu');

/**
 * ASCII spellings for the scanner's case-sensitive keyword pre-filter; any non-ASCII text is scanned anyway. Each
 * is a tail of the word that starts at an uncommon letter pair, so the pre-filter's pair table stays quiet on
 * ordinary code (`passwort` → `swort`; `haslo`, `heslo`, `geslo` → `slo`). Transliterations whose native
 * spelling is non-ASCII (hasło, lösenord, şifre, contraseña) are found as written natively.
 */
const FOREIGN_ASCII_KEYWORDS = ['swort', 'SWORT', 'nnwort', 'NNWORT', 'rasena', 'RASENA', 'nha', 'NHA', 'mot de', 'Mot de', 'MOT DE', 'mot_de', 'Mot_de',
  'MOT_DE', 'motdep', 'Motdep', 'MOTDEP', 'htwoord', 'HTWOORD', 'slo', 'SLO', 'arola', 'AROLA', 'senord', 'SENORD', 'asana', 'ASANA', 'jelszo', 'Jelszo',
  'JELSZO', 'ozinka', 'OZINKA'];

function findForeignPasswords(text: string): RawHit[] {
  if (!ANY.test(text)) return [];
  const out: RawHit[] = [];
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    // (Group 1 is the copula; the value is quoted in 2 or 3, bare in 4.)
    let value = m[2] ?? m[3] ?? m[4];
    // In a sentence the value ends before its full stop, and must read as drawn (a digit, or a capital inside),
    // not as the next word of the sentence ("ist falsch", "é obrigatória").
    if (m.groups?.copula !== undefined && m[4] !== undefined) {
      value = value.replace(/[.!?,;:。！？]+$/u, '');
      if (!/\d/.test(value) && !/\p{Lu}/u.test(value.slice(1))) continue;
    }
    if (!looksSecret(value, 'password')) continue;
    const start = m.index + m[0].length - (m[2] ?? m[3] ?? m[4]).length - (m[4] === undefined ? 1 : 0);
    out.push({ kind: 'password-assignment', label: 'password', start, end: start + value.length });
  }
  return out;
}

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7F]/;

export const FOREIGN_PASSWORD_DETECTORS: readonly Detector[] = [
  { id: 'foreign-password', category: 'secret', keywords: FOREIGN_ASCII_KEYWORDS, alsoWhen: (text) => NON_ASCII.test(text), find: findForeignPasswords,
    samples: { tp: [(g) => `Passwort: ${g.mixed(ALNUM, 14)}`, (g) => `数据库密码=${g.mixed(ALNUM, 14)}`, (g) => `Das Kennwort lautet ${g.mixed(ALNUM, 14)}`,
      (g) => `mi contraseña es ${g.mixed(ALNUM, 12)}#1`, (g) => `密码是 ${g.mixed(ALNUM, 12)}`], fp: ['Das Passwort: bitte beim Admin anfragen', 'Geben Sie Ihr Kennwort ein.', 'Das Passwort ist falsch.', 'Le mot de passe est incorrect',
      'La contraseña es obligatoria', 'A senha é obrigatória', 'Het wachtwoord is verlopen', 'Пароль это секрет'] } },
];
