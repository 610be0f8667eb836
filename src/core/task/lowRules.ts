// Low rules of the complexity scorer: local-sized tasks. Each one subtracts its weight (see complexityRules.ts).

import { CODE_FORM, type Rule } from './complexityRules';
import { anyOf, folded } from './normalize';

// "What is …" is a definition, unless what follows asks for a judgement ("what is our best option").
const NOT_A_DEFINITION = [
  'our options', 'our best', 'the most', 'the least',
  '(?:the \\w+est (?:way|approach|option|setup|pattern|design|strategy|path|order|sequence|plan))',
  '(?:(?:a |the )?(?:good|sane|solid|reasonable|realistic|safe) (?:plan|approach|strategy|way|path))',
  '(?:the (?:best|right|trade|pros|consequences|risks|implications|impact|downsides|options|failure|security))',
  '(?:your (?:recommendation|opinion|take|advice|suggestion|view))',
  // "what does each of them protect against": a comparison of options, not a definition.
  '(?:each|either|both|every one)\\b',
];

// A lookup of one command, flag or option: "whats the kafka cli flag to list topics", "kubectl command to see the
// logs", "qual o comando do kafka pra ver os consumer groups". Small however big the tool it names.
const ONE_COMMAND = anyOf([
  /^\s*(?:what(?:'s| is| are)|which)(?: is)? (?:the |a |an )?(?:[\w.-]+ ){0,2}(?:cli |command[- ]line |shell |terminal )?(?:command|flag|switch|subcommand|cli (?:option|arg(?:ument)?)|command[- ]line (?:option|arg(?:ument)?))s? (?:to|for) (?!(?:our|the whole|each|every|all)\b)[a-z]/,
  /^\s*(?!(?:the|a|an|this|that|our|my|your|their|each|every)\b)[\w.-]+ (?:cli )?(?:command|flag|subcommand)s? (?:to|for)\b/,
  /\b(?:qual|quais) (?:e )?(?:o|a|os|as) (?:comando|flag)s? (?:do|da|de|pra|para|que)\b|\bcual es el (?:comando|flag)\b|\b(?:el|un) comando (?:de [\w.-]+ )?para\b/,
  /\b(?:la|quelle) commande (?:[\w.-]+ )?(?:pour|qui)\b|\b(?:welche[rns]?|der) (?:befehl|schalter) (?:fur|um|zum)\b|\b(?:il|quale) comando (?:per|di|che)\b/,
  /用什么命令|什么命令|哪个命令|命令是什么|命令是啥|どのコマンド|コマンドは(?:何|なに)|무슨 명령어|명령어(?:가|는)? (?:뭐|무엇)|какой командой|как(?:ая|ой) (?:команд|флаг|ключ)/,
]);

// Where one setting goes in a config file: "how do I set the replica count in a kubernetes deployment yaml". Small
// however big the thing the setting names; not "set up" (building something) and not a whole system's config.
// A goal after the setting ("… so a zone outage doesn't take down checkout", "para que", "才能保证") is the real ask.
const FOR_A_GOAL = /\bso\b|\bpara que\b|\bpour que\b|\bafin que\b|\bdamit\b|\bsodass\b|\bin modo che\b|才能|以便|保证|ように|도록|чтобы/;
const ONE_SETTING_WORDS = anyOf([
  /(?:\bhow (?:do|can) (?:i|you|we)|^\s*how to|\bwhere do (?:i|you)) (?:set(?! up)|change|configure|specify|enable|disable|turn on|turn off|put|define|override) (?:the |a |an )?(?:[\w-]+ ){0,3}(?:in|inside|for) (?:the |a |an |my |this )?(?:[\w.-]+ ){0,3}(?:yaml|yml|json|toml|ini|manifest|dockerfile|compose file|helm chart|values file|tsconfig|settings file|config file|env file|properties file)\b/,
  /\bcomo (?:configuro|pongo|cambio|defino|mudo|coloco|ponho) [^.?!]{0,40}\b(?:en|no|na) (?:el |la |o |a )?(?:yaml|manifest|dockerfile|archivo de configuracion|arquivo de configuracao|tsconfig)\b/,
  /\bcomment (?:definir|configurer|mettre|changer|regler) [^.?!]{0,40}\bdans (?:le |la |l')?(?:yaml|manifest|dockerfile|fichier de config\w*|tsconfig)\b|\bwie (?:setze|konfiguriere|andere|stelle|definiere) ich [^.?!]{0,40}\b(?:im|in der|in die) (?:yaml|manifest|dockerfile|config|konfigurationsdatei|tsconfig)\b/,
  /(?:yaml|yml|配置文件|dockerfile)(?:里|中)(?:怎么|如何)(?:设置|配置|改|写)|(?:yaml|yml|設定ファイル|dockerfile)で[^。？！?]{0,15}(?:設定する方法|設定するには|指定する方法)|(?:yaml|설정 파일)에서 [^.?!]{0,15}(?:설정|지정)(?:하는 방법|하려면)|как (?:задать|указать|настроить|поменять) [^.?!]{0,30} в (?:yaml|конфиге|манифесте|dockerfile)/,
]);
const ONE_SETTING = new RegExp(`^(?![\\s\\S]*(?:${FOR_A_GOAL.source}))[\\s\\S]*(?:${ONE_SETTING_WORDS.source})`, 'i');

// An edit told as what the team does under a condition is the situation, not the ask: "so old consumers don't break
// when we add or rename fields", "whenever we rename a field in the api response". Wraps a small-edit rule.
const WHEN_WE = '(?<!\\b(?:when|whenever|if|once|every time|each time|after|before|as soon as|cuando|si|quand|wenn|sobald|quando|se)\\s+(?:we|they|someone|somebody|people|users|teams?|devs|developers|clients|anyone|nosotros|on|nous|wir|man|noi|nos|a gente)\\s+(?:(?:\\w+\\s+){1,2}(?:or|and|o|ou|oder|et|y|e)\\s+)?)';
function notWhenWe(re: RegExp): RegExp {
  return new RegExp(`${WHEN_WE}(?:${re.source})`, re.flags);
}

// Low: local-sized tasks.
export const LOW: Rule[] = [
  // Not when the command must keep something ("the command to fail over without losing committed writes"): that
  // constraint is the hard part, and no single command answers it.
  { re: new RegExp(`^(?![\\s\\S]*\\b(?:without|sin|sem|sans|ohne|senza) (?:losing|any|downtime|breaking|dropping|data loss|perder|perdre|verlust|perdere|interrup))[\\s\\S]*(?:${ONE_COMMAND.source})`, 'i'), weight: 0.25, signal: 'asks for one command or flag' },
  { re: ONE_SETTING, weight: 0.25, signal: 'asks where one setting goes' },
  { re: folded(/^(?:what|was|que|qué)\b.{0,30}(?<!\bto )\b(?:does|do|macht|fait|hace)\b.{0,40}\b(?:this|these|that|diese[rs]?|ce|cette|esta?e?)\b.{0,30}\b(?:line|lines|function|method|regex|expression|code|snippet|do|zeile|funktion|ligne|fonction|línea|función)?/i), weight: 0.35, signal: 'explains a snippet' },
  { re: anyOf([
    new RegExp(`\\b(?:what does|what is|what's|what are)\\b(?! (?:${NOT_A_DEFINITION.join('|')}))`),
    /\bwas (?:macht|ist|bedeutet)\b/,
    /\bqu'est-ce que\b/,
    /\bque fait\b/,
    /\bqué (?:hace|es|significa)\b/,
    /\bo que (?:faz|é|significa)\b/,
    /\b(?:che )?cosa (?:fa|è|significa)\b/,
    /\bwat (?:doet|is|betekent)\b/,
  ], 'i'), weight: 0.2, signal: 'simple question', form: true },
  { re: notWhenWe(anyOf([
    /\brename/,
    /\bumbenennen/,
    /\brenommer/,
    /\brenombrar/,
    /\brenome(?:ar|ie)/,
    /\brinomin/,
    /\bhernoem/,
    /\berrore di battitura/,
    /\berro de digitação/,
    /\btikfout/,
    /\btypos?\b(?!\s*-?\s*(?:tolerance|tolerant|correction))/,
    /\bspelling/,
    /\bindent/,
    /\bformat (?:this|the)/,
    /\bsort (?:the|these|this)/,
    /\badd (?:a )?(?:comment|docstring|jsdoc|type annotation|types?|log(?:ging)? line)/,
    /\bremove (?:the )?(?:unused|console\.log|comment)/,
    /\bconvert (?:this|it|the)\b.{0,40}\bto\b/,
    /\bturn (?:this|it) into/,
    /\bone-?liner/,
    /\bshorter/,
    /\bsimplify this (?:line|expression|condition)/,
    /\bfix (?:the|this) (?:syntax|import|typo|indentation|lint)/,
  ], 'i')), weight: 0.35, signal: 'small edit' },
  { re: folded(/\bexplain (?:this|the|what|these)\b|\bexplanation of (?:what|how|this|the)\b|\berkläre?\b|\bexplique\b|\bexplica\b|\bspiega\b|\bleg (?:\w+ ){0,3}uit\b/i), weight: 0.2, signal: 'explanation', form: true },
  { re: anyOf([
    /\bregex\b/,
    /\bregular expression/,
    /\bsyntax (?:for|of)/,
    /(?:\bhow (?:do|can) i|^\s*how to) (?!(?:structure|design|architect|scale|organi[sz]e|split|migrate|approach|handle|model|make sure|ensure|guarantee|prevent|avoid|decide|choose|plan|roll|keep|share|sync|stop|reduce|speed|cut|find out|debug|investigate|deal)\b)[a-z]+\b(?! (?:our|the whole|across|between)\b)/,
    /\bwhat(?:'s| is) the (?:best|cleanest|simplest|easiest|fastest|shortest|idiomatic|pythonic|proper|right) way to (?:loop|iterate|write|check|convert|parse|format|print|read|sort|split|join|merge|copy|clone|compare|remove|add|get|declare|initiali[sz]e|return|test|mock|name|round|reverse|filter|map|flatten|dedupe|deduplicate|concatenate|escape|encode|decode)\b/,
    /\bwie kann ich\b/,
    // "comment faire pour qu'un client ne voie jamais …" asks how to ensure something, like "how do I make sure".
    /\bcomment (?:puis-je|faire)\b(?! pour qu)/,
    /\bcómo (?:puedo|hago)\b/,
  ], 'i'), weight: 0.2, signal: 'how-to', form: true },
  { re: folded(/\bunit tests? for (?:this|the) (?:function|method)|\b(?:teste|test) unit[áa]ri[oa] para (?:esta|este) fun|\bunit test voor deze functie|\bwrite (?:a )?test for this\b|\bgenerate (?:a )?(?:getter|setter|constructor|enum|interface|type|dto)/i), weight: 0.2, signal: 'single-function task' },
  { re: folded(/^\s*(?:what(?:'s| is| are| does)\b.{0,50}\b(?:mean|stand for)\b|what(?:'s| is| are) (?:a |an )?[\w-]+(?:\s+[\w-]+)?(?: (?:in|of) [\w.-]+)?\s*\?*\s*$)|\bshort answer|\bin (?:one|a) (?:sentence|word)|\bwas (?:bedeutet|heißt)\b|\bque (?:veut dire|signifie)\b|\bqué significa\b/i), weight: 0.3, signal: 'asks for a definition' },
  // Choosing between two pieces of code (masked to "code"/"name" in the prose) or two language constructs:
  // `==` or `===`, `any` or `unknown`, a for loop or forEach.
  { re: new RegExp(`\\b${CODE_FORM}\\b[^.?!]{0,40}\\b(?:or|vs\\.?|versus|instead of|oder|ou|o)\\b[^.?!]{0,30}\\b${CODE_FORM}\\b`, 'i'), weight: 0.3, signal: 'choice between two code forms' },
  // One DDL statement: "a migration that adds a nullable column" is a one-line schema edit, not a data migration.
  { re: notWhenWe(/\b(?:add|adds|adding|drop|drops|rename|renames|remove|removes)\s+(?:a |an |the |one )?(?:[\w`'"-]+\s+){0,3}(?:column|field|index|constraint)\b/i), weight: 0.3, signal: 'single schema change', form: true },
  { re: anyOf([
    /\bquick (?:one|q(?:uestion)?)\b/,
    /\b(?:tiny|small|little|simple|short) (?:helper|function|method|util(?:ity)?|snippet|script|component|fix|change|tweak)\b/,
    /\bjust (?:a|one) (?:quick|small|simple)/,
    /\bsimple question/,
    /\bprobably (?:missing something )?obvious/,
    /\bin (?:simpler|plain|simple) (?:words|terms|english)\b/,
    /\bin (?:one|a|two|three|\d) (?:sentences?|words?|lines?)\b/,
    /\b(?:one|single|two)[- ]line (?:explanation|answer|summary|description|comment)/,
    /\beli5\b/,
  ], 'i'), weight: 0.15, signal: 'says it is quick' },
  { re: anyOf([
    /\bwhy (?:is|does|do|won't|doesn't|can't|isn't)\b.{0,60}\b(?:this|that|it)\b.{0,20}(?:\?|$)/,
    /\bwhat(?:'s| is) wrong with (?:this|that|my)\b/,
    /\bgive[sn]? (?:an |this )?error\b/,
    /\bwon't compile/,
    /\bdoesn't compile/,
    /\b(?:ca )?(?:ne )?compile pas\b|\bno compila\b|\bnao compila\b|\bnon compila\b|\bkompiliert nicht\b|\bcompiler? error\b/,
    /\bwhat is the output\b/,
    /\bwhat does .{0,40} return\b/,
    /\bwhat(?:'s| is) the (?:output|result|default|shortcut|equivalent|syntax)\b/,
    /\bequivalent of\b/,
  ], 'i'), weight: 0.15, signal: 'asks about a result or error' },
];
