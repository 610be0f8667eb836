// Hard questions asked the way people talk in an editor chat, without a system word (the tenth blind round):
// a casual verdict on a structural choice ("is it dumb to keep everything in one big table"), who can see whose
// data ("can a user see another team's files if they guess the url"), the order of a change across parts ("what
// order do we do this in"), and more words for signals the rules already have (what breaks first, stale values
// after a change, randomness, zero downtime, growth in spelled-out numbers), in every language the rules read.

import type { Rule } from './complexityRules';
import { anyOf } from './normalize';

// Whose things: another team's files, a customer's invoices.
const OTHERS_DATA = '(?:data|files?|records?|orders?|invoices?|documents?|messages?|projects?|accounts?|details|profiles?|reports?|photos?)';
// What a change across parts does: the verbs of 'a safe order for migrating …'.
const CHANGE_VERB = '(?:get(?:ting)?|mov(?:e|ing)|migrat(?:e|ing)|switch(?:ing)?|roll(?:ing)? out|ship(?:ping)?|chang(?:e|ing)|deploy(?:ing)?|releas(?:e|ing)|upgrad(?:e|ing)|split(?:ting)?|merg(?:e|ing)|rewrit(?:e|ing)|replac(?:e|ing)|retir(?:e|ing)|introduc(?:e|ing))';
// What a spelled-out figure counts: users, orders, requests, events, messages, records, devices.
const MANY_OF = '(?:usuarios|utilisateurs|nutzer|benutzer|utenti|clientes|clients|kunden|clienti|pedidos|commandes|bestellungen|ordini|peticiones|requisicoes|requetes|anfragen|richieste|eventos|evenements|ereignisse|eventi|mensajes|mensagens|nachrichten|messaggi|registros|enregistrements|datensatze|dispositivos|appareils|gerate)';

export const VERDICT_SIGNAL = 'judges a structural choice';
export const WHO_SEES_SIGNAL = 'who can see whose data';

// What a structural choice puts in one place or apart: one big table, one repo, its own service, a JSON blob column.
const ONE_PLACE = '(?:' +
  '(?:one|a single|the same|a shared|one shared|a big|a giant|a huge)\\s+(?:big\\s+|giant\\s+|huge\\s+|shared\\s+)?(?:table|database|db|schema|repo|repository|service|server|process|app|application|cluster|bucket|collection|deployment)s?\\b|(?:json|jsonb)\\s+(?:blob|column|field)|' +
  '(?:blob|text)\\s+column|(?:its|their)\\s+own\\s+(?:table|database|db|schema|repo|service|server|app|cluster))';
