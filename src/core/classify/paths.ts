// Private paths: content from these files never goes to the cloud. Three sources, in gitignore syntax through the
// `ignore` package: a default deny-list (secrets people keep in files), the user's `hybrid.privacy.privateGlobs`,
// and the workspace `.aiignore`. Later sources can re-include with `!pattern`, as in .gitignore.

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
  '*.tfstate', '*.tfstate.*', '*.tfvars',
  '.aws/', '.ssh/', '.gnupg/', '.kube/', '.docker/config.json', '.azure/', '.gcp/', 'secrets/', '.secrets/',
];

export function createPathPolicy(opts: { privateGlobs: string[]; aiignore?: string }): PathPolicy {
  const ig: Ignore = ignore({ allowRelativePaths: true });
  ig.add(DEFAULT_PRIVATE_GLOBS as string[]);
  ig.add(opts.privateGlobs.filter((g) => g.trim() !== ''));
  if (opts.aiignore) ig.add(opts.aiignore);
  return {
    isPrivate(path: string): PathVerdict {
      for (const candidate of candidates(path)) {
        let result;
        try {
          result = ig.test(candidate);
        } catch {
          // A path `ignore` cannot read is treated as private: fail closed.
          return { private: true, rule: '(unreadable path)' };
        }
        if (result.ignored) return { private: true, rule: result.rule?.pattern };
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
