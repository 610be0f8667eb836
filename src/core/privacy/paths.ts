// Private paths: content from these files never goes to the cloud. Three sources, in gitignore syntax through the
// `ignore` package: a default deny-list (secrets people keep in files), the user's `hybrid.privacy.privateGlobs`,
// and the workspace `.aiignore`. The user's globs may re-include a default with `!pattern`; the workspace cannot.

import ignore, { type Ignore } from 'ignore';

export interface PathVerdict {
  private: boolean;
  /** The pattern that made it private, e.g. ".env*" or "secrets/". */
  rule?: string;
  /** Where that pattern lives, so a reason can say where to change it. */
  source?: 'built-in' | 'settings' | 'aiignore';
}

export interface PathPolicy {
  isPrivate(path: string): PathVerdict;
  /** Some rule names a file or folder with a space in it (`client data/`): a path in prose may then span words. */
  readonly spacedNames?: boolean;
  /** False when neither Private Globs nor `.aiignore` adds a rule to the built-in list (no typed path can be the user's). */
  readonly userRules?: boolean;
}

/** After Continue's DEFAULT_SECURITY_IGNORE_FILETYPES and the issue's list (security-facts §2.3). */
export const DEFAULT_PRIVATE_GLOBS: readonly string[] = [
  '.env', '.env.*', '*.env', '!.env.example', '!.env.sample', '!.env.template', '!.env.dist',
  '*.pem', '*.key', '*.p12', '*.pfx', '*.jks', '*.keystore', '*.truststore', '*.ppk', '*.gpg', '*.asc',
  'id_rsa*', 'id_dsa*', 'id_ecdsa*', 'id_ed25519*', '!*.pub',
  'credentials', 'credentials.*', 'secrets.*', '*.secret', '*.secrets', 'auth.json', '*.token',
  '.npmrc', '.pypirc', '.netrc', '.git-credentials', '.htpasswd', 'kubeconfig', '*.kubeconfig',
  '*.tfstate', '*.tfstate.*', '*.tfvars', '*.tfvars.json', '*.auto.tfvars', 'terraform.rc', '.terraformrc',
  '.envrc', '.env.local', '.env.*.local', '.flaskenv', '.pgpass', '_netrc', '_pgpass', '.my.cnf', '.mylogin.cnf',
  '.secrets.toml', '.secrets.yaml', '.secrets.yml', '.secrets.json', 'secrets.toml', 'secrets.yaml', 'secrets.yml',
  'secrets.json', '*.secrets.toml', '*.secrets.yaml', '*.secrets.yml', '*.secrets.json', 'secret.yaml', 'secret.yml',
  '.vault-token', '.vault_pass', '.vault_pass.txt', 'vault.yml', '*.vault', '.boto', '.s3cfg', '.passwd-s3fs',
  '.dockercfg', '.pypirc', '.gem/credentials', '.composer/auth.json', '.cargo/credentials', '.cargo/credentials.toml',
  '.config/gh/hosts.yml', '.config/hub', '.git-credentials', '.gitcookies', '.htpasswd', '.pgpass.conf',
  'service-account*.json', '*-service-account.json', 'client_secret*.json', 'google-services.json',
  'GoogleService-Info.plist', '*.mobileprovision', '*.p8', '*.der', '*.cer.key', '*.ovpn', 'wp-config.php',
  'local.settings.json', 'appsettings.*.local.json', 'user-secrets/', 'secrets.xml', '*.kdbx', '*.agekey',
  'id_*', '!id_*.pub', '*.sops.*', '.aws/', '.ssh/', '.gnupg/', '.kube/', '.docker/config.json', '.azure/', '.gcp/',
  '.config/gcloud/', 'secrets/', '.secrets/', 'private/', '.password-store/',
];

const BUILT_IN: ReadonlySet<string> = new Set(DEFAULT_PRIVATE_GLOBS);

/**
 * The rule behind a private path and how to change it, for the route's reasons: a user who wants the file sent
 * must know which line in which file (or setting) keeps it back. The setting is named as the Settings UI shows it.
 */
export function pathRuleText(v: PathVerdict): string | undefined {
  if (!v.private || !v.rule || v.rule === '(unreadable path)') return undefined;
  switch (v.source) {
    case 'aiignore': return `rule "${v.rule}" in .aiignore; remove it there to let the file go to the cloud`;
    case 'settings': return `rule "${v.rule}" in your Private Globs setting; remove it there to let the file go to the cloud`;
    default: return `built-in rule "${v.rule}" for files that usually hold secrets`;
  }
}

