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
const LABEL = new RegExp(String.raw`(?:(?<![\p{L}\p{N}])(?:${SPACED_WORDS})(?![\p{L}\p{N}])|(?:${CJK_WORDS}))["']?[ \t]*(?:[:=：]|=>)[ \t]*(?:'([^'\r\n]{1,400})'|"([^"\r\n]{1,400})"|([^\s'",;]{1,400}))`, 'giu');
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
    const value = m[1] ?? m[2] ?? m[3];
    if (!looksSecret(value, 'password')) continue;
    const start = m.index + m[0].length - value.length - (m[3] === undefined ? 1 : 0);
    out.push({ kind: 'password-assignment', label: 'password', start, end: start + value.length });
  }
  return out;
}

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7F]/;

export const FOREIGN_PASSWORD_DETECTORS: readonly Detector[] = [
  { id: 'foreign-password', category: 'secret', keywords: FOREIGN_ASCII_KEYWORDS, alsoWhen: (text) => NON_ASCII.test(text), find: findForeignPasswords,
    samples: { tp: [(g) => `Passwort: ${g.mixed(ALNUM, 14)}`, (g) => `数据库密码=${g.mixed(ALNUM, 14)}`], fp: ['Das Passwort: bitte beim Admin anfragen', 'Geben Sie Ihr Kennwort ein.'] } },
];
