// The shape of a question, apart from its topic words: which part is prose (identifiers, code and quoted text
// are masked so `ArchitectureService` or `distributedLock` do not read as topics), whether it is a direct edit,
// what it is about (one piece of code or the whole system), how many questions it asks, and an explicit
// `#cloud` / `#local` hint. All linear regexes over the question only.

import { anyOf, foldAccents, folded, normalizeText, words } from './normalize';
import { FEWER_FOLLOW_UP, FEWER_OWNERS, FEWER_PARTS } from './fewerSpokenWords';

export type RouteHint = 'cloud' | 'local';

/** `#cloud` or `#local` typed anywhere in the question, as a word of its own. The last one wins. */
export function routeHint(question: string): RouteHint | undefined {
  let hint: RouteHint | undefined;
  for (const m of question.matchAll(/(?:^|[\s(])#(cloud|local)\b/gi)) hint = m[1].toLowerCase() as RouteHint;
  return hint;
}

/**
 * The question with code and names replaced by neutral placeholders: fenced blocks, `inline code`, quoted
 * strings, camelCase / PascalCase-with-inner-capital / snake_case / dotted names and calls. Topic rules run on
 * this, so a class called ArchitectureService or a constant ORDERS_TOPIC is a name, not a subject.
 */
export function proseOf(question: string): string {
  return maskCodeLines(normalizeText(question))
    .replace(/```[\s\S]{0,200000}?(?:```|$)/g, ' code ')
    .replace(/`[^`\n]{0,200}`/g, ' code ')
    .replace(/(?<![\w'])'[^'\n]{1,80}'(?!\w)|"[^"\n]{1,80}"/g, ' text ')
    .replace(/#(?:cloud|local)\b/gi, ' ')
    // An address or connection string is a name: "mongodb://…/prod" names no database part the asker talks about.
    .replace(/\b[a-z][a-z0-9+.-]{1,15}:\/\/[^\s"'`<>]{1,500}/gi, ' address ')
    // A long unbroken token of letters and digits (a key, a hash, base64) is a name: the random "2x" or "5m" inside a
    // pasted key is no figure of scale, so a request's score does not depend on which key it carries.
    .replace(/(?<![\w+/=-])(?=[\w+/=-]{0,200}?\d)(?=[\w+/=-]{0,200}?[a-z])[\w+/=-]{20,}(?![\w+/=-])/gi, ' token ')
    .replace(NEGATED_ASK, '$1 negated ')
    .replace(/\b[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(\))?|\b[A-Za-z_$][\w$]*\(\)/g, ' name ')
    .replace(/\b[a-z]+[A-Z][A-Za-z0-9]*\b|\b[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*\b|\b[A-Za-z0-9]+_[A-Za-z0-9_]+\b/g, (w) => (KNOWN_PRODUCTS.has(w.toLowerCase()) ? w : ' name '));
}

const NEG_WORD = '(?!to\\b|downtime\\b|just\\b|only\\b|but\\b|nur\\b|juste\\b|solo\\b|so\\b)[\\w\\u0400-\\u04ff-]+';
// "I'm not asking for a redesign", "no need for a migration plan", "ich will kein Refactoring": what the asker rules out
// is not the task, so its topic words are masked. Consequences stay ("so old clients don't break", "without
// downtime"): those are constraints the asker wants kept. The object ends at punctuation or at the real ask.
const NEGATED_ASK = folded(new RegExp(`(?<![\\w\\u0400-\\u04ff])(${words([
  "(?:i'?m |we'?re |i am |we are )?not (?:asking|looking) for", 'no need for', "(?:i |we )?(?:don'?t|do not) need",
  'not a (?:full|big|whole)', 'ich (?:will|brauche) kein(?:e|en)?', 'je ne (?:demande|veux) pas', "pas besoin (?:de|d')",
  'no (?:pido|quiero|necesito)', 'no hace falta', 'nao (?:preciso|quero)(?: de)?', 'non (?:chiedo|voglio|serve)',
  'не нужн[аоы]?', 'не прошу',
])})(?:\\s+|(?<='))((?:a |an |the |any |un |une |una |uma |um |ein |eine )?${NEG_WORD}(?: ${NEG_WORD}){0,2})`, 'gi'));

// A line of code pasted into the question without a fence: it ends in ; { } or ), opens with a keyword or a
// closing bracket, or is indented under a line that ended in ':' or '{'. Prose lines are kept.
const CODE_LINE = anyOf([
  /^\s*(?:[}\])]|(?:const|let|var|function|def|class|import|from|return|if|elif|else|for|while|public|private|func|fn|package|#include|select|insert|update|delete)\b[^\n]*[=({:;\]]|[\w.$]+\s*(?:=|\+=|-=|:=)\s*\S)/,
  /[;{}]\s*$/,
  /^\s*\/\//,
  /^\s*#(?!(?:cloud|local)\b)\s/,
  /^(?: {2,}|\t)\S/,
  // Pasted material that is no prose: key armour and long unbroken tokens (base64, hashes, URLs on their own line).
  /^\s*-{3,}(?:BEGIN|END) [A-Z ]+-{3,}\s*$|^\s*\S{40,}\s*$/,
  // A tool's error line ("TypeError: …", "Error [ERR_X]: …", "reason: …Error: …", "panic: …"): the words are the
  // tool's, quoted; what the asker says about them is in the prose around it.
  /^\s*(?:uncaught |unhandled )?(?:[\w.]*(?:error|exception|rejection)(?: \[[\w-]+\])?|panic|fatal error|reason|caused by):\s/,
  // A frame of a Go (or any) trace whose arguments are addresses ("main.(*Cache).Set(0xc000126000, …)"), the
  // trace's goroutine headers, and a shell prompt with its command ("$ kubectl describe pod …").
  /^\s*\S{1,200}\((?:\{?0x|\.\.\.\))|^\s*goroutine \d+ \[|^\s*created by \S|^\s*\$ \S/,
  // A row of a command's table output: three or more columns of a few words, set apart by runs of spaces.
  /^\s*\S+(?: \S+){0,2}(?: {2,}\S+(?: \S+){0,2}){2,}\s*$/,
], 'i');

export function maskCodeLines(question: string): string {
  if (!question.includes('\n')) return question;
  // A run of code lines becomes one placeholder: forty pasted lines are one thing the user refers to.
  const out: string[] = [];
  for (const line of question.split('\n')) {
    if (!CODE_LINE.test(line)) out.push(line);
    else if (out[out.length - 1] !== ' code ') out.push(' code ');
  }
  return out.join('\n');
}

/** Lines of code pasted into the question (fenced or not): they count as context, not as words. */
export function pastedCodeLines(question: string): number {
  if (!question.includes('\n')) return 0;
  let n = 0;
  let fenced = false;
  for (const line of question.split('\n')) {
    if (/^\s*```/.test(line)) { fenced = !fenced; continue; }
    if (fenced || CODE_LINE.test(line)) n++;
  }
  return n;
}

// Product names written in inner capitals are topics, not identifiers from the user's code.
const KNOWN_PRODUCTS = new Set(['graphql', 'postgresql', 'dynamodb', 'mongodb', 'rabbitmq', 'mysql', 'launchdarkly',
  'github', 'gitlab', 'javascript', 'typescript', 'nodejs', 'nextjs', 'redis', 'elasticsearch', 'opentelemetry',
  'cockroachdb', 'clickhouse', 'bigquery', 'websocket', 'websockets', 'grpc', 'oauth', 'openapi', 'sqlite', 'ios', 'macos',
  'ipados', 'watchos', 'iphone', 'ipad', 'devops', 'gitops', 'mlops', 'fastapi', 'nestjs', 'nuxtjs', 'vuejs', 'reactjs']);

// Polite or filler openings in front of the real verb ("hey, quick one: could you please rename …").
const LEAD_IN_WORDS = [
  'hey', 'hi', 'hello', 'ok(?:ay)?', 'so', 'thanks!?', 'thank you', 'quick (?:one|q(?:uestion)?)', 'please', 'pls', 'plz',
  'now', 'also', 'and', 'then', 'just', 'simply', 'only', 'nur', 'juste', 'simplement', 'solo', 'solamente', 'so', 'apenas',
  'soltanto', 'alleen', 'can (?:you|u)', 'could (?:you|u)', 'would you', 'will you', 'i (?:want|need) you to', 'help me',
  'kannst du', 'könntest du', 'bitte', 'peux-tu', 'pourrais-tu', 'puedes', 'podrías', 'por favor', '(?:você )?pode(?:ria)?',
  'puoi', 'potresti', 'per favore', 'kun je', 'kan je', 'kunt u', 'alsjeblieft',
];
const LEAD_IN = new RegExp(`^(?:\\s*${words(LEAD_IN_WORDS)}[\\s,:!.-]+)+`, 'i');

// Verbs that ask for a direct change to code the user is looking at, in the languages the classifier knows. A question that starts with one is an edit even when its object mentions a big topic.
const EDIT_VERBS = [
  'rename', 'add', 'insert', 'remove', 'delete', 'drop', 'change', 'update', 'fix', 'correct', 'format', 'reformat', 'sort',
  'translate', 'convert', 'turn', 'make', 'extract', 'inline', 'replace', 'wrap', 'document', 'generate', 'split this',
  'shorten', 'simplify', 'use', 'move this', 'reorder', 'indent', 'capitali[sz]e',
  'umbenennen', 'benenne', 'ändere', 'füge', 'entferne', 'korrigiere', 'formatiere', 'übersetze',
  'renomme', 'ajoute', 'supprime', 'corrige', 'modifie', 'traduis',
  'cambia', 'renombra', 'añade', 'agrega', 'elimina', 'traduce',
  'renomeie', 'renomear', 'adicion[ea]', 'corrija', 'remova', 'converta', 'escreva',
  'rinomina', 'aggiungi', 'correggi', 'rimuovi', 'converti', 'scrivi',
  'hernoem', 'voeg', 'verwijder', 'corrigeer', 'schrijf', 'verbeter',
];
// "write a docstring …", and "write/generate/create (me) a … yaml/script/test/…" with up to three words between.
const WRITTEN_ALONE = ['docstring', 'jsdoc', 'comment', 'one-liner', 'unit test', 'test', 'type', 'interface'];
const ARTIFACTS = [
  'yaml', 'yml', 'dockerfile', 'config', 'makefile', 'script', 'function', 'class', 'tests?', 'query', 'regex', 'component',
  'interface', 'type', 'enum', 'readme', 'snippet', 'example', 'migration', 'endpoint', 'handler',
];
// Setting a value is an edit whatever the value names ("bump the memory limit to 1Gi and replicas to 5").
// Not when what is raised is how the system performs ("raise the throughput of our pipeline to 500k events a second").
const SET_VALUE = '(?:bump|set|raise|lower|increase|decrease|change)\\b(?! (?:the |our )?(?:throughput|capacity|availability|performance|scale|uptime|reliability|concurrency)\\b)[^.?!]{0,60}\\bto ~?\\d[\\w.]*';
const EDIT_VERB = new RegExp(`^(?:${SET_VALUE}|${words(EDIT_VERBS)}|write (?:a |an |the )?${words(WRITTEN_ALONE)}`
  + `|(?:write|generate|create) (?:me )?(?:a |an |the )?(?:[\\w-]+ ){0,3}${words(ARTIFACTS)}\\b)\\b`, 'i');

// German puts the verb last after a modal ("kannst du die Funktion umbenennen?").
const EDIT_VERB_LAST = folded(/\b(?:umbenennen|hinzufügen|ergänzen|entfernen|löschen|ändern|korrigieren|beheben|formatieren|übersetzen|kommentieren|sortieren|vereinfachen|umwandeln|einrücken)\s*[.!?]*\s*$/i);

// ... unless the sentence is a question about what the team should do ("was sollten wir grundsätzlich ändern?").
const GERMAN_WH_WE = /\b(?:was|wie|warum|weshalb|wo|welche[nrs]?|wann)\b[^.!?]*\b(?:wir|ihr|man)\b[^.!?]*[.!?]*\s*$/i;

// "change our queue design so …", "update the architecture so …": an edit verb whose object is a design is a redesign.
const EDITS_A_DESIGN = /^\S+\s+(?:our|the whole|the overall|the system'?s?)\s+(?:\S+\s+){0,2}(?:design|architecture|strategy|approach|topology)\b/i;

// In Japanese, Korean and Chinese the verb comes last: an English operation name that opens such a sentence is its
// topic ("insertの後に…", "update 후에…", "delete之后…": after an insert), not an imperative, unless the verb-making
// ending follows it ("fix一下", "renameして", "add 해 주세요").
const CJK_NEXT = /^\s*[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
const CJK_IMPERATIVE = /^\s*(?:して|しろ|しといて|してください|してほしい|하세요|해\s*(?:줘|주|요|라)|하자|一下|掉|成|为|為)/;

// Where the code lives, said before the verb: "in our raft consensus module change this log line …", "im
// Zahlungsdienst, benenne …". The place is a scene; the verb after it is the ask.
const PLACE_DETERMINERS = ['our', 'the', 'this', 'my', 'a', 'unserem', 'unserer', 'diesem', 'dieser', 'nuestro', 'nuestra', 'el', 'este', 'esta', 'nosso', 'nossa', 'notre', 'le', 'ce', 'nostro', 'nostra'];
const PLACES = ['module', 'service', 'microservice', 'file', 'repo', 'repository', 'codebase', 'app', 'project', 'package', 'component', 'library', 'system', 'cluster', 'pipeline', 'backend', 'frontend',
  'modul', 'dienst', 'datei', 'modulo', 'servicio', 'archivo', 'arquivo', 'servico', 'fichier', 'servizio'];
const PLACE_FIRST = new RegExp(`^(?:in|inside|within|im|en|no|na|dans|nel(?:la)?)\\s+(?:${words(PLACE_DETERMINERS)}\\s+)?(?:[\\w-]+\\s+){0,4}?${words(PLACES)}s?\\s*,?\\s+`, 'i');

export function isDirectEdit(prose: string): boolean {
  const ask = prose.replace(LEAD_IN, '').replace(PLACE_FIRST, '').replace(LEAD_IN, '').trimStart();
  const verb = EDIT_VERB.exec(ask);
  const rest = verb ? ask.slice(verb[0].length) : '';
  const imperative = verb !== null && (!CJK_NEXT.test(rest) || CJK_IMPERATIVE.test(rest));
  return (imperative && !EDITS_A_DESIGN.test(ask)) || (EDIT_VERB_LAST.test(prose) && !GERMAN_WH_WE.test(prose));
}

/**
 * The last sentence of a request that sets the scene first ("we're on Go, Postgres and Kafka … can you write a
 * test for it?"), when no earlier sentence asks a question of its own; undefined otherwise. Code placeholders
 * are not sentences.
 */
export function finalAskAfterScene(prose: string): string | undefined {
  const sentences = prose.split(/(?<=[.?!;:])\s+/).map((p) => p.trim()).filter((p) => p !== '' && p !== 'code');
  if (sentences.length < 2 || sentences.slice(0, -1).some((p) => /\?\s*$/.test(p))) return undefined;
  return sentences[sentences.length - 1];
}

/**
 * True when, after its first sentence, the request asks a question of its own ("Rename x, and also: will our
 * token cache break with several pods?"). An edit verb at the start then speaks only for the first part.
 */
export function asksSomethingElse(prose: string): boolean {
  const parts = prose.split(/(?<=[.?!;:])\s+/).slice(1);
  // A later "can you fix the table formatting in it?" is the ask itself, put politely, not a second question.
  return parts.some((p) => p.trim().split(/\s+/).length >= 4 && /\?\s*$/.test(p) && !isDirectEdit(p.trim()));
}

// "this line", "the variable", "these imports", "this useEffect" (a masked name): the object is one piece of
// code. "that" only right before the noun: "a package that everything imports" is a relative clause.
const POINTERS = ['this', 'these', 'the', 'my', 'der', 'die', 'das', 'diese[rs]?', 'cette', 'ce', 'ces', 'este', 'esta', 'estos', 'el', 'la'];
const CODE_PIECES = [
  'name', 'line', 'lines', 'test', 'branch', 'commit', 'script', 'query', 'component', 'variable', 'var', 'function', 'func',
  'method', 'helper', 'hook', 'wrapper', 'decorator', 'loop', 'regex', 'expression', 'condition', 'snippet', 'parameter', 'param', 'params', 'parameters', 'field',
  'fields', 'import', 'imports', 'comment', 'string', 'button', 'section', 'paragraph', 'readme', 'statement', 'block',
  'one-liner', 'header', 'array', 'object', 'call', 'error message', 'message', 'constant', 'enum', 'getter', 'test case', 'typo',
  'zeile', 'funktion', 'schleife', 'ligne', 'fonction', 'boucle', 'línea', 'función', 'bucle', 'mensaje',
];
// "the selected class", "the highlighted lines", "this selection": the editor's selection is code in view.
const SELECTED = '(?:(?:the|this|my)\\s+)?(?:selected|highlighted|marked)\\s+(?:\\w+\\s+){0,2}?(?:code|class|lines?|function|method|snippet|block|part|text|component|query)|(?:the|this|my)\\s+(?:current\\s+)?selection';
const LOCAL_SCOPE = new RegExp(`\\b(?:(?:${words(POINTERS)}\\s+(?:\\w+\\s+){0,2}|that\\s+)${words(CODE_PIECES)}s?|${SELECTED})\\b`, 'i');
const LOCAL_SCOPES = new RegExp(LOCAL_SCOPE.source, 'gi');

// Nouns that name parts of a running system rather than a piece of code. Several of them in one question,
// or any of them owned by "our"/"we", mean the question is about the system.
const SYSTEM_NOUNS = new RegExp([
  /\b(?:micro)?services?\b|\bdienste?n?\b|\b(?:micro)?servicios?\b|服务|サービス|서비스|сервис/.source,
  /\b(?:pods?|instances|nodes|edge nodes?|cluster|fleet|replicas?|regions?|k8s|kubernetes|traffic|servers?)\b|服务器|节点|集群|サーバー|ノード|クラスタ|서버|노드|클러스터|сервер|узл|кластер/.source,
  /\b(?:queues?|consumers?|producers?|consommateurs?|consumidor(?:es)?|downstream|upstream|callers|brokers?|topics|webhooks?|workers?|worker pool|cron|jobs?|batch|fila|filas|cola|colas|file d'attente|warteschlangen?)\b|队列|消费者|キュー|コンシューマー|バッチ|큐|컨슈머|워커|배치|очеред|воркер|консьюмер/.source,
  /\b(?:database|db|base de datos|base de données|datenbank|bases de datos|tables?|schema|postgres|mysql|dynamodb|mongodb|replica|read model|index(?:es)?)\b|数据库|データベース|데이터베이스|баз[аеуы] данных|(?<![а-яё])базу/.source,
  /\b(?:cache|caching|cdn|redis|memcached|caché)\b|缓存|キャッシュ|캐시|кэш|кеш/.source,
  /\b(?:frontend|front-end|clients?|mobile apps?|web apps?|desktop apps?|browser|ios|android)\b|客户端|前端|クライアント|フロントエンド|클라이언트|프론트엔드|клиент|фронтенд/.source,
  /\b(?:gateway|api gateway|load balancer|proxy|backend|back-end|api|bff)\b|网关|负载均衡|后端|ゲートウェイ|ロードバランサー|バックエンド|게이트웨이|로드밸런서|백엔드|шлюз|балансировщик|бэкенд/.source,
  /\b(?:production|prod|deploy(?:s|ment|ments)?|releases?|rollout|ci|pipeline|builds?)\b|生产环境|线上|部署|本番|デプロイ|운영|배포|продакшен|прод(?![а-яё])|деплой/.source,
  /\b(?:tenants?|customers|teams?|engineers)\b/.source,
  /\b(?:codebase|monorepo|modules|packages?|layers?|libraries|plugins?|sdk|apis)\b/.source,
].map((source, i) => `(${foldAccents(FEWER_PARTS[i] ? `${source}|${FEWER_PARTS[i]}` : source)})`).join('|'), 'gi');

// Figures of scale: "10x the traffic", "5k writes/s", "50M rows", "2TB", "40 engineers".
export const SCALE_FIGURES = anyOf([
  /\b\d+(?:[.,]\d+)?\s?(?:x|million|billion)\b/,
  // A size given to a setting is a value, not a scale: "raise client_max_body_size to 50m", "set the heap to 2g".
  /(?<!\b(?:set|sets|setting|raise|raising|bump|bumping|increase|increasing|lower|lowering|change|changing|decrease|decreasing|limit)\b[^.?!]{0,50}\bto\s?~?)\b\d+(?:[.,]\d+)?\s?(?:k|m|tb|gb)\b(?!\s*(?:ms|px)\b)/,
  /\b\d+(?:[.,]\d+)?\s?(?:k|m)\s+(?:\w+\s)?(?:events|users|rows|requests|jobs|messages|writes|reads|records|customers|connections|calls|orders|items|devices|sessions)\b/,
  /\b\d+(?:[.,]\d+)?\s?(?:k\s?)?(?:rps|qps|(?:requests|writes|reads|msgs|messages|events|redirects|ops|points|rows|records|jobs|calls|users)\s?(?:\/\s?s(?:ec)?\b|per (?:second|sec|minute|min)\b))/,
  /\b\d+\s+(?:engineers|developers|teams|services|instances|replicas|pods|nodes|screens|functions|lambdas|apps|modules|tenants|customers|regions|callers|clients|users|servers|écrans|équipes|utilisateurs|serveurs|pantallas|equipos|usuarios|servidores|nutzer|benutzer|teams|millions?|millones|millionen)\b/,
  /\b\d+(?:\.\d+)?\s?m(?:illion)?\s+(?:loc|lines|rows|users|records)\b/,
  // Growth said as a multiple in other languages: "aumenta di 10 volte", "10 fois plus", "в 10 раз больше", "10배".
  /\b\d+\s?(?:fois|veces|vezes|volte|mal|keer|times)\s+(?:plus|mas|mais|piu|mehr|meer|more|so)\b/,
  /\b(?:aumenta|aumentan|crece|crecen|cresce|augmente|steigt|wachst|grows?|increases?|multipli\w*)\s+(?:de |di |en |em |um |by )?\d+\s?(?:x|fois|veces|vezes|volte|mal|times)\b/,
  /(?<![а-яё])в \d+ раз|\d+\s?배|\bx\d+\b/,
], 'i');

// "our schema file", "the pipeline config", "the api docs": a system noun used to name one file the user has open.
const NAMES_A_FILE = /^\s+(?:files?|config(?:uration)?(?: files?)?|docs?|definitions? files?|yaml|json)\b/i;

/**
 * The system parts the question names, one per kind of part ("services", "database", "cache"), each shown by the
 * first word that named it. "Index, table and Postgres" are one part, the database; "queue and database" are two.
 */
export function systemParts(prose: string): string[] {
  const found = new Map<number, string>();
  for (const m of prose.matchAll(SYSTEM_NOUNS)) {
    if (NAMES_A_FILE.test(prose.slice(m.index + m[0].length, m.index + m[0].length + 12))) continue;
    const group = m.slice(1).findIndex((g) => g !== undefined);
    if (!found.has(group)) found.set(group, m[0].toLowerCase().replace(/'?s$/, ''));
  }
  return [...found.values()];
}

// The same pointing at one piece of code in Chinese, Japanese, Korean and Russian.
const LOCAL_SCOPE_CJK_RU = /(?:这个|这段|該|この|이 ?)(?:函数|代码|变量|方法|関数|コード|変数|メソッド|正規表現|함수|코드|변수|메서드|정규식)|(?:эт(?:а|от|у|о|ой)) (?:функци|код|переменн|метод|регулярк|строк)/i;

// "the recommendation service call …" points at a system part, not at one piece of code.
// So does a code word used to name a running thing: "the import job", "the comment service", "the test cluster".
const NEXT_WORDS = /^(?:\s+[\w-]+){0,2}/;

// "The payment call", "the stripe request": a call that crosses the network to another system is no piece of code.
const REMOTE_CALL = /\b(?:payment|charge|billing|stripe|paypal|bank|e-?mail|sms|webhook|provider|vendor|third-party|external|remote|network)\s+(?:\w+\s+)?(?:call|request)s?\b/i;

export function isLocalScope(prose: string): boolean {
  for (const m of prose.matchAll(LOCAL_SCOPES)) {
    const end = m.index + m[0].length;
    if (systemParts(m[0] + (NEXT_WORDS.exec(prose.slice(end))?.[0] ?? '')).length === 0 && !REMOTE_CALL.test(m[0])) return true;
  }
  return LOCAL_SCOPE_CJK_RU.test(prose);
}

export function ownsSystem(prose: string): boolean {
  return /\b(?:our|we|we're|we've|we'd|us|unsere?[mnrs]?|wir|nos|notre|nous|nuestr[oa]s?|nosotros|noss[oa]s?|temos|nostr[oaie]|abbiamo|onze|ons|wij)\b|我们|我們|咱们|当社|弊社|うちの|私たち|우리|저희|(?<![а-яё])(?:наш[аеиу]?[мхй]?|мы)(?![а-яё])/i.test(prose) || FEWER_OWNERS.test(prose);
}

/** Separate questions asked: question marks ending a clause, plus inline "1) … 2) … 3)" enumerations. */
export function questionCount(prose: string): number {
  const marks = (prose.match(/\?+(?=\s|$)/g) ?? []).length;
  const enumerated = (prose.match(/(?:^|\s)\d[.)]\s+\S/g) ?? []).length;
  return Math.max(marks, enumerated);
}

// Openings of a follow-up that leans on the previous turn ("ok and how …", "what about …", "and if …").
const FOLLOW_UP = /^(?:ok(?:ay)?|so|and|but|then|what about|how about|and what|and how|also|same|right|yes|no|hmm|got it|thanks)\b|\b(?:that|this|it|the (?:first|second|third|other|last) (?:one|option|approach))\b/i;

// "Now do the same for the websockets", "lo mismo con la otra", "那另一个也一样": the previous task again, for another
// object. It is exactly as hard as the turn it repeats, so it inherits all of that turn's score (see complexity.ts).
const REPEATS = anyOf([
  /\b(?:do|doing|repeat|apply) (?:the same|that|this|it) (?:again |too |also )?(?:for|with|to|on|in)\b|\b(?:the )?same (?:thing |for|with|here)|\blikewise\b|\bditto\b/,
  /\b(?:lo mismo|o mesmo|la meme chose|lo stesso|dasselbe|das gleiche|das selbe|genauso|hetzelfde)\b/,
  /(?<!不)(?:也|都)?(?:一样|同样)(?:的)?(?:改|做|处理)?|同じ(?:ように|こと)|마찬가지로|똑같이|то же самое|так же/,
]);

export function isFollowUp(prose: string, words: number): boolean {
  return words <= 14 && (FOLLOW_UP.test(prose.trim()) || FEWER_FOLLOW_UP.test(prose.trim()) || REPEATS.test(prose));
}

/** A follow-up that asks for the previous task again, for another object. */
export function repeatsLastTask(prose: string, words: number): boolean {
  return words <= 14 && REPEATS.test(prose);
}
