// Where privacy patterns apply: a nested .aiignore's patterns scoped to its folder, and an absolute private glob
// given the workspace-relative spelling the policy matches.
//
// A `.aiignore` below the workspace root speaks for its own folder, as a nested `.gitignore` does: `secret.txt` in
// `services/billing/.aiignore` means any `secret.txt` under `services/billing/`, and `/build` or `config/prod.yml`
// mean paths from that folder. The policy matches workspace-relative paths with one matcher, so each nested file's
// patterns are rewritten from its folder before they join it.

/** `text` (gitignore syntax) from the `.aiignore` in workspace-relative folder `dir` ('' for the root), as root patterns. */
export function scopeAiignore(dir: string, text: string): string {
  const base = dir.replace(/\\/g, '/').replace(/^\.?\/+|\/+$/g, '');
  if (!base) return text;
  const prefix = escapeGlob(base);
  return text.split(/\r?\n/).map((raw) => {
    const line = raw.replace(/\s+$/, '');
    if (!line || line.startsWith('#')) return raw;
    const negated = line.startsWith('!');
    const body = negated ? line.slice(1) : line;
    const trimmed = body.replace(/\/+$/, '');
    // gitignore: a slash at the start or in the middle anchors the pattern to the file's folder; otherwise it
    // matches at any depth below it.
    const anchored = trimmed.includes('/');
    const scoped = anchored ? `${prefix}/${body.replace(/^\/+/, '')}` : `${prefix}/**/${body}`;
    return `${negated ? '!' : ''}${scoped}`;
  }).join('\n');
}

function escapeGlob(s: string): string {
  return s.replace(/[\\*?[\]!# ]/g, (c) => `\\${c}`);
}

/**
 * The user's private globs, plus a workspace-relative spelling of each absolute one that points into a workspace
 * folder: `/home/me/ws/vault/**` is meant as `vault/**`, but gitignore reads a leading `/` as the workspace root
 * and the policy judges workspace-relative paths, so as written it matched nothing. A `!` re-include is left as
 * written, as every widening does: a second spelling may make private, never public.
 */
export function withRelativeGlobs(globs: readonly string[], roots: readonly string[]): string[] {
  const out = [...globs];
  for (const g of globs) {
    if (g.startsWith('!')) continue;
    const body = g.replace(/\\/g, '/');
    for (const root of roots) {
      const r = root.replace(/\\/g, '/').replace(/\/+$/, '');
      const same = (a: string, b: string): boolean => a === b || (/^[a-z]:/i.test(a) && a.toLowerCase() === b.toLowerCase());
      if (body.length > r.length + 1 && same(body.slice(0, r.length), r) && body[r.length] === '/') {
        out.push(`/${body.slice(r.length + 1)}`);
      }
    }
  }
  return out;
}
