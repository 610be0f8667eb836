// The scanner reads every spelling of a value, one mechanism at a time (the red team checks them end to end): each
// class is found in several spellings, what the redaction covers is the value, and the near-misses stay quiet.

import * as assert from 'node:assert/strict';
import { isCredentialName } from '../../../src/core/privacy/credentialNames';
import { redact, scanSensitive } from '../../../src/core/privacy/scan';
import { isPublicTestCard } from '../../../src/core/privacy/detectors/publicTestCards';
import { luhnValid } from '../../../src/core/privacy/detectors/cards';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { RedRng, ALNUM, URLSAFE, LOWER, luhnComplete } from '../../fixtures/privacy/redteam/rng';

const markers = DEFAULT_SETTINGS['privacy.markers'];
const rng = new RedRng(0x12);
const pw = (): string => rng.password(18);
/** The text after redaction; the planted value must be gone from it. */
function cleaned(text: string): string { return redact(text, scanSensitive(text, { markers })); }
function assertHidden(text: string, value: string): void {
  const out = cleaned(text);
  assert.ok(!out.includes(value.slice(-10)), `still visible in ${JSON.stringify(out)}`);
}
function assertQuiet(text: string): void {
  assert.deepEqual(scanSensitive(text, { markers }).map((f) => f.kind), [], text);
}

