// Passwords given on a command line in the shapes the generic name rule cannot read: a short flag glued to its
// value (`mysql -pS3cret`, `mysqldump -p'S3cret'`), and the tools whose `-p` takes the next word as the password
// (`docker login -p …`, `sshpass -p …`). For the MySQL family a `-p` followed by a space prompts and the next
// word is the database name, so only the glued form is a secret there.

import type { SecretRule } from './secretRules';

const re = (source: string): RegExp => new RegExp(source, 'gd');
// A command's arguments up to the flag: same line (or `\`-continued), not past a pipe or `;`.
const ARGS = String.raw`(?:[^\n|;&]|\\\r?\n){0,300}?`;
const VALUE = String.raw`(?:'([^'\r\n]{3,200})'|"([^"\r\n]{3,200})"|([^\s'"\x60;|&]{3,200}))`;

export const COMMAND_LINE_RULES: readonly SecretRule[] = [
  { kind: 'cli-password-flag', label: 'password glued to a -p flag', keywords: ['mysql', 'mariadb', 'MYSQL'],
    re: re(String.raw`\b(?:mysql\w*|mariadb\w*)\b${ARGS}[ \t]-p${VALUE}`),
    validate: (v) => !/^[A-Za-z_]\w*$/.test(v) || /\d/.test(v) },
  { kind: 'cli-password-flag', label: 'password after a -p flag', keywords: ['login', 'sshpass'],
    re: re(String.raw`\b(?:(?:docker|podman|nerdctl|buildah|skopeo|helm[ \t]+registry|oras)[ \t]+login|sshpass)\b${ARGS}[ \t]-p[ \t]*=?[ \t]*${VALUE}`),
    validate: (v) => !/^\$\{?\w+\}?$/.test(v) },
];
