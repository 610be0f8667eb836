// The cost-replay workload: a deterministic (seeded) trace of what one developer's editor sends in a working
// stretch — mostly inline completions, then simple questions, architecture questions, private reviews and a few
// explicit cloud asks — with token sizes per category and a share of requests that carry something sensitive.
// Secrets are drawn at run time from the privacy corpus' generators (random characters, prefixes assembled from
// pieces), so nothing real-looking is committed. Every assumption below is documented in docs/performance.md.

import type { AskInput } from '../src/core/pipeline/ask';
import type { ContextItem } from '../src/core/request';
import { GENERATORS, Rng } from '../test/fixtures/privacy/corpus';

export type Category = 'completion' | 'simple' | 'architecture' | 'review' | 'askCloud' | 'askPrivate';
export const CATEGORIES: readonly Category[] = ['completion', 'simple', 'architecture', 'review', 'askCloud', 'askPrivate'];

export type Sensitivity =
  | 'aws-access-key-id' | 'github-pat' | 'private-key' | 'database-url-password' | 'email' | 'private-path' | 'marker';
export const SENSITIVITIES: readonly Sensitivity[] = [
  'aws-access-key-id', 'github-pat', 'private-key', 'database-url-password', 'email', 'private-path', 'marker',
];

/** Share of the trace per category (sums to 1). */
export const MIX: Readonly<Record<Category, number>> = {
  completion: 0.60, simple: 0.15, architecture: 0.10, review: 0.08, askCloud: 0.05, askPrivate: 0.02,
};

/** Share of each category whose context holds something sensitive. */
export const SENSITIVE_SHARE: Readonly<Record<Category, number>> = {
  completion: 0.08, simple: 0.10, architecture: 0.10, review: 0.15, askCloud: 0.25, askPrivate: 0.30,
};

/** Token sizes (≈ 4 characters a token) per category: [min, max], drawn uniformly. */
export const SIZES = {
  completion: { prefix: [200, 1024], suffix: [0, 256], emptySuffixShare: 0.25, answer: [4, 48] },
  simple: { lines: [1, 40], answer: [60, 350] },
  architecture: { files: [2, 5], linesPerFile: [80, 600], answer: [500, 1024] },
  review: { lines: [60, 400], answer: [250, 900] },
  askCloud: { lines: [20, 300], answer: [200, 900] },
  askPrivate: { lines: [5, 150], answer: [100, 500] },
} as const;

export interface CompletionRequest {
  prefix: string;
  suffix: string;
  path: string;
  /** Single-line (64-token cap) or multi-line (288-token cap, 12 lines × 24) — the completion engine's limits. */
  maxTokens: number;
}

export interface TraceRequest {
  index: number;
  category: Category;
  sensitive?: Sensitivity;
  /** Values planted in the context that must never reach a cloud server (empty when nothing was planted). */
  canaries: string[];
  completion?: CompletionRequest;
  ask?: AskInput;
  /** Length of the answer the fakes stream back, in tokens (≈ chars/4). */
  answerTokens: number;
}

export interface TraceOptions {
  size: number;
  seed?: number;
}

/**
 * Builds the trace: category counts follow MIX (at least one of each), sensitive requests are spread evenly
 * through each category and cycle through every Sensitivity, so even a 300-request quick trace covers them all.
 */
export function generateTrace(opts: TraceOptions): TraceRequest[] {
  const rng = new Rng(opts.seed ?? 20261122);
  const plan: Array<{ category: Category; sensitive?: Sensitivity }> = [];
  let kindCursor = 0;
  for (const category of CATEGORIES) {
    const n = Math.max(1, Math.round(MIX[category] * opts.size));
    const sensitiveCount = Math.min(n, Math.max(1, Math.round(SENSITIVE_SHARE[category] * n)));
    const step = n / Math.max(1, sensitiveCount);
    const marked = new Set<number>();
    for (let k = 0; k < sensitiveCount; k++) marked.add(Math.floor(k * step));
    for (let i = 0; i < n; i++) {
      plan.push({ category, sensitive: marked.has(i) ? SENSITIVITIES[kindCursor++ % SENSITIVITIES.length] : undefined });
    }
  }
  // Interleave deterministically, as a day's requests would be.
  for (let i = plan.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [plan[i], plan[j]] = [plan[j], plan[i]];
  }
  return plan.map((p, index) => build(rng, index, p.category, p.sensitive));
}

