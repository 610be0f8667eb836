// Passwords given on a command line in the shapes the generic name rule cannot read: a short flag glued to its
// value (`mysql -pS3cret`, `mysqldump -p'S3cret'`), and the tools whose `-p` takes the next word as the password
// (`docker login -p …`, `sshpass -p …`). For the MySQL family a `-p` followed by a space prompts and the next
// word is the database name, so only the glued form is a secret there. Also redis-cli -a, mongo -p, sqlcmd -P,
// SQL `IDENTIFIED BY '…'` / `PASSWORD '…'`, and Azure DevOps tokens piped into `az devops login`.

import { ALNUM, LOWER } from '../detector';
import { re, type SecretRule } from '../rule';
import { isPlaceholder } from '../text';

const pw = (g: { mixed(c: string, n: number): string }): string => g.mixed(ALNUM, 16);
// A command's arguments up to the flag: same line (or `\`-continued), not past a pipe or `;`.
const ARGS = String.raw`(?:[^\n|;&]|\\\r?\n){0,300}?`;
const VALUE = String.raw`(?:'([^'\r\n]{3,200})'|"([^"\r\n]{3,200})"|([^\s'"\x60;|&]{3,200}))`;

export const COMMAND_LINE_RULES: readonly SecretRule[] = [
  { kind: 'cli-password-flag', label: 'password glued to a -p flag', keywords: ['mysql', 'mariadb', 'MYSQL'],
    re: re(String.raw`\b(?:mysql\w*|mariadb\w*)\b${ARGS}[ \t]-p${VALUE}`),
    validate: (v) => !/^[A-Za-z_]\w*$/.test(v) || /\d/.test(v),
    samples: { tp: [(g) => `mysqldump -u root -p${pw(g)} shop > dump.sql`], fp: ['mysql -u root -p shop < schema.sql'] } },
  { kind: 'cli-password-flag', label: 'password after a -p flag', keywords: ['login', 'sshpass'],
    re: re(String.raw`\b(?:(?:docker|podman|nerdctl|buildah|skopeo|helm[ \t]+registry|oras)[ \t]+login|sshpass)\b${ARGS}[ \t]-p[ \t]*=?[ \t]*${VALUE}`),
    validate: (v) => !/^\$\{?\w+\}?$/.test(v),
    samples: { tp: [(g) => `docker login registry.acme.io -u ci -p ${pw(g)}`], fp: ['echo "$CR_PAT" | docker login ghcr.io -u ci --password-stdin'] } },
  { kind: 'cli-password-flag', label: 'password after a -p flag', keywords: ['mongo'],
    re: re(String.raw`\b(?:mongosh?|mongo(?:dump|restore|export|import|stat|top|files))\b${ARGS}[ \t]-p[ \t]+${VALUE}`),
    validate: (v) => !/^\$\{?\w+\}?$/.test(v),
    samples: { tp: [(g) => `mongosh --host db -u admin -p ${pw(g)}`], fp: ['mongosh --host db -u admin -p $MONGO_PW'] } },
  { kind: 'cli-password-flag', label: 'password after a -P flag', keywords: ['sqlcmd', 'bcp', 'osql'],
    re: re(String.raw`\b(?:sqlcmd|bcp|osql)\b${ARGS}[ \t]-P[ \t]*${VALUE}`),
    validate: (v) => !/^\$\{?\w+\}?$/.test(v),
    samples: { tp: [(g) => `sqlcmd -S db -U sa -P ${pw(g)}`], fp: ['sqlcmd -S db -U sa -P $SA_PASSWORD'] } },
  { kind: 'cli-password-flag', label: 'password after redis-cli -a', keywords: ['redis-cli', 'keydb-cli'],
    re: re(String.raw`\b(?:redis|keydb)-cli\b${ARGS}[ \t]-a[ \t]+${VALUE}`),
    validate: (v) => !/^\$\{?\w+\}?$/.test(v),
    samples: { tp: [(g) => `redis-cli -h cache -a ${pw(g)} PING`], fp: ['redis-cli -h cache -p 6379 INFO memory'] } },
  // Archive and key tools: `zip -P pw`, `7z -ppw` (glued), `ssh-keygen -N pw`, `openssl … -k pw`, openssl's
  // `pass:pw` argument form, `htpasswd -b file user pw`, Windows `net user name pw`.
  { kind: 'cli-password-flag', label: 'password given to an archive or key tool', keywords: ['zip', '7z', '7za', 'rar', 'ssh-keygen', 'openssl'],
    re: re(String.raw`\b(?:(?:zip|unzip|zipcloak)\b${ARGS}[ \t]-P[ \t]+|(?:7za?|7zr|rar|unrar)\b${ARGS}[ \t]-p|ssh-keygen\b${ARGS}[ \t]-N[ \t]+|openssl\b${ARGS}[ \t]-k[ \t]+)${VALUE}`),
    validate: (v) => !/^\$\{?\w+\}?$/.test(v),
    samples: { tp: [(g) => `zip -r -P ${pw(g)} backup.zip data/`], fp: ['zip -r backup.zip data/'] } },
  { kind: 'cli-password-flag', label: 'password in an openssl pass: argument', keywords: ['pass:'],
    re: re(String.raw`(?<![\w-])pass:${VALUE}`), validate: (v) => !/^\$\{?\w+\}?$/.test(v),
    samples: { tp: [(g) => `openssl pkcs12 -export -passout pass:${pw(g)} -out cert.p12`], fp: ['openssl pkcs12 -export -passout pass:$P12_PASS -out cert.p12'] } },
  { kind: 'cli-password-flag', label: 'password given to htpasswd -b', keywords: ['htpasswd'],
    re: re(String.raw`\bhtpasswd[ \t]+(?:-[a-zA-Z]+[ \t]+)*?-[a-zA-Z]*b[a-zA-Z]*[ \t]+(?:-[a-zA-Z]+[ \t]+)*[^\s-][^\s]*[ \t]+[^\s]+[ \t]+${VALUE}`),
    validate: (v) => !/^\$\{?\w+\}?$/.test(v),
    samples: { tp: [(g) => `htpasswd -b -c /etc/nginx/.htpasswd admin ${pw(g)}`], fp: ['htpasswd -c /etc/nginx/.htpasswd admin'] } },
  { kind: 'cli-password-flag', label: 'password given to net user', keywords: ['net user', 'NET USER', 'net  user'],
    re: re(String.raw`\bnet[ \t]+user[ \t]+[^\s/]+[ \t]+(?:'([^'\r\n]{3,200})'|"([^"\r\n]{3,200})"|([^\s'"\x60;|&/*][^\s'"\x60;|&]{2,200}))`, 'i'),
    // "net user growth exceeded …" is prose: a password here has a capital, a digit or a symbol.
    validate: (v) => !/^\$\{?\w+\}?$|^%\w+%$/.test(v) && !/^[a-z]+$/.test(v),
    samples: { tp: [(g) => `net user svc_backup ${pw(g)} /add`], fp: ['net user growth exceeded the forecast'] } },
  // SQL: CREATE USER … IDENTIFIED BY 'pw', ALTER ROLE … WITH [ENCRYPTED] PASSWORD 'pw', SET PASSWORD = 'pw'.
  { kind: 'sql-password', label: 'password in a SQL statement', keywords: ['IDENTIFIED', 'identified', 'PASSWORD', 'password', 'Password'],
    // Only whitespace between the keyword and the literal: `password = '…'` is an assignment, the generic rule's.
    re: re(String.raw`\b(?:identified[ \t]+(?:with[ \t]+\w+[ \t]+)?by|password)[ \t]+(?:'([^'\r\n]{3,200})'|"([^"\r\n]{3,200})")`, 'i'),
    validate: (v) => !/^\$\{?\w+\}?$|^:\w+$|^\?$/.test(v) && !/^\s*$/.test(v) && !isPlaceholder(v),
    samples: { tp: [(g) => `CREATE USER app IDENTIFIED BY '${pw(g)}';`], fp: ['SELECT id FROM users WHERE password_hash = crypt($1, password_hash);'] } },
  // Azure DevOps PATs before the 2024 format: 52 lower-case base32 characters, often with no name beside them
  // (`echo … | az devops login`, `BasicAuthentication('', …)`). Base32 of random bytes carries several of the
  // digits 2–7. Without a name the shape alone is too costly to test on every text, so it runs where Azure DevOps
  // is mentioned; a named one (`…_PAT=`, `pat:`) is the generic rule's.
  { kind: 'azure-devops-pat', label: 'Azure DevOps token', keywords: ['azure', 'Azure', 'AZURE', 'devops', 'DevOps', 'DEVOPS', 'ADO', 'azdo', 'AZDO', 'vsts', 'VSTS', 'visualstudio.com', 'BasicAuthentication', 'az '],
    // `\b` first: a try starts only at a word's start, so long lower-case words cost one pass, not one per letter.
    re: re(String.raw`\b([a-z2-7]{52})(?![a-z0-9])`), leftBoundary: true,
    validate: (v) => (v.match(/[2-7]/g)?.length ?? 0) >= 4 && /[a-z]{2}/.test(v),
    samples: { tp: [(g) => `echo ${g.str('234567', 6)}${g.str(LOWER + '234567', 46)} | az devops login --organization https://dev.azure.com/acme`],
      fp: ['az devops project list --organization https://dev.azure.com/acme'] } },
  { kind: 'basic-auth-flag', label: 'password in a -u user:password flag', keywords: ['-u', '--user'],
    re: re(String.raw`(?:^|\s)(?:-u|--user)(?:[ \t]+|=)['"]?[^\s:'"]{1,100}:([^\s'"]{4,200})`),
    samples: { tp: [(g) => `curl -u deploy:${pw(g)} https://ci.acme.io/api`], fp: ['curl -u deploy https://ci.acme.io/api'] } },
];