suite('privacy: spellings the scanner reads', () => {
  test('run-together credential names are split against the credential words', () => {
    for (const n of ['ENCRYPTIONKEY', 'masterkey', 'DBPASSWORD', 'apisecret', 'SIGNINGKEY', 'adminpwd', 'STORAGEACCOUNTKEY', 'githubtoken']) {
      assert.ok(isCredentialName(n), n);
    }
    for (const n of ['monkey', 'HOTKEY', 'turkey', 'secretsmanager', 'TOKENIZER', 'KEY_LENGTH', 'compat', 'PATH']) {
      assert.ok(!isCredentialName(n), n);
    }
  });

  test('values under compound and short names (PAT) are redacted in several syntaxes', () => {
    for (const make of [(v: string) => `ENCRYPTIONKEY=${v}`, (v: string) => `AZURE_DEVOPS_EXT_PAT=${v}`, (v: string) => `pat: ${v}`,
      (v: string) => `<masterkey>${v}</masterkey>`, (v: string) => `const ADMINPWD = "${v}"`]) {
      const v = pw();
      assertHidden(make(v), v);
    }
    assertQuiet('KEY_LENGTH=32\nconst pat = /^[a-z0-9]+(?:-[a-z0-9]+)*$/i;\nTOKENIZER_PATH=models/tokenizer.json');
  });

  test('Discord bot tokens and unnamed Azure DevOps PATs by shape', () => {
    const d = `MT${rng.mixed(URLSAFE, 22)}.${rng.mixed(URLSAFE, 6)}.${rng.mixed(URLSAFE, 38)}`;
    assertHidden(`client.login('${d}')`, d);
    assertHidden(`bot.run("${d}")`, d);
    let ado = '';
    do ado = rng.str(LOWER + '234567', 52); while ((ado.match(/[2-7]/g)?.length ?? 0) < 4);
    assertHidden(`echo ${ado} | az devops login`, ado);
    assertQuiet('using Microsoft.Extensions.Configuration.EnvironmentVariables;');
  });

  test('password stores: {SCHEME} values and crypt hashes', () => {
    const v = pw();
    assertHidden(`admin:{PLAIN}${v}`, v);
    assertHidden(`alice:{cleartext}${v}:1000:1000::/home/alice`, v);
    const bcrypt = `$2y$10$${rng.mixed(ALNUM + './', 53)}`;
    assertHidden(`admin:${bcrypt}`, bcrypt);
    assertQuiet('Dovecot accepts the {PLAIN} scheme only for testing.');
    assertQuiet("jq --arg v \"$1\" '.version = $v' package.json");
  });

  test('command-line passwords: glued -p for MySQL, -p/-a/-P for tools that take the next word', () => {
    for (const make of [(v: string) => `mysqldump -u root -p'${v}' shop`, (v: string) => `mysql -uroot -p"${v}" shop`, (v: string) => `mysqladmin -u root -p${v} status`,
      (v: string) => `docker login -u ci -p ${v} ghcr.io`, (v: string) => `sshpass -p '${v}' ssh host`, (v: string) => `redis-cli -h cache -a ${v} ping`,
      (v: string) => `sqlcmd -S db -U sa -P ${v}`, (v: string) => `CREATE USER app IDENTIFIED BY '${v}';`, (v: string) => `zip -r -P ${v} b.zip d/`,
      (v: string) => `7z a -p${v} s.7z v/`, (v: string) => `openssl pkcs12 -export -passout pass:${v} -out b.p12`, (v: string) => `htpasswd -cbB .htpasswd admin ${v}`,
      (v: string) => `net user svc ${v} /add`]) {
      const v = pw();
      assertHidden(make(v), v);
    }
    assertQuiet('mysql -u root -p shop < schema.sql');
    assertQuiet('docker run -p 8080:80 acme/web:1.4.2 && mkdir -p build && ssh -p 2222 deploy@host.invalid');
    assertQuiet('gcc $(mysql_config --cflags) -pthread -o app app.c');
    assertQuiet('zip -r out.zip src && 7z a -mx=9 out.7z dist\nnet user admin * /add');
  });

  test('values split by ${…}, #{…}, {\'\'} and quote switches are joined, and the redaction covers every fragment', () => {
    const key = `sk-ant-api03-${rng.mixed(URLSAFE, 93)}AA`;
    for (const [text, tail] of [
      [`const k = \`${key.slice(0, 20)}\${''}${key.slice(20)}\`;`, key.slice(-10)],
      [`api_key = "${key.slice(0, 25)}#{''}${key.slice(25)}"`, key.slice(-10)],
      [`k = f"${key.slice(0, 30)}{''}${key.slice(30)}"`, key.slice(-10)],
      [`export K="${key.slice(0, 40)}"'${key.slice(40)}'`, key.slice(-10)],
    ] as const) {
      const out = cleaned(text);
      assert.ok(!out.includes(tail) && !out.includes(key.slice(14, 20)), `${text} → ${out}`);
    }
    assertQuiet('const url = `https://${host}/api/v${version}/items/${id}`;');
  });

  test('obfuscated e-mail addresses; prose and documentation domains stay', () => {
    for (const t of ['reach me: jane.doe [at] initech [dot] com', 'jane(at)acme(dot)de', 'write to jane.doe AT initech DOT com', 'jane77[@]hooli[.]com',
      'mail jane.doe at umbrella dot co dot uk']) {
      assert.deepEqual(scanSensitive(t).map((f) => f.kind), ['email'], t);
    }
    assertQuiet('Look at the dot product of the two vectors.');
    assertQuiet('Write to jane [at] example [dot] com for the template.');
    assertQuiet("const c = text[at]; if (text[at] === '@') at++;");
  });

  test('identity-document numbers by their label', () => {
    for (const t of ['passport_no: K82586514', '{"passportNumber": "123456789"}', 'Driving licence: MORGA753116SM9IJ', '<passportNo>12AB34567</passportNo>',
      'my passport number is 987654321', 'national_id = \'12345678901\'']) {
      assert.deepEqual(scanSensitive(t).map((f) => f.kind), ['identity-document'], t);
    }
    assertQuiet("passport.use(new LocalStrategy(verify));\napp.post('/login', passport.authenticate('local'));");
    assertQuiet('passportNumber: { type: String, maxlength: 9 }\n"license": "Apache-2.0"');
  });

  test('markers: & / + for "and", and nested comment closers', () => {
    for (const t of ['/* <!-- confidential --> */', '/* # Proprietary & Confidential */', '-- Proprietary + Confidential', '{/* confidential */}',
      '""" Proprietary and Confidential """']) {
      assert.ok(scanSensitive(t, { markers }).some((f) => f.kind === 'marker'), t);
    }
    assertQuiet('# The classifier labels docs as public, internal or confidential.');
  });

  test('passwords by position, in other languages, typed with spaces, after YAML anchors / table pipes / ENV', () => {
    for (const make of [(v: string) => `var c = new NetworkCredential("svc", "${v}");`, (v: string) => `requests.get(u, auth=("admin", "${v}"))`,
      (v: string) => `DriverManager.getConnection(url, "app", "${v}");`, (v: string) => `$p = ConvertTo-SecureString "${v}" -AsPlainText -Force`,
      (v: string) => `Passwort: ${v}`, (v: string) => `数据库密码：${v}`, (v: string) => `пароль = "${v}"`, (v: string) => `password: &pw ${v}`,
      (v: string) => `| DB_PASSWORD | ${v} |`, (v: string) => `ENV DB_PASSWORD ${v}`]) {
      const v = pw();
      assertHidden(make(v), v);
    }
    const t = `ghp_${rng.mixed(ALNUM, 36)}`;
    assertHidden(`the token is ${[...t].join(' ')} ok`, t.slice(-10).split('').join(' '));
    assertQuiet('server.login(user, password)\nr = requests.get(url, auth=(username, password))');
    assertQuiet('// Das Passwort ist falsch.\npassword: {{ .Values.db.password | quote }}\nENV NODE_ENV production');
    assertQuiet('const letters = "a b c d e f g h i j k l m n o p q r s t u v w x y z".split(" ");');
  });

  test('cards in other scripts\' digits are cards', () => {
    const c = luhnComplete('4' + rng.digits(14));
    const arabic = c.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    assert.deepEqual(scanSensitive(`رقم البطاقة: ${arabic}`).map((f) => f.kind), ['credit-card']);
  });

  test('published test card numbers are not personal data; any other card is, whatever its prefix', () => {
    for (const t of ['4242 4242 4242 4242', '4111-1111-1111-1111', '5555555555554444', '3782 822463 10005']) assertQuiet(`card: ${t}`);
    for (const prefix of ['424242424242', '411111111111', '555555555555']) {
      const c = luhnComplete(prefix + rng.digits(3));
      if (isPublicTestCard(c)) continue;
      assert.ok(luhnValid(c));
      assert.deepEqual(scanSensitive(`card: ${c}`).map((f) => f.kind), ['credit-card'], c);
    }
  });
});
