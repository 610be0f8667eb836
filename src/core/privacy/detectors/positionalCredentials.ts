// Passwords passed by position, with no name beside them: the second string argument of the credential
// constructors and login calls of the common stacks (C# NetworkCredential, Java PasswordAuthentication and
// DriverManager.getConnection, Python HTTPBasicAuth / `auth=(…)` / smtplib and ftplib `.login(user, pw)`,
// PowerShell ConvertTo-SecureString and PSCredential).

import { re, type SecretRule } from '../rule';
import { highEntropy, isPlaceholder } from '../text';
import { looksSecret } from './genericSecret';

const STR = String.raw`(?:'[^'\r\n]{0,200}'|"[^"\r\n]{0,200}")`;
const ALNUM_SYM = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%';
const SECRET = String.raw`(?:'([^'\r\n]{3,200})'|"([^"\r\n]{3,200})")`;
const notTemplate = (v: string): boolean => !isPlaceholder(v) && !/^\$\{?\w+\}?$/.test(v);
/** A token, not a user name or a word: 16+ characters of letters and digits mixed as random draws mix them (hex too). */
const randomToken = (v: string): boolean => v.length >= 16 && /^[\w.~+/=-]+$/.test(v) && /\d/.test(v) && /[A-Za-z]/.test(v)
  && !/^[A-Za-z]+(?:[-_.][A-Za-z0-9]+)*$/.test(v) && highEntropy(v, 3.2) && notTemplate(v);

