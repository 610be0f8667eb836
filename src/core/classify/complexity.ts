// Task classifier: kind + complexity from the words of the request, locally and by rules only (a model call
// would itself leak what it classifies). Each rule that fires adds a weight and a signal a user can read, so
// "why did this go to the cloud?" always has an answer.

import type { Kind, Request } from '../request';

interface Rule {
  re: RegExp;
  weight: number;
  signal: string;
}

// High: the question needs reasoning across a system. Patterns cover English plus common German, French and
// Spanish phrasings, because users ask in their own language.
const HIGH: Rule[] = [
  { re: /\barchitect|\barchitektur|\barquitectur/i, weight: 0.35, signal: 'architecture question' },
  { re: /\bdesign(?:ing)?\b(?! ?(?:token|system color))|\bentw(?:urf|erfen)|\bconception|\bdiseñ/i, weight: 0.3, signal: 'design question' },
  { re: /trade-?offs?|pros and cons|vor- und nachteile|avantages et (?:les )?inconvénients|ventajas y desventajas|\b(?:versus|vs\.?)\s+(?!code\b)|compare|\bevaluate\b|\bdecide between|\bhelp me (?:decide|choose)|comparison|\bvergleich|\bcompar[ae]r?\b|which (?:is|would be) better|better approach|best approach|should (?:i|we) (?:use|choose|go|pick|switch|move|split|adopt|migrate)/i, weight: 0.35, signal: 'asks for trade-offs' },
  { re: /\bmigrat|\bmigrer\b|\bmigración|\bport (?:this|our|the)|\bupgrade (?:from|our|the whole)|move (?:from|our|the whole) .{0,40}\bto\b|\bswitch(?:ing)? from\b/i, weight: 0.3, signal: 'migration' },
  { re: /\bscal(?:e|ing|able|ability)\b|\bhigh availability|\bthroughput|\bdistributed|\bsharding|\bshard\b|\breplica|\bconsisten(?:cy|t hashing)|\beventual|\bfault.toleran|\bresilien/i, weight: 0.3, signal: 'scalability or distributed systems' },
  { re: /\bconcurren|\brace condition|\bdeadlock|\bthread.?safe|\block-free|\batomic/i, weight: 0.25, signal: 'concurrency' },
  { re: /\bsecurity (?:review|model|audit)|\bthreat model|\bauthentication (?:flow|design|strategy)|\bauthori[sz]ation (?:model|design)|\bvulnerab/i, weight: 0.3, signal: 'security design' },
  { re: /\bstrategy|\bstrategie|\bstratégie|\bestrategia|\broadmap|\bplan (?:for|to|the|a|our)|\bapproach (?:for|to)|\bhow (?:should|would) (?:i|we|you) (?:structure|organi[sz]e|design|architect|approach|model|split|handle)/i, weight: 0.25, signal: 'asks for an approach' },
  { re: /\brefactor(?:ing)? (?:the|our|this) (?:whole|entire|module|codebase|service|app|project|package)|\bacross (?:the|all|multiple|several) (?:files|modules|services|packages|repos)|\bmonorepo|\bmicroservice|\bmonolith|\bevent.?driven|\bcqrs|\bevent sourcing|\bhexagonal|\bclean architecture|\bdomain.driven|\bddd\b/i, weight: 0.3, signal: 'spans several modules' },
  { re: /\bschema (?:design|for|migration)|\bdata model|\bdatabase (?:design|choice|schema)|\bnormali[sz]|\bindex(?:ing)? strategy|\bcaching (?:strategy|layer)|\bcache invalidation|\bmessage queue|\bkafka|\bpub.?sub/i, weight: 0.25, signal: 'data or system design' },
  { re: /\bstep[- ]by[- ]step|\bmulti-?step|\bend[- ]to[- ]end|\bwalk me through (?:designing|building|setting)|\bfirst\b.{0,80}\bthen\b.{0,80}\b(?:finally|then|after that)\b/i, weight: 0.2, signal: 'multi-step task' },
  { re: /\bperformance (?:problem|issue|bottleneck|strategy|budget)|\boptimi[sz]e (?:the|our) (?:whole|overall|system|pipeline|architecture)|\bbottleneck|\blatency budget|\bprofil(?:e|ing) (?:the|our)/i, weight: 0.2, signal: 'system performance' },
  { re: /\bwhy (?:is|does|would|are)\b.{0,80}\b(?:instead of|rather than|over)\b|\bwhen (?:should|to) (?:i|we)? ?use\b|\bis it (?:worth|a good idea)/i, weight: 0.25, signal: 'asks for judgement' },
  { re: /\bredesign|\bre-?architect|\bsplit (?:this|the|our|it)\b.{0,60}\binto\b.{0,30}\b(?:modules|services|packages|components|libraries|layers)|\bincremental(?:ly)?\b|\bwhat (?:will|would) break|\bwhat breaks|\blong[- ]term\b|\bstructure (?:the|our) (?:\w+ )?(?:code|project|repo|repository|modules)/i, weight: 0.25, signal: 'structural change' },
  { re: /\bbackward.compat|\bbreaking change|\bdeprecat(?:e|ion) (?:plan|strategy|path)|\bversioning (?:strategy|scheme)|\bapi design|\bpublic api/i, weight: 0.25, signal: 'API evolution' },
];