/**
 * The answer a fake streams: `tokens` short words. The fakes report one output token per streamed word, and a
 * word plus its space is about 4 characters, so the answer is also ≈ `tokens` × 4 characters.
 */
export function answerText(tokens: number, seed: number): string {
  const rng = new Rng(seed);
  return Array.from({ length: Math.max(1, tokens) }, () => rng.pick(ANSWER_WORDS)).join(' ');
}

const ANSWER_WORDS = ['the', 'map', 'key', 'row', 'api', 'db', 'use', 'get', 'set', 'run', 'so', 'it', 'and', 'to', 'io',
  'log', 'add', 'fix', 'new', 'old', 'one', 'two', 'if', 'or', 'not', 'via', 'per', 'all'];

function build(rng: Rng, index: number, category: Category, sensitive: Sensitivity | undefined): TraceRequest {
  const canaries: string[] = [];
  const range = (r: readonly [number, number]): number => rng.int(r[0], r[1]);
  const module = rng.pick(MODULES);
  switch (category) {
    case 'completion': {
      const s = SIZES.completion;
      let prefix = code(rng, range(s.prefix) * 4, module);
      const suffix = rng.next() < s.emptySuffixShare ? '' : code(rng, range(s.suffix) * 4, module);
      let path = `src/${module}/${rng.pick(FILES)}.ts`;
      if (sensitive) {
        const planted = plant(rng, sensitive, index);
        canaries.push(...planted.canaries);
        prefix = insertAt(rng, prefix, planted.text);
        if (planted.path) path = planted.path;
      }
      const multi = rng.next() < 0.4;
      return {
        index, category, sensitive, canaries, answerTokens: range(s.answer),
        completion: { prefix, suffix, path, maxTokens: multi ? 288 : 64 },
      };
    }
    case 'architecture': {
      const s = SIZES.architecture;
      const files = range(s.files);
      const context: ContextItem[] = [];
      for (let f = 0; f < files; f++) {
        const lines = range(s.linesPerFile);
        const text = lineCode(rng, lines, module);
        context.push({ source: 'file', text, path: `src/${module}/${FILES[f % FILES.length]}.ts`, language: 'typescript', startLine: 1, endLine: lines });
      }
      if (sensitive) applySensitive(rng, context, sensitive, index, canaries);
      const question = fill(rng, rng.pick(ARCHITECTURE_QUESTIONS), module);
      return { index, category, sensitive, canaries, answerTokens: range(s.answer), ask: { origin: 'askAuto', kind: 'ask', question, context } };
    }
    default: {
      const s = SIZES[category];
      const lines = range(s.lines);
      const start = rng.int(1, 400);
      const context: ContextItem[] = [{
        source: 'selection', text: lineCode(rng, lines, module), path: `src/${module}/${rng.pick(FILES)}.ts`,
        language: 'typescript', startLine: start, endLine: start + lines - 1,
      }];
      if (sensitive) applySensitive(rng, context, sensitive, index, canaries);
      const answerTokens = range(s.answer);
      if (category === 'review') {
        return { index, category, sensitive, canaries, answerTokens, ask: { origin: 'review', kind: 'review', question: REVIEW_QUESTION, context } };
      }
      const pool = category === 'simple' ? SIMPLE_QUESTIONS
        : category === 'askCloud' ? [...SIMPLE_QUESTIONS, ...ARCHITECTURE_QUESTIONS] : [...SIMPLE_QUESTIONS, ...ARCHITECTURE_QUESTIONS.slice(0, 3)];
      const origin = category === 'simple' ? 'askAuto' : category;
      return { index, category, sensitive, canaries, answerTokens, ask: { origin, kind: 'ask', question: fill(rng, rng.pick(pool), module), context } };
    }
  }
}

