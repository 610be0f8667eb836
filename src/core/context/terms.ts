// Words of a question or of code, normalised the same way on both sides, so "rate limiting", `RateLimiter`,
// rate_limiter.py and ratelimiter.ts meet: identifiers split by camel/snake/kebab case, one stemmer, one alias
// table (abbreviations ⇄ spelled-out forms), and run-together names split by the workspace's own vocabulary.

const QUESTION_STOP = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'and', 'or', 'for', 'how', 'should', 'we', 'i', 'my', 'me', 'you', 'your', 'is', 'are', 'this',
  'that', 'it', 'with', 'our', 'out', 'what', 'which', 'where', 'does', 'do', 'be', 'from', 'into', 'on', 'by', 'can', 'would',
  'could', 'codebase', 'code', 'module', 'modules', 'file', 'files', 'system', 'design', 'architecture', 'about',
  'between', 'when', 'why', 'there', 'its', 'all', 'any', 'them', 'they', 'so', 'if', 'as', 'at', 'way', 'has', 'have',
  'was', 'were', 'been', 'who', 'whose', 'than', 'then', 'each', 'every', 'one', 'ones', 'other', 'own', 'some', 'such',
  'their', 'these', 'those', 'up', 'down', 'over', 'under', 'via', 'through', 'after', 'before', 'back', 'here', 'not', 'no',
  'only', 'also', 'well', 'while', 'may', 'might', 'must', 'will', 'shall', 'e', 'g', 'eg', 'ie', 'etc', 'versus', 'vs',
  'there', 'part', 'parts', 'place', 'implemented', 'implement', 'defined', 'define', 'happens', 'happen', 'decide', 'decides']);

/** Verbs that say little about where code lives: kept, but weigh a fraction of a content word. */
const WEAK = new Set(['get', 'set', 'add', 'new', 'make', 'like', 'use', 'used', 'using', 'call', 'called', 'create', 'work',
  'works', 'give', 'gives', 'take', 'keep', 'let', 'need', 'want', 'go', 'goes', 'come', 'put', 'see', 'turn', 'done', 'do',
  'handle', 'handled', 'split', 'found', 'find', 'run', 'runs', 'many', 'several', 'value', 'values', 'data', 'thing', 'things', 'way']);

/** Abbreviation groups: every member maps to the first (after stemming). */
const ALIAS_GROUPS: string[][] = [
  ['config', 'configuration', 'configure', 'cfg', 'conf', 'settings', 'setting'], ['auth', 'authentication', 'authenticate', 'authorization', 'authorize'],
  ['db', 'database'], ['req', 'request'], ['res', 'response', 'resp'], ['ctx', 'context'], ['env', 'environment'],
  ['err', 'error'], ['msg', 'message'], ['fn', 'func', 'function'], ['cmd', 'command'], ['arg', 'argument', 'args'],
  ['param', 'parameter', 'params'], ['opt', 'option', 'opts'], ['util', 'utility', 'utils'],
  ['init', 'initialize', 'initialise', 'initialization', 'initialisation'], ['app', 'application'],
  ['repo', 'repository'], ['dir', 'directory'], ['impl', 'implementation'], ['tmpl', 'template', 'tpl'],
  ['num', 'number'], ['str', 'string'], ['len', 'length'], ['max', 'maximum', 'highest', 'largest'], ['min', 'minimum', 'lowest', 'smallest'],
  ['doc', 'documentation', 'docs'], ['spec', 'specification'], ['info', 'information'], ['src', 'source'],
  ['dest', 'destination', 'dst'], ['tmp', 'temporary', 'temp'], ['conn', 'connection'], ['addr', 'address'],
  ['pkg', 'package'], ['lib', 'library'], ['attr', 'attribute'], ['elem', 'element'], ['idx', 'index'],
  ['ws', 'websocket'], ['js', 'javascript'], ['ts', 'typescript'], ['py', 'python'], ['regex', 'regexp'],
  ['md', 'markdown'], ['man', 'manpage'], ['ps', 'powershell'], ['dispatch', 'dispatcher'], ['serialize', 'serialise'],
  ['async', 'asynchronous', 'asynchronously'], ['sync', 'synchronous', 'synchronously'], ['mem', 'memory'], ['url', 'uri'],
  ['handshake', 'hs'], ['int', 'integer'], ['dict', 'dictionary'], ['seq', 'sequence'], ['obj', 'object'], ['exc', 'exception'],
  ['ref', 'reference'], ['cmp', 'compare'],
];