// Low: local-sized tasks.
const LOW: Rule[] = [
  { re: /^(?:what|was|que|qué)\b.{0,30}\b(?:does|do|macht|fait|hace)\b.{0,40}\b(?:this|these|that|diese[rs]?|ce|cette|esta?e?)\b.{0,30}\b(?:line|lines|function|method|regex|expression|code|snippet|do|zeile|funktion|ligne|fonction|línea|función)?/i, weight: 0.35, signal: 'explains a snippet' },
  { re: /\b(?:what does|what is|what's|what are)\b(?! the (?:best|right|trade|pros|consequences|risks))|\bwas (?:macht|ist|bedeutet)\b|\bqu'est-ce que\b|\bque fait\b|\bqué (?:hace|es|significa)\b/i, weight: 0.2, signal: 'simple question' },
  { re: /\brename|\bumbenennen|\brenommer|\brenombrar|\btypo|\bspelling|\bindent|\bformat (?:this|the)|\bsort (?:the|these|this)|\badd (?:a )?(?:comment|docstring|jsdoc|type annotation|types?|log(?:ging)? line)|\bremove (?:the )?(?:unused|console\.log|comment)|\bconvert (?:this|it|the)\b.{0,40}\bto\b|\bturn (?:this|it) into|\bone-?liner|\bshorter|\bsimplify this (?:line|expression|condition)|\bfix (?:the|this) (?:syntax|import|typo|indentation|lint)/i, weight: 0.35, signal: 'small edit' },
  { re: /\bexplain (?:this|the|what|these)\b|\berkläre?\b|\bexplique\b|\bexplica\b/i, weight: 0.2, signal: 'explanation' },
  { re: /\bregex\b|\bregular expression|\bsyntax (?:for|of)|\bhow (?:do|can) i (?:write|get|check|convert|parse|format|print|read|split|join|sort|loop|iterate|call|import|declare|make|add|remove|use)\b|\bwie kann ich\b|\bcomment (?:puis-je|faire)\b|\bcómo (?:puedo|hago)\b/i, weight: 0.2, signal: 'how-to' },
  { re: /\bunit tests? for (?:this|the) (?:function|method)|\bwrite (?:a )?test for this\b|\bgenerate (?:a )?(?:getter|setter|constructor|enum|interface|type|dto)/i, weight: 0.2, signal: 'single-function task' },
];

export interface ComplexityResult {
  kind: Kind;
  complexity: number;
  signals: string[];
}

const EXPLAIN = /^\s*(?:explain|what does|what is|what's|erkläre?|was (?:macht|ist)|explique|que fait|qu'est-ce|explica|qué (?:hace|es))\b/i;

export function scoreComplexity(request: Request): ComplexityResult {
  const q = request.question;
  let kind: Kind = request.kind;
  if (kind === 'ask' && EXPLAIN.test(q)) kind = 'explain';
  if (kind === 'completion') return { kind, complexity: 0, signals: ['inline completion'] };

  let score = 0.35;
  const signals: string[] = [];
  for (const rule of HIGH) {
    if (rule.re.test(q)) { score += rule.weight; signals.push(rule.signal); }
  }
  for (const rule of LOW) {
    if (rule.re.test(q)) { score -= rule.weight; signals.push(rule.signal); }
  }

  const words = q.trim().split(/\s+/).filter(Boolean).length;
  const questions = (q.match(/\?/g) ?? []).length;
  const listItems = (q.match(/(?:^|\n)\s*(?:\d+[.)]|[-*•])\s+\S/g) ?? []).length;
  if (words >= 60) { score += 0.15; signals.push(`long question (${words} words)`); }
  else if (words >= 35) { score += 0.08; signals.push(`detailed question (${words} words)`); }
  else if (words <= 8) { score -= 0.1; signals.push(`short question (${words} words)`); }
  if (questions >= 3 || listItems >= 3) { score += 0.15; signals.push('several sub-questions'); }

  const files = new Set(request.context.map((c) => c.path).filter(Boolean)).size;
  const contextLines = request.context.reduce((n, c) => n + c.text.split('\n').length, 0);
  if (files >= 3) { score += 0.15; signals.push(`context from ${files} files`); }
  if (contextLines >= 400) { score += 0.1; signals.push(`large context (${contextLines} lines)`); }
  else if (contextLines > 0 && contextLines <= 5 && files <= 1) { score -= 0.05; signals.push('a few lines of context'); }

  if (kind === 'review') { score += 0.05; }
  const complexity = Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
  if (signals.length === 0) signals.push('no strong signal');
  return { kind, complexity, signals };
}