const VERDICT = anyOf([
  new RegExp(`\\b(?:is it|would it be|is that|am i|are we)\\s+(?:\\w+\\s+)?(?:dumb|stupid|crazy|silly|insane|bad|ok|okay|fine|wrong|lazy|overkill|a (?:bad|terrible|dumb|good|stupid) idea|a mistake)\\s+(?:to|if (?:we|i))\\s+(?:keep|store|put|shove|stuff|dump|have|run|split|merge|share|give|host|move)\\b[^.?!]{0,60}\\b${ONE_PLACE}`),
  /\b(?:es|seria) (?:una )?(?:mala idea|buena idea|una locura|un error|tonto|absurdo)\b[^.?!]{0,60}\b(?:todo en|una sola|un solo|la misma|el mismo|una (?:gran|enorme))\s+(?:\w+\s+)?(?:tabla|base|esquema|repo|repositorio|servicio|servidor|app|aplicacion)/,
  /\b(?:e|seria) (?:uma )?(?:ma ideia|boa ideia|loucura|besteira|burrice|errado)\b[^.?!]{0,60}\b(?:tudo (?:numa|num|em uma|em um)|uma so|um so|uma unica|um unico|a mesma|o mesmo)\s+(?:\w+\s+)?(?:tabela|banco|base|schema|repo|repositorio|servico|servidor|app)/,
  /\b(?:est-ce (?:que c'est |qu'il est )?|c'est |serait-ce )(?:idiot|debile|stupide|une (?:mauvaise|bonne) idee|fou|grave|raisonnable)\b[^.?!]{0,60}\b(?:une seule|un seul|la meme|le meme|tout dans (?:une|un))\s+(?:\w+\s+)?(?:table|base|schema|depot|service|serveur|app|application)/,
  /\bist es (?:\w+ )?(?:quatsch|dumm|blod|unsinn|eine (?:schlechte|gute) idee|ok|okay|verruckt)\b[^.?!]{0,60}\b(?:eine einzige|einer einzigen|eine (?:gro\w+)|einer (?:gro\w+)|alles in (?:einer|einem)|dieselbe|derselben|ein einziges)\s+(?:\w+\s+)?(?:tabelle|datenbank|schema|repo|service|dienst|server|app)/,
  /\be (?:una )?(?:cattiva idea|buona idea|follia|stupido|sbagliato)\b[^.?!]{0,60}\b(?:tutto in (?:una|un)|una sola|un solo|la stessa|lo stesso)\s+(?:\w+\s+)?(?:tabella|database|schema|repo|servizio|server|app)/,
  /(?:全部|所有|都|一切)[^。？！?]{0,8}(?:放|塞|存|写)(?:在|到|进)?(?:一张|一个|同一(?:张|个))(?:大)?(?:表|库|数据库|服务|仓库)[^。？！?]{0,10}(?:好吗|行吗|可以吗|有问题吗|合适吗|不好|蠢|傻)/,
  /(?:全部|すべて|全て)[^。？！?]{0,4}(?:一つ|1つ|ひとつ|同じ)の(?:大きな|巨大な)?(?:テーブル|データベース|db|リポジトリ|サービス)[^。？！?]{0,15}(?:まずい|ダメ|だめ|問題|アリ|あり|良くない|よくない|悪い|やばい)/,
  /(?:전부|다|모든 (?:걸|것을|데이터를)) (?:하나의|한) (?:큰 )?(?:테이블|데이터베이스|db|서비스)[^.?!]{0,15}(?:괜찮|나쁜|별로|문제)/,
  /(?:вс[её]|все данные) в одн(?:ой|у|ом) (?:\S+ )?(?:таблиц|баз|сервис|репозитор)\S*[^.?!]{0,20}(?:плохо|нормально|ошибк|глупо|норм)/,
]);

// Whose data a user can reach: another team's files, "only their own", a guessed URL, logging in as a customer.
const WHO_SEES = anyOf([
  new RegExp(`\\b(?:see|access|read|view|open|download|edit|delete|modify) (?:\\w+ ){0,2}(?:another|other|someone else'?s|somebody else'?s|each other'?s|other people'?s|a different) (?:\\w+ )?(?:team|user|customer|tenant|company|org|organi[sz]ation|client|patient|student|employee|department|account)(?:'s|s'|s)? (?:\\w+ )?${OTHERS_DATA}\\b`),
  /\b(?:can|could|should|must) (?:only|just) (?:see|access|view|read|edit) (?:their|its|his|her) own\b|\bonly (?:see|access|view|read) (?:their|its|his|her) own\b/,
  /\b(?:any|every) (?:[\w-]+ )?(?:user|customer|employee|one|body|member) (?:can|could) (?:open|see|access|view|read|download|edit|delete) (?:any|every|all)\b|\b(?:chang|edit|increment|tweak)\w* the (?:number|id|ids|digits?) in the (?:url|link|address)\b/,
  /\bguess(?:es|ed|ing)? (?:the|an?|another|other|someone'?s) (?:\w+ )?(?:url|urls|id|ids|link|links)\b|\bidor\b|\bimpersonat\w*|\blog(?:s|ged)? in as (?:any|another|other|a different|some other) (?:user|customer|person|client|account)\b/,
  /\bver (?:los |las |el |la )?(?:\w+ ){0,2}de otr[oa]s? (?:cliente|usuario|empresa|equipo|inquilino)s?\b|\bsolo (?:pueda|puedan|vea|vean) (?:\w+ ){0,2}(?:sus|su) propi/,
  /\bver (?:os |as |o |a )?(?:\w+ ){0,2}de outr[oa]s? (?:cliente|usuario|empresa|equipe|time)s?\b|\bso (?:veja|vejam|possa ver|possam ver) (?:os |as )?(?:\w+ ){0,3}(?:da propria|do proprio|seus proprios|suas proprias)/,
  /\bvoir (?:les |la |le |l')?(?:\w+ ){0,2}d'(?:un |une )?autres? (?:client|utilisateur|entreprise|equipe|locataire|societe)s?\b|\bque (?:ses|leurs) propres\b/,
  /\b(?:daten|dateien|rechnungen|bestellungen|dokumente) (?:eines |einer )?(?:anderen|fremder|fremden) (?:kunden|nutzer|benutzer|firma|firmen|teams|mandanten)\b|\bnur (?:seine|ihre) eigenen\b/,
  /\bvedere (?:i |le |il |la |gli )?(?:\w+ ){0,2}di altr[ioea] (?:clienti|cliente|utenti|utente|aziende|azienda)\b/,
  /(?:看到|看得到|访问|查看|看见)(?:别的|其他|其它|别人|别家)(?:公司|用户|租户|团队|客户|人)?的|只能看(?:到)?自己的/,
  /他の(?:会社|ユーザー|顧客|テナント|チーム|人|社員)[^。？！?]{0,25}(?:見え|見られ|閲覧|アクセス)|自分の[^。？！?]{0,10}だけ(?:見|閲覧)/,
  /다른 (?:회사|사용자|고객|테넌트|팀)(?:의)? [^.?!]{0,20}(?:볼 수|보이|접근)/,
  /(?:видеть|видят|видел\S*|доступ к) (?:\S+ ){0,2}(?:чуж|других (?:клиент|пользовател|компани))/,
]);

export const PLAIN_HIGH: Rule[] = [
  { re: VERDICT, weight: 0.3, signal: VERDICT_SIGNAL },
  { re: WHO_SEES, weight: 0.3, signal: WHO_SEES_SIGNAL },
];

// Words for signals that exist already, merged into them by signal (rules.ts).
export const PLAIN_TERMS: Record<string, RegExp[]> = {
  // The order of a change across parts: "what order do we do this in", "先迁哪个", "en qué orden lo hacemos".
  'multi-step task': [
    /\b(?:in )?(?:what|which) order (?:do|should|would|can|could|must) we\b|\band in what order\b/,
    // The order of a change, not of arguments or of learning: "a sensible sequence for getting us off python 2".
    new RegExp(`\\b(?:sensible|safe|safest|right|good|best|correct|reasonable|logical|least risky|sanest|smartest) (?:order|sequence) (?:for|to|in which to) (?:(?:us |we )?${CHANGE_VERB}\\b)`),
    /\bwhat (?:do|should) we (?:do|change|migrate|move|tackle|ship|build|fix|touch) first\b|\bwhich (?:one|part|parts|piece|module|service|system|step) (?:do|should) we (?:\w+ )?first\b/,
    /\ben que orden (?:\w+ )?(?:\w+(?:amos|emos|imos)|hacer|hacerlo|migrar|cambiar)\b|\bem que ordem (?:\w+ )?(?:\w+(?:amos|emos|imos)|fazer|migrar|mudar)\b/,
    /\bdans quel ordre (?:\w+ )?(?:(?:on|nous) \w+|faire|migrer|changer|proceder)\b|\bin che ordine (?:\w+ )?(?:\w+iamo|fare|migrare)\b/,
    /先(?:迁|改|做|上|动|拆|切|换)哪|哪个先(?:迁|改|做|上|动|拆)|(?:どの|どういう)順番で(?:移行|移し|切り替え|進め|リリース|置き換え)|何から(?:手を付け|移行)|어떤 순서로 (?:옮|마이그레이션|전환|바꾸|배포|진행)|뭐부터 (?:옮|바꾸)|в каком порядке (?:\S+ )?(?:мигрир|перенос|перевод|выкатыв|переезж|меня)/,
    /一步步|分步/,
  ],
  'migration': [
    /\b(?:get|getting|move|moving) (?:us |ourselves |everything |everyone )?off (?:of )?(?!the\b|a\b|this\b|my\b|your\b|work\b)[\w.+-]+/,
    /迁到新(?:系统|平台|架构|集群|机房|库|数据库|服务)|迁到(?:云|k8s|kubernetes|aws|阿里云)|迁过去|切到新系统|切换到新系统/,
  ],
  // What a change does to everyone else: which parts must change, what to worry about, what it does to us.
  'weighs consequences': [
    /\b(?:which|what) (?:parts?|modules?|services?|places?|screens?|systems?|components?|tables?) (?:of (?:the|our) (?:\w+ )?)?(?:need|needs|have|has|would need|will need|must) to (?:change|be changed|be touched|be updated)\b/,
    /\bwhat (?:should|do) we (?:need to )?(?:worry|be worried|be concerned) about\b|\bwhat (?:does|will|would) (?:that|this|it) do to (?:us|our (?:db|database|bill|costs?|servers?|system|infra\w*|budget|storage|latency|team))\b/,
    /\b(?:does|would|will) (?:it|this|that|the (?:answer|fix|approach|design)) change if (?:we|they|there)\b/,
    // "What breaks first" when something grows, not what breaks in a test.
    /\b(?:que|qu'est-ce qui|o que|cosa|was) (?:se |si )?(?:rompe|quebra|casse|lache|bricht|geht kaputt) (?:primero|primeiro|en premier|d'abord|zuerst|als erstes|per prim[oa]|prima)\b/,
    /最先(?:扛|撑|顶)不住|(?:扛|撑|顶)不住的?(?:会是|是)?(?:哪|什么)|先崩|(?:増え|倍|万)[^。？！?]{0,20}何が(?:先に)?(?:壊れ|落ち|詰ま)|뭐가 먼저 (?:터|죽|깨)|что (?:первым )?(?:упад[её]т|ляжет)/,
  ],
  'asks how to approach it': [/\bwhat should (?:this|it|that) (?:actually |really )?look like\b/],
  // Two courses of action offered for a verdict: "would you split X into its own app or keep it", "rewrite or just fix".
  'weighs alternatives': [
    /\bwould you (?![^.?!]{0,60}\b(?:file|function|helper|variable|constant|class|component|test|comment|loop|regex|string|method|line|snippet|import|type|interface)s?\b)(?:\w+ )?(?:split|move|keep|put|rewrite|merge|build|buy|host|run|go with|start)\b[^.?!]{0,60}\bor (?:just )?(?:keep|leave|stick|stay|put|split|move|rewrite|fix|patch|refactor|build|buy|go)\b/,
    /\b(?:rewrite|rebuild|redo)\b(?! (?:this|the|my) (?:file|function|helper|variable|class|component|test|comment|loop|regex|string|method|line|snippet|query)s?\b)[^.?!]{0,40}\bor (?:just )?(?:fix|patch|refactor|clean|keep|improve)\b/,
  ],
  'structural change': [
    /\b(?:into|in|as) (?:its|their) own (?:app|application|service|microservice|repo|repository|process|server|deployment)\b/,
    /\b(?:en|como) (?:su|un) (?:propio )?(?:servicio|app|repositorio) (?:propio|aparte|separado)\b|\b(?:num|em um|como um) (?:servico|app|repositorio) (?:proprio|separado)\b|\bdans (?:son|un) propre (?:service|depot)\b|\b(?:in einen |als )?eigenen (?:service|dienst|repo)\b|单独(?:的)?(?:服务|应用)|独立(?:的)?(?:服务|应用)|別(?:の)?(?:サービス|アプリ)に(?:分け|切り出)/,
    /\brewrit(?:e|ing) (?:it |everything |the whole thing )?from scratch\b|\b(?:big|full) rewrite\b/,
    /\b(?:live|belong|sit|run|go) in (?:a |its own |their own )?separate (?:service|app|application|repo|repository|database|db|microservice|process|deployment)\b/,
  ],
  // A value still shown for a while after it changed: "yesterday's prices for a while after we change them".
  'stale read after a write': [
    /\b(?:see|sees|seeing|shows?|showing|shown|displays?|displaying|returns?|returning|gets?|getting|still) (?:\w+ )?(?:yesterday'?s|last (?:week|month|night)'?s|the previous day'?s) (?:\w+ )?(?:prices?|numbers|data|values?|stock|balances?|rates?|totals?|content|menu|schedule)\b/,
    /\b(?:keep|keeps|kept|still) (?:seeing|getting|receiving|returning|loading|serving) (?:the )?(?:old|previous|stale|outdated)\b(?! (?:\w+ )?(?:version|package|file|build|bundle|image|css|js|script|node_modules)\b)/,
    /\bfor (?:a while|a bit|some time|hours|minutes) after (?:we |they |you |i |someone |an? |the )?(?:\w+ )?(?:chang|updat|edit|deploy|publish|sav)\w*/,
    /\b(?:precios|saldos) de ayer\b|\bdurante un (?:rato|tiempo) (?:despues|tras)\b|\b(?:prix|soldes) d'hier\b|\bpendant un moment apres\b/,
    /\b(?:preise|kontostande) von gestern\b|\bnoch eine (?:weile|zeit) nach\b|\b(?:precos|saldos) de ontem\b|\bpor um tempo depois\b|\b(?:prezzi|saldi) di ieri\b|\bper un po' dopo\b/,
    /昨天的(?:价格|库存|余额)|昨日の(?:価格|値段|在庫|残高)|어제 (?:가격|재고|잔액)|вчерашн\S* (?:цен|остатк|баланс)/,
  ],
  // "Works one moment, not the next" (时好时坏), and the busy days of a shop.
  'intermittent behaviour': [
    /时好时坏|时灵时不灵/,
    /\b(?:sale|launch|release|promo|campaign) days?\b/,
  ],
  'fails only sometimes or somewhere': [
    // After *we* added a second server, as in English ("after we added a second …"): not "since I added one to my file".
    /(?:\b(?:depois que|desde que|despues de que|dopo che|da quando) (?:\w+ )?(?:\w+(?:amos|emos|imos|iamo)|abbiamo)\b|\bdepuis qu'on a\b|\bdepuis que nous avons\b|\bseit(?:dem)? wir\b)[^.?!]{0,30}\b(?:segund[oa]|outr[oa]|otr[oa]|deuxieme|second|autre|zweite[nr]?|weitere[nr]?|secondo|altro) (?:servidor|serveur|server|instancia|instance|instanz|pod|nodo|maquina|machine|maschine|replica)\b/,
    /加了(?:一台|第二台)(?:服务器|机器)|第二台(?:服务器|机器)|2台目の(?:サーバー|インスタンス)|서버를 (?:두|2) ?대로|두 번째 서버|второ(?:й|го) сервер/,
  ],
  'hard systems problem': [
    /不停机|零停机|无停机|停机上线|停服|無停止|ダウンタイム(?:なし|ゼロ|を(?:なくし|避け|出さず))|무중단|без простоя/,
    // A zone or a machine room going down, and service that must not stop: 宕机, 可用区挂了, 服务不中断.
    /宕机|可用区|服务不中断|机房(?:断电|故障)|アベイラビリティゾーン|가용 영역|зона доступности/,
    /\bsin (?:tiempo de )?(?:inactividad|caida|parar el servicio|cortar el servicio)\b|\bsem (?:parar|derrubar) o (?:sistema|servico|site)\b|\bsem tempo de inatividade\b|\bsans (?:interruption|coupure)(?: de service)?\b|\bohne (?:ausfallzeit|unterbrechung)\b|\bsenza (?:fermare|interruzion\w*)\b/,
  ],
  'figures of scale': [
    new RegExp(`\\b(?:(?:cien|cem|dez|diez|cent|hundert|zehn|cento|dieci) ?(?:mil|mille|tausend)|(?:un|um|eine) (?:millon|milhao|million|milione)(?: de| di)?) (?:de )?${MANY_OF}\\b`),
    /(?:到|从|涨到|增长到|破)[一二三四五六七八九十两几百千]+万|(?<![一二三四五六七八九十两几百千])[一二三四五六七八九十两几百千]+万(?:用户|人|条|行|次|订单|请求|并发|级)/,
  ],
  'work lost or done twice': [/\b(?:sell|sold|selling|book|booked|booking|issue|issued|ship|shipped|allocate|allocated|reserve|reserved|hand(?:ed)? out|give|gave) (?:\w+ ){0,2}more than (?:we )?(?:have|had)\b/],
};
