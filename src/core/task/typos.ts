// Typed fast, the words that carry a hard problem are the ones people misspell: "architecure", "idempotant",
// "concurency", "microservises", "dupliated". The rules match words, so one wrong letter used to hide the topic
// and leave a design question on the local model. Here a long word one edit away from a term the rules know
// (two edits for words of 11 letters or more, with the first three letters right) is read as that term.
// Words that are themselves English and one edit from a term ("sharing" / "sharding") are never changed,
// nor is a word that only extends or shortens a term ("migrations", "duplicated"): the rules read those already.

const TERMS = [
  'architecture', 'architectural', 'scalability', 'scalable', 'concurrency', 'concurrent', 'concurrently', 'idempotent',
  'idempotency', 'microservice', 'microservices', 'migration', 'migrate', 'distributed', 'consistency', 'consistent',
  'inconsistent', 'replication', 'replicas', 'partition', 'partitioning', 'sharding', 'throughput', 'latency', 'deadlock',
  'transaction', 'transactions', 'synchronization', 'synchronize', 'asynchronous', 'eventual', 'eventually', 'availability',
  'failover', 'redundancy', 'bottleneck', 'performance', 'authentication', 'authorization', 'permissions', 'tenants',
  'multitenant', 'infrastructure', 'kubernetes', 'database', 'duplicate', 'duplicated', 'duplicates', 'intermittent',
  'intermittently', 'sometimes', 'randomly', 'production', 'deployment', 'tradeoff', 'tradeoffs', 'alternatives', 'approach',
  'strategy', 'downtime', 'rollback', 'backwards', 'compatibility', 'encryption', 'monolith', 'services', 'invalidation',
  'webhook', 'webhooks', 'inventory', 'notifications', 'occasionally', 'scaling', 'overloaded', 'outage', 'timeouts',
];
// English words one edit from a term: left as they are.
const REAL_WORDS = new Set(['sharing', 'shading', 'catching', 'latent', 'servicer', 'approached', 'webbook', 'deadlocked', 'servicos']);
// Romance and German endings: "produccion" or "migracao" is a word of its own language, which the rules read as it is.
const FOREIGN = /(?:cion|ciones|cao|coes|zione|zioni|ung|ungen|mente|idad|idade|ieren|iert)$/;

const MIN_LENGTH = 7;
const MAX_WORDS = 400;
const byInitial = new Map<string, string[]>();
for (const t of TERMS) byInitial.set(t[0], [...(byInitial.get(t[0]) ?? []), t]);
const known = new Set(TERMS);
const memo = new Map<string, string | null>();

/** The text with misspelt system terms spelt right; every other word untouched. */
export function fixTypos(prose: string): string {
  let seen = 0;
  return prose.replace(/\b[A-Za-z]{7,}\b/g, (word) => {
    if (++seen > MAX_WORDS) return word;
    const lower = word.toLowerCase();
    if (known.has(lower) || REAL_WORDS.has(lower) || FOREIGN.test(lower)) return word;
    let fixed = memo.get(lower);
    if (fixed === undefined) {
      fixed = nearestTerm(lower);
      if (memo.size > 5000) memo.clear();
      memo.set(lower, fixed);
    }
    return fixed ?? word;
  });
}

function nearestTerm(word: string): string | null {
  if (word.length < MIN_LENGTH) return null;
  let best: string | null = null;
  let bestDistance = 3;
  for (const term of byInitial.get(word[0]) ?? []) {
    // A word that only extends or shortens a term is a form of it ("migrations", "duplicated"): no correction.
    if (term.startsWith(word) || word.startsWith(term)) return null;
    const limit = term.length >= 11 && word.slice(0, 3) === term.slice(0, 3) ? 2 : 1;
    if (Math.abs(term.length - word.length) > limit) continue;
    const d = editDistance(word, term, limit);
    if (d <= limit && d < bestDistance) [best, bestDistance] = [term, d];
  }
  return best;
}

/** Optimal-string-alignment distance (a swap of two neighbours is one edit), giving up once over `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}