function applySensitive(rng: Rng, context: ContextItem[], sensitive: Sensitivity, index: number, canaries: string[]): void {
  const planted = plant(rng, sensitive, index);
  canaries.push(...planted.canaries);
  const target = context[rng.int(0, context.length - 1)];
  if (planted.path) {
    target.path = planted.path;
    target.language = planted.path.endsWith('.yaml') ? 'yaml' : 'dotenv';
    target.text = planted.text;
    target.startLine = 1;
    target.endLine = planted.text.split('\n').length;
    return;
  }
  target.text = insertAt(rng, target.text, planted.text);
  target.endLine = (target.startLine ?? 1) + target.text.split('\n').length - 1;
}

interface Planted {
  text: string;
  canaries: string[];
  /** Set when the sensitivity is the file's location (its content then replaces the context item's). */
  path?: string;
}

/** One sensitive item as a developer would have it in code, and the exact values that must not leave. */
function plant(rng: Rng, kind: Sensitivity, index: number): Planted {
  switch (kind) {
    case 'aws-access-key-id': {
      const v = GENERATORS['aws-access-key-id'](rng, index).value;
      return { text: `const s3 = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: '${v}' } });`, canaries: [v] };
    }
    case 'github-pat': {
      const v = GENERATORS['github-pat'](rng, index).value;
      return { text: `const octokit = new Octokit({ auth: '${v}' });`, canaries: [v] };
    }
    case 'private-key': {
      const s = GENERATORS['private-key'](rng, index);
      const lines = s.lines ?? s.value.split('\n');
      return { text: `export const signingKey = \`${lines.join('\n')}\`;`, canaries: lines.slice(1, -1) };
    }
    case 'database-url-password': {
      const v = GENERATORS['database-url-password'](rng, index).value;
      return { text: `const pool = new Pool({ connectionString: 'postgres://app_user:${v}@db.internal:5432/orders' });`, canaries: [v] };
    }
    case 'email': {
      const v = GENERATORS.email(rng, index).value;
      return { text: `// Maintainer: ${v} (ask before changing the rounding rules)`, canaries: [v] };
    }
    case 'private-path': {
      const codename = 'cn' + rng.str('abcdefghijklmnopqrstuvwxyz', 18);
      const path = rng.next() < 0.5 ? '.env' : 'config/secrets.yaml';
      const text = path === '.env'
        ? `SERVICE_NAME=billing\nRELEASE_CODENAME=${codename}\nLOG_LEVEL=info\nPORT=8080\n`
        : `service:\n  name: billing\n  codename: ${codename}\n  replicas: 2\n`;
      return { text, canaries: [codename], path };
    }
    case 'marker': {
      const codename = 'cn' + rng.str('abcdefghijklmnopqrstuvwxyz', 18);
      return { text: `// CONFIDENTIAL: pricing rules for project ${codename}; do not distribute.`, canaries: [codename] };
    }
  }
}

function insertAt(rng: Rng, text: string, insert: string): string {
  const lines = text.split('\n');
  lines.splice(rng.int(0, lines.length), 0, insert);
  return lines.join('\n');
}

function fill(rng: Rng, template: string, module: string): string {
  return template
    .replace(/\{module\}/g, module)
    .replace(/\{ident\}/g, () => rng.pick(IDENTS))
    .replace(/\{ident2\}/g, () => rng.pick(IDENTS) + 'Next')
    .replace(/\{n\}/g, () => String(rng.pick([500, 2000, 10000, 50000])));
}

/** About `chars` characters of plausible TypeScript. */
function code(rng: Rng, chars: number, module: string): string {
  const out: string[] = [];
  let n = 0;
  while (n < chars) {
    const line = codeLine(rng, module);
    out.push(line);
    n += line.length + 1;
  }
  return out.join('\n').slice(0, chars);
}

function lineCode(rng: Rng, lines: number, module: string): string {
  return Array.from({ length: lines }, () => codeLine(rng, module)).join('\n');
}

