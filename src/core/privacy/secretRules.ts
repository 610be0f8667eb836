// Secret rules ported from gitleaks' config/gitleaks.toml (and detect-secrets where gitleaks has none), rewritten
// for JavaScript's backtracking engine: every rule starts at a literal or a short bounded class, no nested
// quantifiers, and runs only when one of its keywords occurs in the text (gitleaks' pre-filter). The regex's first
// capture group (when present) is the secret span that gets redacted; otherwise the whole match.
//
// To add a rule: append an entry here, add a generator for it in test/fixtures/privacy/corpus.ts, and run
// `npx mocha 'test/unit/routing/**/*.test.ts'` (the corpus test checks recall and the near-miss set).

import { TOKEN_FORMATS, formatKeyword, segmentSource } from './tokenFormats';
import { COMMAND_LINE_RULES } from './commandLineRules';
import { PASSWORD_STORE_RULES } from './passwordStoreRules';
import { POSITIONAL_CREDENTIAL_RULES } from './positionalCredentials';

export interface SecretRule {
  kind: string;
  label: string;
  /**
   * gitleaks' keyword pre-filter: the rule runs only if one of these occurs in the text. Case-sensitive literals,
   * spelled as they appear in real tokens (a substring search for a distinctive literal costs far less than
   * lower-casing the text). Empty = always run (only for rules whose regex starts with a cheap literal test).
   */
  keywords: string[];
  /** Must carry the `g` and `d` flags. */
  re: RegExp;
  /** Minimum Shannon entropy of the secret span (gitleaks: `entropy`). */
  entropy?: number;
  /** Secret values to ignore (documentation placeholders). */
  allow?: RegExp;
  /** The match must not follow a letter, digit or underscore (a `\b` the regex does not spend time on). */
  leftBoundary?: boolean;
  /** Extra check on the secret span. */
  validate?: (secret: string) => boolean;
}

// Terminator used by gitleaks' "unique token" rules: a quote, whitespace, `;`, an escaped newline, or the end.
// An escaped quote ends a value too (`\"sk_live_…\"` inside a JSON string).
const END = String.raw`(?=[\x60'"\s;,)\]}<>]|\\[nrt'"\x60\\]|$)`;
const PLACEHOLDER = /EXAMPLE|X{6,}|x{6,}|0{8,}|\*{4,}/;

function r(source: string, flags = ''): RegExp {
  return new RegExp(source, `gd${flags}`);
}