/** Spelled-out phrases and the acronym code uses for them: "command line interface" meets `cli`, "ES modules" `esm`. */
const PHRASES: Array<[RegExp, string]> = [
  [/\bcommand[- ]line(?: interface)?\b/gi, 'cli'], [/\bserver[- ]sent events?\b/gi, 'sse'], [/\bes ?modules?\b|\becmascript modules?\b/gi, 'esm'],
  [/\bregular expressions?\b/gi, 'regex'], [/\buser interface\b/gi, 'ui'], [/\b(?:abstract )?syntax trees?\b/gi, 'ast'],
  [/\bjson web tokens?\b/gi, 'jwt'], [/\bapplication programming interfaces?\b/gi, 'api'], [/\btime[- ]to[- ]live\b/gi, 'ttl'],
  [/\bunique identifiers?\b/gi, 'uuid'], [/\baccess control lists?\b/gi, 'acl'], [/\bsingle sign[- ]on\b/gi, 'sso'],
  [/\bobject[- ]relational mapp(?:ing|er)\b/gi, 'orm'], [/\bend of line\b/gi, 'eol'], [/\bbyte order marks?\b/gi, 'bom'],
  [/\bweb ?sockets?\b/gi, 'websocket'], [/\bcross[- ]site request forgery\b/gi, 'csrf'], [/\bcommonjs\b/gi, 'cjs'],
  [/\bcontinuous integration\b/gi, 'ci'], [/\bdomain name system\b/gi, 'dns'], [/\bround[- ]trip\b/gi, 'rtt'],
  [/\boperating systems?\b/gi, 'os'], [/\bfile descriptors?\b/gi, 'fd'], [/\bkey[- ]exchanges?\b/gi, 'kx'],
  [/\btables? of contents?\b/gi, 'toc'],
];

/** The text with each spelled-out phrase's acronym appended (the words stay: both forms count). */
export function withAcronyms(text: string): string {
  let extra = '';
  for (const [re, acronym] of PHRASES) {
    re.lastIndex = 0;
    const hits = text.match(re);
    if (hits) extra += ` ${acronym}`.repeat(hits.length);
  }
  return extra ? `${text}${extra}` : text;
}

export function identifierWords(name: string): string[] {
  return name
    // Capital runs are matched from their first letter only (the look-behind): the same matches, but a run of
    // 20 k capitals no longer retries from each of its letters (quadratic: 0.8 s).
    .replace(/(?<![A-Z])([A-Z]{2,})s(?![a-z])/g, '$1') // a plural acronym (URLs, IDs) is its singular word, not `UR` + `Ls` (nor `uris`, which no stem cuts)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/(?<![A-Z])([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z]\d+)([a-z]{3,})/g, '$1 $2') // ucs2length, h2stream: a word after a version number
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !/^\d+$/.test(w));
}

const STEMS = new Map<string, string>();