function codeLine(rng: Rng, module: string): string {
  const a = rng.pick(IDENTS);
  const b = rng.pick(IDENTS);
  const indent = '  '.repeat(rng.int(0, 3));
  switch (rng.int(0, 9)) {
    case 0: return `${indent}const ${a} = ${b}.filter((item) => item.active).map((item) => item.price * rate);`;
    case 1: return `${indent}if (${a}.length > ${rng.int(1, 64)}) {`;
    case 2: return `${indent}}`;
    case 3: return `${indent}return ${a}.reduce((sum, item) => sum + item.${b}, 0);`;
    case 4: return `${indent}export function ${a}For${cap(module)}(${b}: ${cap(b)}[]): number {`;
    case 5: return `${indent}// ${rng.pick(COMMENTS)}`;
    case 6: return `${indent}await this.${a}.update(${b}.id, { status: '${rng.pick(['open', 'paid', 'void', 'draft'])}' });`;
    case 7: return `${indent}logger.debug('${module}: ${a} changed', { count: ${b}.length });`;
    case 8: return `${indent}for (const entry of ${a}) ${b}.set(entry.id, entry);`;
    default: return `${indent}const ${a} = new Map<string, ${cap(b)}>();`;
  }
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const MODULES = ['billing', 'orders', 'inventory', 'shipping', 'catalog', 'checkout', 'reporting', 'notifications'];
const FILES = ['service', 'repository', 'handlers', 'model', 'mapper', 'validation'];
const IDENTS = ['invoices', 'orders', 'lineItems', 'customers', 'totals', 'discounts', 'rates', 'entries', 'batch', 'pending', 'results', 'rows'];
const COMMENTS = ['keep the rounding in one place', 'the upstream API pages by 100', 'totals are in cents',
  'retry once: the queue may be warming up', 'sorted by creation time'];

/** Simple, local-sized questions: explain a line, rename, small edits, how-to. */
export const SIMPLE_QUESTIONS: readonly string[] = [
  'What does this line do?',
  'What does this function return?',
  'Rename {ident} to {ident2} in this function.',
  'Explain this code.',
  'Add a docstring to this function.',
  'Fix the typo in this comment.',
  'How do I sort these by date?',
  'Convert this loop to a reduce call.',
  'What is {ident} used for here?',
  'Write a unit test for this function.',
  'Remove the unused imports.',
  'How do I check if {ident} is empty?',
];

/** Architecture, design, trade-off and migration questions. */
export const ARCHITECTURE_QUESTIONS: readonly string[] = [
  'What are the trade-offs of splitting the {module} module into a separate microservice versus keeping it in the monolith?',
  'How should we structure the {module} code so it scales to {n} requests per second? Walk me through the design.',
  'We plan to migrate {module} from REST polling to an event-driven design with Kafka. What is the best approach, and what breaks along the way?',
  'Should we use Postgres or DynamoDB for the {module} data model? Compare consistency, cost and operational load.',
  'Design a caching strategy for {module}: what to cache, how to handle cache invalidation, and how to keep replicas consistent.',
  'What is the migration plan to upgrade the whole {module} service from Express 4 to Fastify without downtime?',
  'How would you design the authentication flow for {module} with SSO and API tokens? What are the security trade-offs?',
  'Across these files, where is the coupling in the {module} architecture, and how would you split it into modules with clear boundaries?',
];

export const REVIEW_QUESTION = 'Review this code: find bugs, security problems and risky patterns, with line numbers.';

/**
 * Hidden "needs a frontier model" label per question (escalation bench). Drawn from its own seeded stream so the
 * trace above is unchanged. Assumed shares, per category, of questions a local 7B model cannot answer well:
 * simple 5 %, architecture 50 %, explicit cloud asks 50 %; completions, reviews and private asks stay local by
 * design, so their label does not matter (0).
 */
export const NEEDS_FRONTIER_SHARE: Readonly<Record<Category, number>> = {
  completion: 0, simple: 0.05, architecture: 0.5, review: 0, askCloud: 0.5, askPrivate: 0,
};

export function needsFrontierLabels(trace: readonly TraceRequest[], seed = 7): boolean[] {
  const rng = new Rng(seed);
  return trace.map((r) => rng.next() < NEEDS_FRONTIER_SHARE[r.category]);
}