export const SECRET_RULES: readonly SecretRule[] = [
  { kind: 'aws-access-key-id', label: 'AWS access key', keywords: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'],
    re: r(String.raw`\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b`), entropy: 3, allow: PLACEHOLDER },
  { kind: 'aws-secret-access-key', label: 'AWS secret access key', keywords: [],
    re: r(String.raw`(?:aws|secret)[\w.-]{0,24}?(?:secret|key)[\w.-]{0,20}['"]?[ \t]{0,3}(?:=>|:=|=|:|,|>)[ \t]{0,5}['"\x60]?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`, 'i'),
    entropy: 3.5, allow: PLACEHOLDER },
  { kind: 'aws-bedrock-api-key', label: 'Amazon Bedrock API key', keywords: ['ABSK'],
    re: r(String.raw`\b(ABSK[A-Za-z0-9+/]{109,269}={0,2})` + END), entropy: 3 },
  { kind: 'github-pat', label: 'GitHub personal access token', keywords: ['ghp_'],
    re: r(String.raw`\b(ghp_[0-9a-zA-Z]{36})\b`), entropy: 3, allow: PLACEHOLDER },
  { kind: 'github-fine-grained-pat', label: 'GitHub fine-grained token', keywords: ['github_pat_'],
    re: r(String.raw`\b(github_pat_\w{82})\b`), entropy: 3, allow: PLACEHOLDER },
  { kind: 'github-oauth', label: 'GitHub OAuth token', keywords: ['gho_'],
    re: r(String.raw`\b(gho_[0-9a-zA-Z]{36})\b`), entropy: 3, allow: PLACEHOLDER },
  { kind: 'github-app-token', label: 'GitHub app token', keywords: ['ghu_', 'ghs_'],
    re: r(String.raw`\b((?:ghu|ghs)_[0-9a-zA-Z]{36})\b`), entropy: 3, allow: PLACEHOLDER },
  { kind: 'github-refresh-token', label: 'GitHub refresh token', keywords: ['ghr_'],
    re: r(String.raw`\b(ghr_[0-9a-zA-Z]{36})\b`), entropy: 3, allow: PLACEHOLDER },
  { kind: 'gitlab-pat', label: 'GitLab token', keywords: ['glpat-'],
    re: r(String.raw`\b(glpat-[\w-]{20,300}(?:\.[0-9a-z]{9})?)(?![\w-])`), entropy: 3, allow: PLACEHOLDER },
  { kind: 'gitlab-runner-token', label: 'GitLab runner token', keywords: ['glrt-'],
    re: r(String.raw`\b(glrt-[\w-]{20,})(?![\w-])`), entropy: 3, allow: PLACEHOLDER },
  { kind: 'slack-bot-token', label: 'Slack bot token', keywords: ['xoxb-'],
    re: r(String.raw`\b(xoxb-[0-9]{10,13}-[0-9]{10,13}[a-zA-Z0-9-]*)`), entropy: 3 },
  { kind: 'slack-user-token', label: 'Slack user token', keywords: ['xoxp-', 'xoxe-', 'xoxa-', 'xoxs-'],
    re: r(String.raw`\b(xox[pesa](?:-[0-9]{10,13}){3}-[a-zA-Z0-9-]{28,34})`), entropy: 2 },
  { kind: 'slack-app-token', label: 'Slack app token', keywords: ['xapp-', 'XAPP-'],
    re: r(String.raw`\b(xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+)`, 'i'), entropy: 2 },
  { kind: 'slack-webhook-url', label: 'Slack webhook URL', keywords: ['hooks.slack.com'],
    re: r(String.raw`((?:https?://)?hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{43,56})`) },
  { kind: 'stripe-secret-key', label: 'Stripe secret key', keywords: ['sk_test', 'sk_live', 'sk_prod', 'rk_test', 'rk_live', 'rk_prod'],
    re: r(String.raw`\b((?:sk|rk)_(?:test|live|prod)_[a-zA-Z0-9]{10,99})` + END), entropy: 2, allow: PLACEHOLDER },
  { kind: 'openai-api-key', label: 'OpenAI API key', keywords: ['T3BlbkFJ'],
    re: r(String.raw`\b(sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,160}T3BlbkFJ[A-Za-z0-9_-]{20,160})` + END), entropy: 3 },
  { kind: 'anthropic-api-key', label: 'Anthropic API key', keywords: ['sk-ant-api03'],
    re: r(String.raw`\b(sk-ant-api03-[a-zA-Z0-9_-]{93}AA)` + END) },
  { kind: 'anthropic-admin-key', label: 'Anthropic admin key', keywords: ['sk-ant-admin01'],
    re: r(String.raw`\b(sk-ant-admin01-[a-zA-Z0-9_-]{93}AA)` + END) },
  { kind: 'gcp-api-key', label: 'Google API key', keywords: ['AIza'],
    re: r(String.raw`\b(AIza[\w-]{35})` + END), entropy: 4, allow: PLACEHOLDER },
  { kind: 'gcp-service-account', label: 'Google service-account key file', keywords: ['service_account'],
    re: r(String.raw`("type"\s{0,5}:\s{0,5}"service_account")`) },
  { kind: 'azure-ad-client-secret', label: 'Azure AD client secret', keywords: ['Q~'],
    re: r(String.raw`(?:^|[\\'"\x60\s>=:(,)])([a-zA-Z0-9_~.]{3}\dQ~[a-zA-Z0-9_~.-]{31,34})(?=$|[\\'"\x60\s<),;])`), entropy: 3 },
  { kind: 'azure-storage-key', label: 'Azure storage account key', keywords: ['AccountKey='],
    re: r(String.raw`AccountKey=([a-zA-Z0-9+/]{86}==)`), entropy: 4 },
  { kind: 'twilio-api-key', label: 'Twilio API key', keywords: ['SK'],
    re: r(String.raw`\b(SK[0-9a-fA-F]{32})\b`), entropy: 3 },
  { kind: 'sendgrid-api-key', label: 'SendGrid API key', keywords: ['SG.'],
    re: r(String.raw`\b(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})` + END), entropy: 2 },
  { kind: 'npm-access-token', label: 'npm access token', keywords: ['npm_', 'NPM_'],
    re: r(String.raw`\b(npm_[a-zA-Z0-9]{36})` + END), entropy: 2, allow: PLACEHOLDER },
  { kind: 'pypi-upload-token', label: 'PyPI upload token', keywords: ['pypi-AgEIcHlwaS5vcmc'],
    re: r(String.raw`(pypi-AgEIcHlwaS5vcmc[\w-]{50,1000})`), entropy: 3 },
  { kind: 'huggingface-access-token', label: 'Hugging Face token', keywords: ['hf_'],
    re: r(String.raw`\b(hf_[a-zA-Z]{34})` + END), entropy: 2, allow: PLACEHOLDER },
  { kind: 'digitalocean-token', label: 'DigitalOcean token', keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    re: r(String.raw`\b(do[opr]_v1_[a-f0-9]{64})\b`), entropy: 3 },
  { kind: 'shopify-token', label: 'Shopify token', keywords: ['shpat_', 'shpss_', 'shpca_', 'shppa_'],
    re: r(String.raw`\b(shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32})\b`), entropy: 3 },
  { kind: 'databricks-token', label: 'Databricks token', keywords: ['dapi'],
    re: r(String.raw`\b(dapi[a-f0-9]{32}(?:-\d)?)\b`), entropy: 3 },
  { kind: 'linear-api-key', label: 'Linear API key', keywords: ['lin_api_'],
    re: r(String.raw`\b(lin_api_[a-zA-Z0-9]{40})\b`), entropy: 2 },
  { kind: 'doppler-token', label: 'Doppler token', keywords: ['dp.pt.'],
    re: r(String.raw`\b(dp\.pt\.[a-zA-Z0-9]{43})\b`), entropy: 2 },
  { kind: 'square-token', label: 'Square token', keywords: ['sq0atp-', 'sq0csp-', 'EAAA'],
    re: r(String.raw`\b(sq0atp-[0-9A-Za-z_-]{22}|sq0csp-[0-9A-Za-z_-]{43}|EAAA[\w-]{60})(?![\w-])`), entropy: 2 },
  { kind: 'mailchimp-api-key', label: 'Mailchimp API key', keywords: ['-us'],
    re: r(String.raw`\b([0-9a-f]{32}-us\d{1,2})\b`), entropy: 3 },
  { kind: 'telegram-bot-token', label: 'Telegram bot token', keywords: [':AA'],
    re: r(String.raw`\b(\d{8,10}:AA[0-9A-Za-z_-]{33})(?![\w-])`), entropy: 3 },
  { kind: 'hashicorp-vault-token', label: 'Vault token', keywords: ['hvs.', 'hvb.'],
    // Batch tokens run to 138+ characters; service tokens ~95.
    re: r(String.raw`\b(hv[sb]\.[\w-]{90,400})(?![\w-])`), entropy: 3 },
  { kind: 'terraform-cloud-token', label: 'Terraform Cloud token', keywords: ['atlasv1', 'ATLASV1'],
    re: r(String.raw`\b([a-z0-9]{14}\.atlasv1\.[a-z0-9_=-]{60,70})(?![\w=-])`, 'i'), entropy: 3.5 },
  { kind: 'pulumi-token', label: 'Pulumi token', keywords: ['pul-'],
    re: r(String.raw`\b(pul-[a-f0-9]{40})\b`), entropy: 2 },
  { kind: 'grafana-token', label: 'Grafana token', keywords: ['glc_', 'glsa_'],
    re: r(String.raw`\b(glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})(?![\w+/=])`), entropy: 3 },
  { kind: 'age-secret-key', label: 'age secret key', keywords: ['AGE-SECRET-KEY-1'],
    re: r(String.raw`(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})`) },
  { kind: 'jwt', label: 'JSON Web Token', keywords: ['eyJ'],
    re: r(String.raw`\b(ey[a-zA-Z0-9_-]{17,}\.ey[a-zA-Z0-9_-]{17,}\.[a-zA-Z0-9_-]{10,}={0,2})(?![\w=-])`), entropy: 3 },
  // A JWT pasted as its three parts on consecutive lines (each may be quoted or concatenated).
  { kind: 'jwt', label: 'JSON Web Token (split across lines)', keywords: ['eyJ'],
    re: r(String.raw`\b(ey[a-zA-Z0-9_-]{10,}={0,2}[ \t"'\x60,+.;]*\r?\n[ \t"'\x60,+.]*ey[a-zA-Z0-9_-]{10,}={0,2}[ \t"'\x60,+.;]*\r?\n[ \t"'\x60,+.]*[a-zA-Z0-9_-]{16,}={0,2})(?![\w=-])`) },
  // Discord bot token: base64 of the bot's numeric id, a timestamp, an HMAC. No prefix, so shape and entropy.
  { kind: 'discord-bot-token', label: 'Discord bot token', keywords: [],
    re: r(String.raw`([MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,40})(?![\w.-])`), entropy: 3.5, leftBoundary: true,
    validate: (v) => /\d/.test(v) && /[a-z]/.test(v) && /[A-Z]/.test(v.slice(1)) },
  ...COMMAND_LINE_RULES,
  ...PASSWORD_STORE_RULES,
  ...POSITIONAL_CREDENTIAL_RULES,
  { kind: 'authorization-header', label: 'Authorization header credential', keywords: [],
    re: r(String.raw`(?:authorization['"]?\s{0,3}[:=]\s{0,3}['"]?(?:bearer|basic|token)|\bbearer)[ \t]{1,3}([A-Za-z0-9._~+/-]{16,}={0,2})(?![\w.~+/=-])`, 'i'),
    entropy: 3, allow: PLACEHOLDER },
  // The whole PuTTY file from its header through the last base64 line, MAC line or not: a trim that cuts the
  // MAC off must not leave a body no rule recognises (the key-body rule below covers headerless fragments).
  { kind: 'putty-private-key', label: 'PuTTY private key', keywords: ['PuTTY-User-Key-File-', 'Private-Lines:', 'Private-MAC:'],
    re: r(String.raw`((?:PuTTY-User-Key-File-[23]:|Private-Lines:|Private-MAC:)[^\n]{0,200}(?:\r?\n(?:[A-Za-z0-9+/=]{1,128}|[A-Z][\w-]{2,30}: [^\n]{0,200}))*)`) },
  { kind: 'netrc-password', label: '.netrc password', keywords: ['password', 'passwd'],
    re: r(String.raw`\b(?:machine|login|default)\b[\s\S]{0,300}?\bpass(?:word|wd)[ \t]+([^\s\\]{1,200})`),
    // "login … password please" in prose is not a .netrc line: require a digit, a symbol or mixed case.
    validate: (v) => !/^[a-z]+$|^[A-Z]+$/.test(v) && !/^\[REDACTED/.test(v) },
  { kind: 'pgpass-password', label: '.pgpass password', keywords: [],
    re: r(String.raw`^[ \t]*[A-Za-z0-9_.*\[\]:-]{1,100}:(?:\d{2,5}|\*):[^\s:]{1,100}:[^\s:]{1,100}:([^\s]{4,200})[ \t]*$`, 'm') },
  { kind: 'aws-secret-access-key', label: 'AWS secret access key', keywords: ['AKIA', 'ASIA'],
    re: r(String.raw`\b(?:AKIA|ASIA)[A-Z2-7]{16}"?[ \t]*[,;\t:|][ \t]*"?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`), entropy: 3.5 },
  { kind: 'basic-auth-flag', label: 'password in a -u user:password flag', keywords: ['-u', '--user'],
    re: r(String.raw`(?:^|\s)(?:-u|--user)(?:[ \t]+|=)['"]?[^\s:'"]{1,100}:([^\s'"]{4,200})`) },
  { kind: 'json-web-key', label: 'JSON Web Key private member', keywords: ['kty'],
    re: r(String.raw`\\?["']?(?:d|p|q|dp|dq|qi|k)\\?["']?[ \t]*:[ \t]*\\?["']([A-Za-z0-9_-]{16,})`) },
  // A PEM or PuTTY body without its header (a trim cut it off): two or more lines that are nothing but 64
  // base64 characters.
  { kind: 'private-key-fragment', label: 'private key body', keywords: [],
    re: r(String.raw`(?:^|\n)([ \t]*[A-Za-z0-9+/]{60,76}={0,2}[ \t]*(?:\\n|\r?\n)(?:[ \t]*[A-Za-z0-9+/]{60,76}={0,2}[ \t]*(?:\\n|\r?\n|$))+)`), entropy: 4.5,
    // Wrapped base64 of readable text (`base64` output, a MIME part) is not key material: keys decode to binary.
    validate: (v) => !decodesToText(v) },
  ...TOKEN_FORMATS.map((fmt): SecretRule => ({
    kind: fmt.kind, label: fmt.label, keywords: [formatKeyword(fmt)],
    // Literal first, so the engine can skip ahead to the prefix; the left boundary is checked in code.
    re: r('(' + fmt.segments.map(segmentSource).join('') + String.raw`)(?![A-Za-z0-9_+/=-])`),
    allow: PLACEHOLDER, leftBoundary: true,
  })),
];

function decodesToText(lines: string): boolean {
  const bytes = Buffer.from(lines.replace(/\\n|\s/g, ''), 'base64');
  let printable = 0;
  for (const b of bytes) if ((b >= 32 && b < 127) || b === 9 || b === 10 || b === 13) printable++;
  return bytes.length > 0 && printable / bytes.length > 0.95;
}

/** PEM private keys are matched by a scanner (header, then a bounded look for the footer), not one regex. */
export const PRIVATE_KEY_HEADER = /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/g;
export const PRIVATE_KEY_FOOTER = /-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/g;

/** Connection strings whose password is written inline: scheme://user:password@host, any scheme, empty user too. */
export const DB_SCHEME = /^(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|jdbc:[a-z]+|clickhouse|cockroachdb|couchdb|neo4j(?:\+s)?|oracle|db2|cassandra|elasticsearch|influxdb|memcached)/i;
export const ANY_URL_PASSWORD = /\b((?:jdbc:)?[a-z][a-z0-9+.-]{1,30}:\/\/)([^\s:/@'"`]{0,100}):([^\s@'"`/]{1,200})@/gdi;
