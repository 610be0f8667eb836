// Topic and intent rules of the complexity scorer. Each rule is a regex over the question's prose (names and code
// masked, see questionShape.ts), a weight and a signal a user can read. HIGH rules add, LOW rules subtract.

import { SCALE_FIGURES } from './questionShape';

export interface Rule {
  re: RegExp;
  weight: number;
  signal: string;
  /** A LOW rule that reads only the form of the question ("what is…", "explain…", "how do I…"): it counts
   *  half when the content names a hard problem, because "explain why our replicas lose updates" is not simple. */
  form?: boolean;
}

// High: the question needs reasoning across a system. Patterns cover English plus common German, French and
// Spanish phrasings, because users ask in their own language.
export const HIGH: Rule[] = [
  { re: /\barchitect|\barchitektur|\barquitectur/i, weight: 0.35, signal: 'architecture question' },
  { re: /\bdesign(?:ing)?\b(?! ?(?:token|system color))|\bentw(?:urf|erfen)|\bconception|\bdiseñ/i, weight: 0.3, signal: 'design question' },
  { re: /trade-?offs?|pros and cons|vor- und nachteile|avantages et (?:les )?inconvénients|ventajas y desventajas|\b(?:versus|vs\.?)\s+(?!code\b)|compare|\bevaluate\b(?! to\b)|\bdecide between|\bhelp me (?:decide|choose)|comparison|\bvergleich|\bcompar[ae]r?\b|which (?:is|would be) better|better approach|best approach|should (?:i|we) (?:use|choose|go|pick|switch|move|split|adopt|migrate)/i, weight: 0.35, signal: 'asks for trade-offs' },
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
  // Hard problems named by their usual words: a short question about one of these still needs reasoning about
  // a running system, however plainly it is worded.
  { re: /\bidempoten|\bexactly[- ]once|\bat[- ]least[- ]once|\bthundering herd|\bstampede|\bback-?pressure|\bfail-?over|\bdual[- ]writes?|\bstale (?:reads?|data|cache)|\bread[- ]after[- ]write|\bordering (?:of|per|guarantee)|\bout of order|\bleader election|\bconsensus|\bsaga\b|\b2pc\b|\btwo[- ]phase commit|\bcrdts?\b|\brebalanc|\bconsumer lag|\bstarv|\bnoisy (?:neighbou?r|tenant)|\bzero[- ]downtime|\bcold starts?|\bmemory leak|\bflaky|\bdisaster recovery|\bmulti[- ]region|\bmulti[- ]tenan|\bretry storms?|\bcircuit break|\bn\+1\b|\bcontention|\bunder load|\bat scale|\brate limit|\bpartition(?:ing|ed)?\b|\breplication|\bconflict resolution|\blos[et] (?:updates?|writes?|messages?|events?)|\boffline[- ](?:mode|sync|capable|first)|\binvalidat|\bhot keys?|\btail latency|\bp9\d\b|\bgraceful(?:ly)? (?:shutdown|degrad)|\bdrain|\bblue[/ -]green|\bcanary|\bfeature flags?|\brollback|\bkey rotation|\brevocation|\bdata residency|\bgdpr|\berase .{0,30}\beverywhere/i, weight: 0.25, signal: 'hard systems problem' },
  // Non-determinism is the mark of a bug that lives between components, not in a line.
  { re: /\bsometimes\b|\bintermittent|\boccasionally|\brandomly\b|\bonly (?:when|under|after|in production)|\bevery \d+ (?:minutes|hours|seconds)|\bafter \d+ (?:days|hours)|\bnon-?determin|\bheisenbug|\bgelegentlich|\bparfois\b|\ba veces\b/i, weight: 0.2, signal: 'intermittent behaviour' },
  { re: SCALE_FIGURES, weight: 0.15, signal: 'figures of scale' },
  // Open requests for an approach, a plan or a proposal rather than for a specific change.
  { re: /\bhow (?:should|would|could) (?:we|you|i|one)\b|\bhow (?:do|can|will|to) we\b|\bwhat(?:'s| is| would be) (?:a |an |the )?(?:best|cleanest|right|robust|sane|proper|recommended|simplest robust|good) (?:way|approach|setup|pattern|boundary|design|option|strategy|choice|structure)|\bwhere should (?:we|i|the|this|it)\b|\bshould (?:the|our|we|i)\b.{0,50}\b(?:live|go|sit|belong|own)\b|\b(?:propose|sketch|outline|lay out|come up with|break down|critique|suggest (?:a|an) (?:approach|way|plan|design|layout|structure))\b|\bhelp me (?:think|figure|untangle|choose|decide|plan|work out)|\bthink (?:it )?through\b|\bany ideas (?:how|for|on)\b|\bwie (?:sollten|würdest|könnten|sollen) (?:wir|du|man)\b|\bworauf (?:müssen|sollten) wir\b|\bcomment (?:découper|structurer|organiser|gérer|concevoir)\b|\bmeilleure (?:façon|manière|approche)|\bquelle (?:architecture|approche|stratégie)|\bcómo deberíamos|\bcuál es la mejor (?:forma|manera)|\bla mejor (?:forma|manera)/i, weight: 0.2, signal: 'asks how to approach it' },
  // Consequences and risks: reasoning about what follows from a change, not what code does.
  { re: /\bwhat (?:would|could|will|might) (?:break|go wrong|happen|fail|cause)|\bwhat are the (?:risks|implications|consequences|downsides|failure modes|options)|\bimplications of\b|\bimpact (?:on|of)\b|\bfailure modes?\b|\brisks? (?:of|in)\b|\bwhat(?:'s| is) risky|\bwhat our options are|\bwhat (?:options|choices) (?:do )?we have|\bwill fail\b|\bguarantee\b|\bwithout (?:breaking|blocking|forcing|hurting|downtime|a big[- ]bang)|\bworth it\b|\boverkill\b|\benough for\b|\bshould (?:i|we) be worried|\bfor good\b|\blong-term\b|\bgradual(?:ly)?\b/i, weight: 0.25, signal: 'weighs consequences' },
  // Choosing between named alternatives: "Postgres or DynamoDB for …", "X, Y or Z", "… or should we …".
  { re: /^\s*[\w./+-]+(?:\s[\w./+-]+)?\s+or\s+[\w./+-]+(?:\s[\w./+-]+)?\s+(?:for|in|on)\b|\b[\w.+-]+,\s+[\w.+-]+(?:\s[\w.+-]+)?,?\s+or\s+(?:just\s+)?[\w.+-]+|,?\s+or should (?:we|i)\b|\bor (?:can|do) (?:we|i)\b|\b(?:choose|pick|decide)\b.{0,40}\b(?:or|between)\b|\bfrente a\b|\bplutôt que\b|\bstatt\b|\banstatt\b|\band not\b/i, weight: 0.2, signal: 'weighs alternatives' },
];

// Low: local-sized tasks.
export const LOW: Rule[] = [
  { re: /^(?:what|was|que|qué)\b.{0,30}\b(?:does|do|macht|fait|hace)\b.{0,40}\b(?:this|these|that|diese[rs]?|ce|cette|esta?e?)\b.{0,30}\b(?:line|lines|function|method|regex|expression|code|snippet|do|zeile|funktion|ligne|fonction|línea|función)?/i, weight: 0.35, signal: 'explains a snippet' },
  { re: /\b(?:what does|what is|what's|what are)\b(?! the (?:best|right|trade|pros|consequences|risks|implications|impact|downsides|options|failure))|\bwas (?:macht|ist|bedeutet)\b|\bqu'est-ce que\b|\bque fait\b|\bqué (?:hace|es|significa)\b/i, weight: 0.2, signal: 'simple question', form: true },
  { re: /\brename|\bumbenennen|\brenommer|\brenombrar|\btypo|\bspelling|\bindent|\bformat (?:this|the)|\bsort (?:the|these|this)|\badd (?:a )?(?:comment|docstring|jsdoc|type annotation|types?|log(?:ging)? line)|\bremove (?:the )?(?:unused|console\.log|comment)|\bconvert (?:this|it|the)\b.{0,40}\bto\b|\bturn (?:this|it) into|\bone-?liner|\bshorter|\bsimplify this (?:line|expression|condition)|\bfix (?:the|this) (?:syntax|import|typo|indentation|lint)/i, weight: 0.35, signal: 'small edit' },
  { re: /\bexplain (?:this|the|what|these)\b|\berkläre?\b|\bexplique\b|\bexplica\b/i, weight: 0.2, signal: 'explanation', form: true },
  { re: /\bregex\b|\bregular expression|\bsyntax (?:for|of)|\bhow (?:do|can) i (?:write|get|check|convert|parse|format|print|read|split|join|sort|loop|iterate|call|import|declare|make|add|remove|use)\b|\bwie kann ich\b|\bcomment (?:puis-je|faire)\b|\bcómo (?:puedo|hago)\b/i, weight: 0.2, signal: 'how-to', form: true },
  { re: /\bunit tests? for (?:this|the) (?:function|method)|\bwrite (?:a )?test for this\b|\bgenerate (?:a )?(?:getter|setter|constructor|enum|interface|type|dto)/i, weight: 0.2, signal: 'single-function task' },
  { re: /^\s*(?:what(?:'s| is| are| does)\b.{0,50}\b(?:mean|stand for)\b|what(?:'s| is) (?:a|an)\s+[\w-]+(?:\s+[\w-]+)?\s*\?*\s*$)|\bshort answer|\bin (?:one|a) (?:sentence|word)|\bwas (?:bedeutet|heißt)\b|\bque (?:veut dire|signifie)\b|\bqué significa\b/i, weight: 0.3, signal: 'asks for a definition' },
  { re: /\bquick (?:one|q(?:uestion)?)\b|\bjust (?:a|one) (?:quick|small|simple)|\bsimple question|\bprobably (?:missing something )?obvious/i, weight: 0.15, signal: 'says it is quick' },
  { re: /\bwhy (?:is|does|do|won't|doesn't|can't|isn't)\b.{0,60}\b(?:this|that|it)\b.{0,20}(?:\?|$)|\bwhat(?:'s| is) wrong with (?:this|that|my)\b|\bgive[sn]? (?:an |this )?error\b|\bwon't compile|\bdoesn't compile|\bwhat is the output\b|\bwhat does .{0,40} return\b|\bwhat(?:'s| is) the (?:output|result|default|shortcut|equivalent|syntax)\b|\bequivalent of\b/i, weight: 0.15, signal: 'about one piece of code' },
];
