// Short forms of the route's words for the narrow chat view. No DOM here, so Node unit tests import it.

import { plainClause } from '../common/plainClause';

/** Pseudo-path of the repo map item (core/context REPO_MAP_PATH): an outline, not a file. */
const REPO_MAP = 'repo map';

/** "Used 5 files and the repo map": files are distinct paths, the same count Explain Route gives. */
export function usedFiles(context: readonly { path: string }[]): string {
  const paths = new Set(context.map((c) => c.path));
  const map = paths.delete(REPO_MAP);
  return `Used ${paths.size} file${paths.size === 1 ? '' : 's'}${map ? ' and the repo map' : ''}`;
}

/**
 * The Why line for a narrow view: the router's reasons without what the badge and the first reason already say
 * ("local: …", the band restating the score) and without setting ids in parentheses.
 */
export function whyLine(reasons: readonly string[], sent = true): string {
  const out: string[] = [];
  let chosen = 0;
  for (const r of reasons) {
    let t = r;
    // One line per file the repo map chose ("why src/cart.ts: matches …") ran to eight lines in a narrow card under
    // the answer: there it is one clause, each file's reason in the tooltip. A preview (Explain Route) keeps them
    // all, since that is where the user judges the context before anything is sent.
    if (sent && /^why [^:]+: /.test(t)) {
      if (chosen++ === 0) out.push(CHOSEN);
      continue;
    }
    if (/^band: /.test(t)) {
      // The band line restates the score; only the middle band's escalation promise is news.
      const promise = /; (.*)$/.exec(t)?.[1];
      if (!promise) continue;
      t = promise;
    }
    // The router wrote "will be redacted" before sending; a card the user reads afterwards says what happened.
    if (sent) t = t.replace(/\bwill be redacted\b/g, 'redacted');
    // The files are counted once, in "Used N files"; the map's own outline size is another number.
    t = t.replace(/attached a repo map of \d+ files?, (~[\d,]+ tokens)(?: and (\d+ definitions?) from \d+ files?)?/,
      (_m, tokens: string, defs?: string) => `attached the repo map (${tokens})${defs ? ` and ${defs} from other files` : ''}`);
    t = t.replace(/^(local|cloud): /, '')
      .replace(/\s*\((?:score [^)]*?)?hybrid\.[\w.]+[^)]*\)/g, '')
      .replace(/\s*\(hybrid\.[\w.]+ "[^"]*"\)/g, '')
      .trim();
    if (t) out.push(plainClause(t));
  }
  const i = out.indexOf(CHOSEN);
  if (i >= 0) out[i] = `${chosen} file${chosen === 1 ? '' : 's'} chosen from the repo map (hover for why each)`;
  return out.join(' · ');
}

const CHOSEN = '\u0000chosen';