export const POSITIONAL_CREDENTIAL_RULES: readonly SecretRule[] = [
  // Oracle's `user/password@connect`: after its command-line tools (`sqlplus svc/…@ORCL`), or before EZConnect's `@//host`
  // anywhere (a config line, a pasted log). The password is whatever sits between the slash and the `@`.
  { kind: 'positional-password', label: 'password in an Oracle user/password@ connect string', keywords: ['sqlplus', 'SQLPLUS', 'sqlcl', 'expdp', 'impdp', 'sqlldr', 'rman ', 'dgmgrl', 'CONNECT ', 'connect '],
    re: re(String.raw`\b(?:sqlplus|SQLPLUS|sqlcl|sql|expdp|impdp|sqlldr|rman|dgmgrl|CONNECT|connect)(?:[ \t]+-[A-Za-z]+)*[ \t]+["']?[A-Za-z_][\w$#.]{0,30}\/([^\s/@"']{3,128})@(?=[A-Za-z0-9_(/-])`),
    validate: (v) => notTemplate(v) && looksSecret(v, 'password'),
    samples: { tp: [(g) => `sqlplus svc_app/${g.mixed(ALNUM_SYM, 14)}@//ora.example.com:1521/ORCLPDB1`, (g) => `expdp system/${g.mixed(ALNUM_SYM, 12)}@PRODDB schemas=HR`, (g) => `CONNECT app_owner/${g.mixed(ALNUM_SYM, 12)}@PRODDB`],
      fp: ['sqlplus / as sysdba', 'sqlplus scott/<password>@//host:1521/ORCL', 'sqlplus user/password@orcl', 'connect to/from@host'] } },
  // (Its own rule: with no command before it, the `user/` start is tried only in a text that has an `@//`.)
  { kind: 'positional-password', label: 'password in an Oracle EZConnect string', keywords: ['@//'],
    re: re(String.raw`(?<![\w/:.@-])[A-Za-z_][\w$#.]{0,30}\/([^\s/@"']{3,128})@\/\/[A-Za-z0-9]`),
    validate: (v) => notTemplate(v) && looksSecret(v, 'password'),
    samples: { tp: [(g) => `url: app/${g.mixed(ALNUM_SYM, 14)}@//db.example.com/svc`], fp: ['see src/app@//comment', 'npm i @types/node'] } },
  { kind: 'positional-password', label: 'password passed as a call argument',
    keywords: ['NetworkCredential', 'PasswordAuthentication', 'UsernamePasswordCredentials', 'HTTPBasicAuth', 'HTTPDigestAuth', 'BasicAuth', 'auth=', 'auth =', '.login(', 'PSCredential'],
    re: re(String.raw`(?:\b(?:NetworkCredential|PasswordAuthentication|UsernamePasswordCredentials|HTTPBasicAuth|HTTPDigestAuth|BasicAuth|PSCredential)[ \t]*\([ \t]*|\bauth[ \t]*=[ \t]*[(\[][ \t]*|\.login[ \t]*\([ \t]*)${STR}[ \t]*,[ \t]*(?:new[ \t]+String[ \t]*\([ \t]*)?${SECRET}`),
    validate: notTemplate,
    samples: { tp: [(g) => `var cred = new NetworkCredential("svc", "${g.mixed('ABCDEFabcdef0123456789!', 16)}");`], fp: ['var cred = new NetworkCredential(user, password);'] } },
  { kind: 'positional-password', label: 'password passed to getConnection', keywords: ['getConnection'],
    re: re(String.raw`\bgetConnection[ \t]*\([^,()\r\n]{1,300},[ \t]*${STR}[ \t]*,[ \t]*${SECRET}`), validate: notTemplate,
    samples: { tp: [(g) => `DriverManager.getConnection(url, "app", "${g.mixed('ABCDEFabcdef0123456789', 16)}");`], fp: ['DriverManager.getConnection(url, user, pass);'] } },
  { kind: 'positional-password', label: 'password given to ConvertTo-SecureString', keywords: ['ConvertTo-SecureString', 'convertto-securestring'],
    re: re(String.raw`\bConvertTo-SecureString[ \t]+(?:-String[ \t]+)?${SECRET}`), validate: notTemplate,
    samples: { tp: [(g) => `$pw = ConvertTo-SecureString "${g.mixed('ABCDEFabcdef0123456789', 16)}" -AsPlainText -Force`], fp: ['$pw = ConvertTo-SecureString $env:PW -AsPlainText -Force'] } },
  // A value one level below its name: `terraform output -json` (`"db_password": {"sensitive": true, "value": "…"}`),
  // a settings object whose credential entry holds a `value`.
  { kind: 'password-assignment', label: 'secret value under a credential key', keywords: ['"value"'],
    re: re(String.raw`"[\w.-]{0,40}?(?:password|passwd|secret|token|api_?key|apikey|private_?key|credentials?)[\w.-]{0,20}"[ \t]*:[ \t]*\{[^{}]{0,300}?"value"[ \t]*:[ \t]*"([^"\\\r\n]{6,300})"`, 'i'),
    validate: (v) => looksSecret(v, 'password'),
    samples: { tp: [(g) => `{"db_password": {"sensitive": true, "type": "string", "value": "${g.mixed(ALNUM_SYM, 18)}"}}`],
      fp: ['{"db_password": {"sensitive": true, "value": "${var.db_password}"}}', '{"token": {"type": "string", "value": "Bearer"}}'] } },
  // A bot or API client logging in with the token alone (`client.login("…")`, discord.js, `gh.authenticate("…")`): the
  // argument is the credential whatever its shape — 40 hex here is a token, not a commit.
  { kind: 'positional-password', label: 'token passed to a login call',
    keywords: ['login(', 'authenticate(', 'signIn(', 'loginWithToken(', 'authorize('],
    re: re(String.raw`\.(?:login|authenticate|signIn|loginWithToken|authorize)[ \t]*\([ \t]*${SECRET}[ \t]*\)`), validate: randomToken,
    samples: { tp: [(g) => `client.login("${g.mixed('0123456789abcdef', 40)}");`, (g) => `await bot.login('${g.mixed('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 59)}')`],
      fp: ['client.login(process.env.TOKEN);', 'client.login("guest-account-user")', "auth.authenticate('basic')", "router.authorize('admin_dashboard_view')"] } },
];