export function createPathPolicy(opts: { privateGlobs: string[]; aiignore?: string }): PathPolicy {
  // Two independent matchers, OR-ed: the user's (built-in deny-list + application-scoped settings) and the
  // workspace's .aiignore. A workspace may only add privacy: its `!pattern` lines re-include only within its own
  // file and can never undo what the user's side made private.
  const user: Ignore = ignore({ allowRelativePaths: true });
  user.add(DEFAULT_PRIVATE_GLOBS as string[]);
  user.add(widened(opts.privateGlobs.filter((g) => g.trim() !== '')));
  const workspace: Ignore | undefined = opts.aiignore ? ignore({ allowRelativePaths: true }).add(widened(opts.aiignore.split(/\r?\n/))) : undefined;
  // (gitignore escapes a trailing space as `\ `; a space between two names is a name with a space.)
  const spacedNames = [...opts.privateGlobs, ...(opts.aiignore ?? '').split(/\r?\n/)].some((g) => !g.startsWith('#') && /[^\s\\] +\S/.test(g.trim()));
  const userRules = [...opts.privateGlobs, ...(opts.aiignore ?? '').split(/\r?\n/)].some((g) => g.trim() !== '' && !g.trim().startsWith('#') && !DEFAULT_PRIVATE_GLOBS.includes(g.trim()));
  return {
    spacedNames,
    userRules,
    isPrivate(path: string): PathVerdict {
      for (const candidate of candidates(path)) {
        for (const ig of workspace ? [user, workspace] : [user]) {
          let result;
          try {
            result = ig.test(candidate);
          } catch {
            // A path `ignore` cannot read is treated as private: fail closed.
            return { private: true, rule: '(unreadable path)' };
          }
          if (result.ignored) {
            const rule = result.rule?.pattern;
            return { private: true, rule, source: ig === workspace ? 'aiignore' : rule !== undefined && BUILT_IN.has(rule) ? 'built-in' : 'settings' };
          }
        }
      }
      return { private: false };
    },
  };
}

/**
 * Each pattern as written, plus the spelling gitignore would not match but the writer meant: `./secrets/**` (a
 * leading `./`) and `secrets\**` (Windows separators). Only patterns that make private get a second spelling; a
 * `!` re-include is kept exactly as written, so widening can never make a file public.
 */
function widened(patterns: string[]): string[] {
  const out: string[] = [];
  for (const p of patterns) {
    out.push(p);
    if (p.startsWith('!') || p.startsWith('#')) continue;
    const alt = p.replace(/\\(?![ !#])/g, '/').replace(/^(?:\.\/)+/, '').replace(/^\/(?:\.\/)+/, '/');
    if (alt !== p && alt.trim() !== '') out.push(alt);
  }
  return out;
}

/**
 * Relative forms to test. Every spelling the same file can have is tried, and a match on any of them makes it
 * private (more spellings can only make more files private, never fewer): the path as given; URI forms without
 * their scheme, authority, query and fragment (`file:///ws/.env?ref=1`, a notebook cell's `#…`); percent-escapes
 * decoded (`%2Eenv`); `..` resolved (`src/../vault/k` is `vault/k`, which an anchored `/vault/` must see); both
 * Unicode normal forms (macOS hands out decomposed names, globs are typed composed); and the names Windows
 * treats as the same file (`.env.` and `.env ` are `.env`, `.env::$DATA` is its content). An absolute path is
 * tried with every leading directory removed, so a workspace-root pattern like `config/prod.json` matches
 * `/home/me/app/config/prod.json`.
 */
function candidates(path: string): string[] {
  const out = new Set<string>();
  for (const spelling of spellings(path)) {
    const absolute = spelling.startsWith('/');
    const raw = spelling.split('/').filter((s) => s !== '' && s !== '.');
    // Resolved, and (as before) with `..` merely dropped: either reading may be the one a rule was written for.
    const resolved: string[] = [];
    for (const s of raw) if (s === '..') resolved.pop(); else resolved.push(s);
    for (const segments of [resolved, raw.filter((s) => s !== '..')]) {
      if (segments.length === 0) continue;
      if (!absolute) { out.add(segments.join('/')); continue; }
      for (let i = 0; i < segments.length; i++) out.add(segments.slice(i).join('/'));
    }
  }
  return [...out];
}

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]+:/;

function spellings(path: string): string[] {
  const forms = new Set<string>();
  const add = (p: string): void => { forms.add(p.replace(/^[A-Za-z]:\//, '/')); };
  const base = path.replace(/\\/g, '/');
  add(base);
  if (SCHEME.test(base)) add(base.replace(SCHEME, '').replace(/^\/\/[^/]*/, ''));
  for (const p of [...forms]) if (/[?#]/.test(p)) add(p.replace(/[?#].*$/s, ''));
  for (const p of [...forms]) if (/%[0-9A-Fa-f]{2}/.test(p)) add(percentDecoded(p));
  // eslint-disable-next-line no-control-regex
  for (const p of [...forms]) if (/[^\x00-\x7F]/.test(p)) { add(p.normalize('NFC')); add(p.normalize('NFD')); }
  for (const p of [...forms]) if (/[. ]\/|[. ]$|:/.test(p)) add(windowsName(p));
  return [...forms];
}

function percentDecoded(p: string): string {
  try { return decodeURIComponent(p); } catch { return p.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))); }
}

/** The name Windows opens: trailing dots and spaces of each segment dropped, an NTFS stream (`:name`, `::$DATA`) cut. */
function windowsName(p: string): string {
  return p.split('/').map((s) => (s === '.' || s === '..' ? s : s.replace(/:.*$/s, '').replace(/[. ]+$/, ''))).join('/');
}
