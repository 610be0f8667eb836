// Private paths: content from these files never goes to the cloud. Three sources, in gitignore syntax through the
// `ignore` package: a default deny-list (secrets people keep in files), the user's `hybrid.privacy.privateGlobs`,
// and the workspace `.aiignore`. The user's globs may re-include a default with `!pattern`; the workspace cannot.

import ignore, { type Ignore } from 'ignore';

export interface PathVerdict {
  private: boolean;
  /** The pattern that made it private, e.g. ".env*" or "secrets/". */
  rule?: string;
}

export interface PathPolicy {
  isPrivate(path: string): PathVerdict;
}

/** After Continue's DEFAULT_SECURITY_IGNORE_FILETYPES and the list (security-facts §2.3). */
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

export function createPathPolicy(opts: { privateGlobs: string[]; aiignore?: string }): PathPolicy {
  // Two independent matchers, OR-ed: the user's (built-in deny-list + application-scoped settings) and the
  // workspace's .aiignore. A workspace may only add privacy: its `!pattern` lines re-include only within its own
  // file and can never undo what the user's side made private.
  const user: Ignore = ignore({ allowRelativePaths: true });
  user.add(DEFAULT_PRIVATE_GLOBS as string[]);
  user.add(opts.privateGlobs.filter((g) => g.trim() !== ''));
  const workspace: Ignore | undefined = opts.aiignore ? ignore({ allowRelativePaths: true }).add(opts.aiignore) : undefined;
  return {
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
          if (result.ignored) return { private: true, rule: result.rule?.pattern };
        }
      }
      return { private: false };
    },
  };
}

/**
 * Relative forms to test. An absolute path is tried with every leading directory removed, so a workspace-root
 * pattern like `config/prod.json` matches `/home/me/app/config/prod.json`.
 */
function candidates(path: string): string[] {
  let p = path.replace(/\\/g, '/').replace(/^[A-Za-z]:\//, '/').replace(/^file:\/\//, '');
  const segments = p.split('/').filter((s) => s !== '' && s !== '.' && s !== '..');
  if (segments.length === 0) return [];
  const absolute = p.startsWith('/');
  p = segments.join('/');
  if (!absolute) return [p];
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) out.push(segments.slice(i).join('/'));
  return out;
}