/** A light suffix stemmer (plural, -ing, -ed, -er, -ation/-ate, British -ise), the same for question and code. */
export function stem(word: string): string {
  const cached = STEMS.get(word) ?? WHOLE.get(word);
  if (cached !== undefined) return cached;
  let w = word;
  // Adverbs meet their adjective (atomically → atomic, lazily → lazy, silently → silent); not assembly or family.
  if (w.length > 6) w = w.replace(/ically$/, 'ic').replace(/([a-z]{3})ily$/, '$1y').replace(/([a-z]{3}(?:e|ent|ant|ous|ful|less|al|ct|ar|ed|ing|ive))ly$/, '$1');
  if (w.length > 5) w = w.replace(/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(?:ss|x|ch|sh|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  w = w.replace(/^([a-z]{4,})if(?:y|ied|ying)$/, '$1'); // -ify: linkify meets link, stringify string (not notify, verify)
  if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ed')) w = undouble(w.slice(0, -2));
  else if (w.length > 4 && w.endsWith('er')) w = undouble(w.slice(0, -2));
  if (w.length > 7 && w.endsWith('ation')) w = w.slice(0, -5);
  else if (w.length > 6 && /[cst]ion$/.test(w)) w = w.slice(0, -3); // Porter's -ion (and -cion): coercion meets coerce
  else if (w.length > 7 && /[cst]ive$/.test(w)) w = w.slice(0, -3); // and -ive: interactive meets interaction
  else if (w.length > 7 && w.endsWith('ator')) w = w.slice(0, -4);
  else if (w.length > 6 && w.endsWith('ate')) w = w.slice(0, -3);
  else if (w.length > 6 && w.endsWith('at')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  const out = ALIAS.get(w) ?? w;
  STEMS.set(word, out);
  return out;
}

function undouble(w: string): string {
  return /([bdfgmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
}

const ALIAS = new Map<string, string>();
const SHORT_ABBREVIATIONS = new Set(ALIAS_GROUPS.flat().filter((w) => w.length === 2));
/** Members whose stem is a weak verb (`settings` → `set`): only the word itself joins, or every setter would mean config. */
const WHOLE = new Map<string, string>();
for (const group of ALIAS_GROUPS) {
  STEMS.clear();
  const canonical = stem(group[0]);
  for (const member of group) {
    if (WEAK.has(stem(member))) WHOLE.set(member, canonical);
    else ALIAS.set(stem(member), canonical);
  }
}
STEMS.clear();

export interface QueryTerm { term: string; weight: number; /** How the question spelled a joined term (`file name`). */ text?: string }

/** The question's terms with weights: stop words dropped, weak verbs down-weighted, split compounds added. */
export function questionTerms(question: string, split?: (word: string) => string[] | undefined): QueryTerm[] {
  const out = new Map<string, number>();
  const put = (t: string, w: number) => out.set(t, Math.max(out.get(t) ?? 0, w));
  const words = identifierWords(withAcronyms(question.replace(/#codebase/gi, ' ')));
  for (const [i, w] of words.entries()) {
    if (QUESTION_STOP.has(w) && !(w === 'code' && modifies(words[i + 1]))) continue;
    const weight = WEAK.has(w) ? 0.3 : 1;
    put(stem(w), weight);
    for (const part of split?.(w) ?? []) if (!QUESTION_STOP.has(part)) put(stem(part), weight * 0.7);
  }
  return [...out].map(([term, weight]) => ({ term, weight }));
}

/**
 * "code" is the code base itself in "the code", "my code", "validation code", but a thing of the domain when it
 * qualifies the next word: "code blocks" (Python-Markdown), "code points", "code generation".
 */
function modifies(next: string | undefined): boolean {
  return next !== undefined && next.length > 2 && next !== 'base' && !QUESTION_STOP.has(next); // "code base" is "codebase"
}

/**
 * Two adjacent question words that code writes as one (`file name` → `filename`, `read-only` → `readonly`,
 * `CommonMark` → `commonmark`): their concatenation, when the index holds it as a term of its own.
 */
export function joinedTerms(question: string, known: (term: string) => boolean): QueryTerm[] {
  const words = identifierWords(withAcronyms(question.replace(/#codebase/gi, ' ')));
  const out = new Map<string, QueryTerm>();
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i], words[i + 1]];
    if (a.length < 3 || b.length < 3 || (QUESTION_STOP.has(a) && QUESTION_STOP.has(b))) continue; // `select or` is not `selector`
    const joined = stem(a + b);
    if (joined.length >= 6 && !QUESTION_STOP.has(a + b) && known(joined)) out.set(joined, { term: joined, weight: WEAK.has(a) || WEAK.has(b) ? 0.3 : 1, text: `${a} ${b}` });
  }
  // Words the question itself wrote together with a slash, dot or hyphen are one name whatever their length: `io/fs`
  // is iofs.go, `Node.js` NodejsStreamOutputAdapter (the two-letter rule above keeps `select or` from `selector`).
  for (const m of question.matchAll(/(?<![\w/.-])([A-Za-z][A-Za-z0-9]*(?:[/.-][A-Za-z][A-Za-z0-9]*)+)(?![\w/-])/g)) {
    const parts = m[1].toLowerCase().split(/[/.-]/);
    if (parts.some((w) => QUESTION_STOP.has(w))) continue; // English compounds: in-flight, up-to-date, out-of-band
    const joined = stem(parts.join(''));
    if (parts.join('').length >= 4 && !out.has(joined) && known(joined)) out.set(joined, { term: joined, weight: 1, text: m[1] });
  }
  // A name and its version written apart (`TLS 1.3`, `HTTP/2`, `Python 3`) are one word in code (`TLS13`, the
  // tls13/ folder, `http2`): the question's digits alone are dropped, so without this the version never counted.
  for (const m of question.matchAll(/(?<![\w.])([A-Za-z][A-Za-z0-9]*?)[ /]?v?(\d+(?:\.\d+)*)(?![\w.]*\w)/g)) {
    const joined = `${m[1]}${m[2].replace(/\./g, '')}`.toLowerCase();
    if (m[1].length >= 2 && !out.has(joined) && known(joined)) out.set(joined, { term: joined, weight: 1, text: m[0] });
  }
  return [...out.values()];
}

/** Stemmed terms of an identifier, path or comment (with split compounds when a splitter is given). */
export function codeTerms(text: string, split?: (word: string) => string[] | undefined): string[] {
  const out: string[] = [];
  for (const w of identifierWords(text)) {
    out.push(stem(w));
    const parts = split?.(w);
    if (parts) for (const p of parts) out.push(stem(p));
  }
  return out;
}

/**
 * Splits run-together words (`ratelimiter`, `authmiddleware`) into 2–3 words of the workspace's own vocabulary:
 * the words its identifiers spell out with explicit case or separators.
 */
export function compoundSplitter(vocabulary: ReadonlySet<string>): (word: string) => string[] | undefined {
  const memo = new Map<string, string[] | undefined>();
  // A plural ends a run-together name as often as a singular (`blockprocessors`, `treeprocessors`: Python modules are
  // lower-case and run together), while the vocabulary holds the singular its classes spell (`BlockProcessor`). Not
  // -ss, -us, -is, which the stemmer does not cut either (`status` is no plural).
  const known = (w: string) => vocabulary.has(w) || (w.length > 4 && /s$/.test(w) && !/(?:ss|us|is)$/.test(w) && vocabulary.has(w.slice(0, -1)));
  const seg = (w: string, depth: number): string[] | undefined => {
    if (known(w)) return [w];
    if (depth === 0) return undefined;
    for (let i = w.length - 3; i >= 2; i--) {
      const head = w.slice(0, i);
      // A two-letter head only when it is a known abbreviation (`hsjoiner`, `tsconfig`): any two letters would split
      // half the words of a language.
      if (i === 2 ? !SHORT_ABBREVIATIONS.has(head) : !vocabulary.has(head)) continue;
      const rest = seg(w.slice(i), depth - 1);
      if (rest) return [head, ...rest];
    }
    return undefined;
  };
  return (word) => {
    if (word.length < 6) return undefined;
    if (memo.has(word)) return memo.get(word);
    const parts = seg(word, 2);
    const result = parts && parts.length > 1 ? parts : undefined;
    memo.set(word, result);
    return result;
  };
}
