// Round 13: hard problems told as one short symptom, and small asks told in big words.
// - Symptoms with no "when" or "sometimes" in them: "some users get emails meant for other users", "search still
//   shows products we deleted", "a few big customers say every page takes 10 seconds", "and if the network drops
//   halfway through?". Each names a fault between running parts; no single snippet holds its cause.
// - Textbook asks: "what is blue green deployment", "whats the diff between X and Y", "qué es una arquitectura
//   hexagonal", "list the consistency levels in cassandra". Small however big the term, unless about our system.
// - A how-to in one named tool ("how do I create an index concurrently in postgres", "come si configura un consumer
//   group in kafka con python"): the topic words name the tool's feature, not a design question.

import type { Rule } from './complexityRules';
import { anyOf } from './normalize';
import { VERDICT_SIGNAL, WHO_SEES_SIGNAL } from './plainWords';
import { SAME_THING_SIGNAL } from './taskSignals';

const OTHERS = '(?:other|another|different|someone else\'?s?|somebody else\'?s?|the wrong) (?:users?|customers?|clients?|tenants?|people|persons?|accounts?|companies|patients?|students?)';

// "And if …", "what happens if …" in the languages the rules read.
const WHAT_IF_WORDS = 'que pasa si|y si|e se|o que acontece se|que se passe-t-il si|et si|was passiert,? wenn|und wenn|cosa succede se';

// Words for signals that exist already, merged into them by signal and silent when the text names a piece of code
// or a screen (rules.ts, localThings.ts).
export const SYMPTOM_TERMS: Record<string, RegExp[]> = {
  // A platform named as the whole question: "go serverless?", "move to microservices?".
  [VERDICT_SIGNAL]: [
    /^\s*(?:should we |do we |shall we |time to |is it time to )?(?:go|going|move|moving|switch|switching|migrate|migrating)(?: (?:to|over to))? (?:full[- ])?(?:serverless|micro[- ]?services?|kubernetes|k8s|multi[- ]?region|multi[- ]?cloud|event[- ]driven|nosql|graphql|the cloud|on[- ]?prem\w*|bare metal)\s*\?*\s*$/,
  ],
  // The last one of something, wanted by two at once.
  [SAME_THING_SIGNAL]: [
    /\b(?:two|2|several|multiple) (?:people|users|customers|clients|buyers)\b[^.?!]{0,30}\b(?:book|buy|reserve|claim|grab|get|take)\w*\b[^.?!]{0,20}\b(?:the last|the only|one remaining|last remaining)\b/,
  ],
  [WHO_SEES_SIGNAL]: [
    new RegExp(`\\b(?:gets?|got|receives?|received|sees?|saw|seeing|shown|shows?|showing|sent)\\b[^.?!]{0,30}\\b(?:meant for|intended for|addressed to|belonging to|that belongs? to) ${OTHERS}`),
    /\b(?:someone else'?s|somebody else'?s|another (?:user|customer|client|tenant|patient)'?s|other (?:users|customers|clients|tenants|patients)') (?:data|orders?|e-?mails?|invoices?|carts?|accounts?|profiles?|files|messages|details|records|bills?)\b/,
    /\b(?:logged in|log in|logs in|end up|ends up|lands?) (?:as|in) (?:the wrong|another|someone else'?s?) (?:user|customer|account|tenant)\b/,
    /\b(?:vedono|vede|ricev\w*) (?:i |le |il |la |gli )?(?:\w+ ){0,2}di altr[ioea] (?:clienti|cliente|utenti|utente|aziende|persone)\b/,
    /\b(?:ven|ve|reciben|recibe|aparecen)\b[^.?!]{0,30}\bde otr[oa]s? (?:clientes?|usuarios?|empresas?|personas?)\b|\b(?:veem|ve|recebem|recebe|aparecem)\b[^.?!]{0,30}\bde outr[oa]s? (?:clientes?|usuarios?|empresas?|pessoas?)\b/,
    /\b(?:voient|voit|recoivent|recoit)\b[^.?!]{0,30}\bd'(?:un |une )?autres? (?:clients?|utilisateurs?|entreprises?|personnes?)\b/,
    /\b(?:sehen|sieht|bekommen|bekommt|erhalten|erhalt)\b[^.?!]{0,30}\b(?:anderer|fremder|eines anderen|einer anderen) (?:kunden|nutzer|benutzer|firma|firmen|mandanten)\b/,
    /(?:видят|видит|получают|получает)[^.?!]{0,30}(?:чуж|друг(?:ого|их) (?:пользовател|клиент))|(?:бачать|бачить|отримують)[^.?!]{0,30}(?:чуж|інш(?:ого|их) (?:користувач|клієнт))/,
    /(?:看到|收到|看见)了?(?:别人|其他(?:用户|客户|租户))的|他の(?:ユーザー|顧客|人|テナント)(?:の|宛て?の)[^。？！?]{0,20}(?:見え|届|表示)|다른 (?:사용자|고객|사람)(?:의|에게 가야 할) [^.?!]{0,20}(?:보이|받|보여)/,
    /\bvan andere (?:klanten|gebruikers)\b|\b(?:innych|innego) (?:klient|uzytkownik)\w*|\bbaska (?:kullan|muster)\S*|\bcua (?:nguoi|khach hang) khac\b/,
  ],
  'stale read after a write': [
    /\bpo wdrozeniu\b[^.?!]{0,60}\bstar(?:e|a|y|ych) (?:dane|wersj\w*|ceny)|\bna (?:een|de) (?:update|deploy|release)\b[^.?!]{0,40}\boude (?:prijzen|data|gegevens|versie)\b/,
    // A cached value that is no longer true, or work still routed to what was replaced.
    /\b(?:cached|old|stale|outdated)\b[^.?!]{0,30}\b(?:no longer|isn'?t|is not|not) (?:valid|current|correct|available|in stock)\b/,
    /\b(?:go|goes|going|sent|routed|point|points|pointing) to the old (?:one|provider|server|system|service|database|db|host|endpoint|cluster|queue|bucket|account)\b/,
    /\bstill (?:shows?|showing|lists?|listing|returns?|returning|finds?|displays?|serves?|has|have) (?:\w+ ){0,3}(?:we|i|they|that (?:were|was|we)|which (?:were|was)) (?:already )?(?:deleted|removed|changed|updated|renamed|disabled|cancell?ed|unpublished|sold)\b/,
    /\bafter (?:the |a |each |every |our |we )?(?:deploy|release|rollout|update|upgrade|migration|ship)\w*\b[^.?!]{0,60}\b(?:old|stale|previous|outdated|cached) (?:version|page|data|values?|prices?|ui|bundle|assets?|content|build)\b/,
    /после (?:деплоя|релиза|обновления|выкат\S*)[^.?!]{0,60}стар(?:ую|ой|ая|ые|ых) (?:верси|страниц|данн)|(?:发布|上线|部署)(?:之?后)[^。？！?]{0,20}(?:旧版本|旧页面|老版本|旧的页面)|(?:デプロイ|リリース)(?:後|した後|のあと)[^。？！?]{0,30}(?:古い|前の)(?:バージョン|画面|ページ|データ)/,
    /\bdespues del? (?:deploy|despliegue|release|lanzamiento)\b[^.?!]{0,60}\b(?:version|pagina|datos) (?:vieja|antigua|anterior)\b|\bdepois do (?:deploy|lancamento|release)\b[^.?!]{0,60}\b(?:versao|pagina|dados) (?:antig|velh)\w*/,
    /\bapres (?:le |chaque )?(?:deploiement|deploy|mise en prod)\b[^.?!]{0,60}\b(?:ancienne|vieille) version\b|\bnach (?:dem |jedem )?(?:deploy\w*|release|rollout|update)\b[^.?!]{0,60}\balte(?:n)? (?:version|daten|seite)\b|\bdopo (?:il |ogni )?(?:deploy|rilascio)\b[^.?!]{0,60}\b(?:vecchia versione|versione vecchia|vecchi dati)\b/,
    /\bsiguen? (?:apareciendo|saliendo|mostrando\w*) (?:\w+ ){0,3}(?:borrad|eliminad)\w*|\bcontinuam (?:aparecendo|mostrando) (?:\w+ ){0,3}(?:apagad|excluid|removid)\w*|\b(?:toujours|encore) (?:affiche|visibles?|la)\b[^.?!]{0,30}\bsupprime/,
    /\bgeloschte[nrs]? (?:\w+ )?(?:werden |sind |tauchen )?(?:immer )?noch\b|\b(?:immer )?noch (?:angezeigt|sichtbar|gelistet)\b[^.?!]{0,30}\b(?:geloscht|entfernt)/,
    // The same thing on two of the user's clients, differently: "on phone and laptop … different cart contents".
    /\b(?:phone|mobile|laptop|desktop|tablet|ios|android|web|browser|app)\b[^.?!]{0,30}\b(?:and|vs|versus)\b[^.?!]{0,15}\b(?:phone|mobile|laptop|desktop|tablet|ios|android|web|browser|app)s?\b[^.?!]{0,50}\b(?:different|differ|don'?t match|out of sync|disagree)\b/,
  ],
  'expert systems term': [
    /\bread models?\b|\bevent schemas?\b|\bschema evolution\b/,
  ],
  'access outlives its revocation': [
    // A logout or revocation that waits for a token to run out.
    /\buntil (?:the |their |its )?(?:access |auth |jwt |refresh )?(?:token|session|jwt|cookie)s? (?:expires?|times? out|runs out)\b/,
    /\b(?:doesn'?t|does not|don'?t|never|isn'?t) (?:actually |really )?(?:log(?:ging)?|sign(?:ing)?|kick(?:ing)?) (?:\w+ )?out\b/,
  ],
  'numbers that do not add up': [
    /\b(?:charged|billed|invoiced|refunded)\b[^.?!]{0,20}\b(?:the wrong|wrong|too much|too little)\b|\bwrong (?:currency|amount|tax|totals?|balance)\b|\bwrong (?:month|week|year)'?s?\b/,
    /\bnie zgadza(?:ja)?\b|\bklopt(?:en)? (?:niet|nooit)\b|\btutmuyor\b|\buyusmuyor\b|не збіга|не сходят|\bkhong khop\b/,
  ],
  'work lost or done twice': [
    /\b(?:processed|delivered|handled|consumed|applied|executed) in (?:the )?(?:right |correct |same )?order\b/,
    // Records missing or doubled after a move to a new store, in the languages the rules read.
    /\bnach (?:dem|der) (?:umzug|migration|wechsel|umstellung)\b[^.?!]{0,60}\b(?:fehlen|fehlt|weg|verschwunden|doppelt)\b|\bapres (?:la )?(?:migration|bascule)\b[^.?!]{0,60}\b(?:manque\w*|disparu\w*|en double)\b/,
    /\bdespues de (?:la )?migracion\b[^.?!]{0,60}\b(?:faltan|falta|desaparec\w*|duplicad\w*)|\bdepois da migracao\b[^.?!]{0,60}\b(?:faltam|falta|sumiram|duplicad\w*)|\bdopo la migrazione\b[^.?!]{0,60}\b(?:mancano|manca|spari\w*|doppi\w*)/,
    // Paid, and the order not there: French, Italian, Spanish, Portuguese, German.
    /\b(?:paiements?|payes?) (?:\w+ )?(?:passent|passe|sont passes?)\b[^.?!]{0,10}\bmais\b|\bpagament\w* (?:\w+ ){0,2}(?:vanno a buon fine|passano|riescono)\b[^.?!]{0,10}\bma\b/,
    /\bpagos? (?:\w+ )?(?:pasan|pasa|se procesan|salen bien)\b[^.?!]{0,10}\bpero\b|\bpagamentos? (?:\w+ )?(?:passam|passa|sao aprovados|dao certo)\b[^.?!]{0,10}\bmas\b|\bzahlung\w* (?:\w+ )?(?:geht durch|gehen durch|klappt|klappen)\b[^.?!]{0,10}\baber\b/,
    // One step done and the next not: paid but no order, sent but not saved.
    /\b(?:paid|charged|debited|payment (?:went through|succeeded|succeeds|is successful|was successful))\b[^.?!]{0,40}\bbut\b[^.?!]{0,40}\b(?:no|not|never|missing|isn'?t|wasn'?t|doesn'?t|didn'?t|without|stays?|stuck)\b/,
    /됐는데[^.?!]{0,30}(?:안 (?:생기|돼|되|와|보)|없)|(?:付款|支付|扣款)成功了?[^。？！?]{0,4}(?:但|可是)|扣了钱|決済(?:は)?(?:成功|完了)(?:した|している)?のに/,
    /\b(?:se cobra|cobrad[oa]s?|cobramos|pagad[oa]s?)\b[^.?!]{0,25}\bpero\b|\b(?:cobrad[oa]s?|pag[oa]s?)\b[^.?!]{0,25}\bmas\b|\b(?:bezahlt|abgebucht)\b[^.?!]{0,25}\baber\b|\b(?:paye|debite)s?\b[^.?!]{0,25}\bmais\b|(?:оплатил\S*|списал\S*)[^.?!]{0,30}(?:но|а) заказ/,
  ],
  'hard systems problem': [
    // A user who leaves in the middle of something that runs on: a closed tab during an upload or a payment.
    /\b(?:closes?|closed|refresh\w*|navigat\w* away|loses? (?:connection|network|signal)|goes offline|kills? the app)\b[^.?!]{0,40}\b(?:while|during|before|mid)\b[^.?!]{0,30}\b(?:upload|download|payment|checkout|sync|import|export|transfer|transaction)\w*/,
    // What a lifecycle event does to data: "what should happen to a team's data when the owner leaves".
    /\bwhat (?:should|would|will|does) happen (?:to|with) (?:the |their |a |an |our )?(?:\w+'?s? )?(?:data|account|files|orders|subscriptions?|content|posts|records|history|projects?)\b/,
    // Russian "\b" does not see Cyrillic letters: orders or messages gone, or a switch to a replica.
    /(?:заказ|сообщени|данн|запис|платеж|файл)\S*[^.?!]{0,20}(?:пропал|пропада|потерял|исчез)|(?:пропал|пропада|потерял|исчез)\S*[^.?!]{0,20}(?:заказ|сообщени|данн|запис|платеж|файл)|переключени\S* на (?:реплик|резерв|друг)/,
    // A multi-step operation cut off part-way: what state is left, and who finishes or undoes it.
    /\b(?:drops?|dies|die|crash\w*|fails?|goes down|go down|cut off|disconnect\w*|restarts?|restarted|times? out|gets? killed|is killed|lose power)\b[^.?!]{0,40}\b(?:halfway|half-way|midway|mid-way|partway|part-way|in the middle|mid-(?:transfer|upload|write|request|transaction|migration|deploy|batch|import|payment))\b/,
    /\b(?:halfway|half-way|midway|mid-way|partway|part-way) (?:through|into)\b[^.?!]{0,40}\b(?:drops?|dies|crash\w*|fails?|goes down|disconnect\w*|restarts?|times? out|killed)\b/,
    /\b(?:se cae|falla|se corta|muere|se reinicia)\b[^.?!]{0,40}\b(?:a mitad|en medio|a la mitad)\b|\b(?:cai|falha|morre|reinicia)\b[^.?!]{0,40}\b(?:no meio|na metade)\b|\b(?:tombe|plante|echoue|coupe|redemarre)\b[^.?!]{0,40}\b(?:au milieu|en plein|a mi-chemin)\b/,
    /\b(?:absturzt|sturzt ab|abbricht|ausfallt|fallt aus)\b[^.?!]{0,40}\b(?:mittendrin|in der mitte|halb)\b|\bmittendrin\b[^.?!]{0,40}\b(?:abbricht|absturzt|ausfallt|abstürzt)\b|\b(?:cade|crasha|fallisce|si interrompe)\b[^.?!]{0,40}\b(?:a meta|nel mezzo)\b/,
    /(?:中途|做到一半|执行到一半|进行到一半|处理到一半)[^。？！?]{0,10}(?:挂|断|失败|崩|宕|重启)|途中で(?:落ち|失敗|切れ|止ま|クラッシュ|再起動)|(?:도중에|중간에) [^.?!]{0,10}(?:죽|끊기|끊어|실패|다운)|(?:посередине|на середине|в процессе|на полпути)[^.?!]{0,30}(?:упад|отвал|оборв|сломa|перезапуст)/,
    // "What if the charge works but the insert fails?": one step of a multi-step write done, the next not.
    /\b(?:what (?:happens |if )|what if|and if)\b[^.?!]{0,60}\b(?:succeeds?|works?|goes through|went through|is sent|gets sent)\b[^.?!]{0,8}\bbut\b[^.?!]{0,30}\b(?:fails?|times? out|crash\w*|is down)\b/,
    new RegExp(`\\b(?:${WHAT_IF_WORDS})\\b[^.?!]{0,60}\\b(?:funciona|sale bien|va bien|passa|da certo|marche|fonctionne|passe|reussit|klappt|funktioniert|geht durch|funziona|va a buon fine)\\b[^.?!]{0,8}\\b(?:pero|mas|mais|aber|ma)\\b[^.?!]{0,30}\\b(?:falla\\w*|falha\\w*|echoue|plante|fehlschlagt|schlagt fehl|scheitert|fallisce)\\b`),
    // Abuse, cost and complaints about the whole product: "a ton of fake signups", "the aws bill cut in half".
    /\b(?:fake|bot|spam|fraudulent|bogus) (?:signups?|sign-ups|accounts|registrations|orders|reviews|users)\b|\bbots? (?:are |keep )?(?:signing up|creating accounts|scraping)\b|\bcredential stuffing\b|\bcard testing\b/,
    /\b(?:cloud|aws|gcp|azure|infra(?:structure)?|hosting|database|snowflake|datadog|bigquery) (?:bill|costs?|spend(?:ing)?)\b[^.?!]{0,40}\b(?:cut|halve[ds]?|reduced?|lower(?:ed)?|too high|doubled|tripled|exploding|growing|in half)\b|\b(?:cut|halve|reduce|lower) (?:our |the )?(?:cloud|aws|gcp|azure|infra\w*|hosting) (?:bill|costs?|spend)\b/,
    /\b(?:users|customers|people|clients|everyone) (?:keep |are |always )?(?:complain\w*|hate|say)\b[^.?!]{0,30}\b(?:search|performance|the app|the site|checkout|notifications|sync|syncing|reliability|login|onboarding|reports?)\b[^.?!]{0,20}\b(?:is |are )?(?:bad|slow|broken|unreliable|useless|terrible|sucks|wrong|flaky|awful)\b/,
    // Two modes for the same people, or the same person in two places: account linking, several orgs at once.
    /\b(?:some|many|a few) (?:people|users|customers|accounts) (?:will |would |might |may |can )?(?:have|use|be in|need) both\b|\bin (?:two|several|multiple) (?:orgs|organi[sz]ations|teams|workspaces|tenants|companies|accounts) at (?:once|the same time)\b|\b(?:belongs?|belonging) to (?:two|several|multiple) (?:orgs|organi[sz]ations|tenants|workspaces|companies)\b/,
    /\b(?:merge|combine|consolidate) (?:\w+ ){0,2}(?:accounts|tenants|orgs|organi[sz]ations|workspaces)\b|\b(?:companies|orgs|customers|tenants|clients) (?:\w+ ){0,3}merged\b[^.?!]{0,40}\b(?:one|a single) (?:account|tenant|org|workspace)\b/,
    // A value that is also the key somewhere else: "the email is also the key in 5 other systems".
    /\b(?:is|are) (?:also )?(?:the|a|used as (?:the|a)) (?:primary |foreign |join )?key in (?:\d+|two|three|four|five|several|many|other|all) (?:other )?(?:systems|services|tables|places|apps|databases)\b|\b(?:used|stored|copied|referenced|kept) (?:\w+ )?in (?:\d+|two|three|four|five|six|several|many|all (?:the|our)) (?:other )?(?:systems|services|databases|apps)\b/,
    // Billing by what is used: metering, not a price field.
    /\b(?:charg|bill|pric)\w* (?:\w+ )?(?:by|per|for|based on) (?:usage|use|api calls?|requests?|minutes?|gb|tokens|events)\b|\busage[- ]based (?:billing|pricing)\b/,
    /\bcobrar por (?:uso|chamada|requisicao|consumo)\b|\bfacturar por (?:uso|consumo)\b|\bfacturer (?:a|selon) l'usage\b|\bnach (?:nutzung|verbrauch) abrechnen\b|按(?:用量|使用量|调用次数?)(?:计费|收费)|従量課金|종량제|(?:оплат|тариф)\S* (?:за|по) (?:использовани|потреблени)/,
    // One data centre or region lost, the rest carrying on.
    /\b(?:if|when) (?:one|a|an entire|a whole|the) (?:data ?cent(?:er|re)|datacenter|region|zone|az) (?:goes down|dies|fails|is lost|burns down)\b|при падении (?:\S+ )?(?:дата-центр|датацентр|сервер|баз|регион|зон)|(?:一个)?机房(?:挂了|宕机|断电)|データセンターが(?:落ち|止ま|ダウン)|(?:wenn|falls) (?:ein |das )?rechenzentrum ausfallt|\bsi (?:se cae|falla) (?:un|el) (?:centro de datos|datacenter)\b|데이터 ?센터가 (?:죽|다운|장애)/,
    // The same data removed or changed in every system at once.
    /(?:모든|전체) (?:시스템|서비스|db|데이터베이스)에서|所有(?:的)?(?:系统|服务)(?:里|中)|全(?:システム|サービス)から|во всех (?:системах|сервисах)|\ben todos (?:los |nuestros )?(?:sistemas|servicios)\b|\bem todos os (?:sistemas|servicos)\b|\bdans tous (?:les|nos) (?:systemes|services)\b|\bin allen (?:systemen|diensten)\b|\bin tutti i (?:sistemi|servizi)\b/,
  ],
  'security design': [
    // Who may do what across several organisations or tenants.
    /\b(?:droits d'acces|permissions?|autorisations|berechtigungen|permisos|permissoes|permessi|access rights|roles)\b[^.?!]{0,40}\b(?:entre|between|zwischen|fra|tra|across) (?:plusieurs|several|multiple|mehreren|varias|varios|vari[ae]|diverse|different)\b/,
    /\baudit (?:trail|history)\b|\bwho changed what\b|\bhistory of (?:every|all) changes\b/,
    // Where data may live by law or contract: "a big customer wants their data to stay in germany".
    /\b(?:data|servers?|everything|it)\b[^.?!]{0,30}\b(?:stay|stays|kept|remain|remains|live|lives|hosted|stored|reside|resides)\b[^.?!]{0,10}\b(?:in|inside|within) (?:the )?(?:eu|europe|germany|france|the us|usa|uk|canada|australia|japan|india|brazil|switzerland|china|korea|country|our country|region)\b/,
    /(?:国内|日本国内|域内|境内)に(?:置|保存|保管)|数据(?:必须|要|需要)?(?:存|放|留)在(?:国内|境内|中国|欧洲)|\bdaten\b[^.?!]{0,30}\b(?:in deutschland|in der eu|in europa)\b|\bdonnees\b[^.?!]{0,30}\b(?:en france|en europe|dans l'ue)\b|\bdatos\b[^.?!]{0,30}\ben (?:europa|espana|la ue|mexico)\b|\bdados\b[^.?!]{0,30}\b(?:no brasil|na europa)\b|데이터를? (?:국내|한국)에|данн\S*[^.?!]{0,30}(?:в россии|на территории)/,
  ],
  'fails only sometimes or somewhere': [
    /(?:増えると|増えるにつれ|増えるほど)[^。？！?]{0,20}(?:遅く|重く)|どんどん(?:遅く|重く)|越多越慢|늘수록 [^.?!]{0,10}느려|чем больше[^.?!]{0,30}тем (?:медленнее|дольше)/,
    // Tied to a deploy or a time boundary: "people keep getting logged out when we deploy", "orders at 23:59 land in the wrong month".
    /\b(?:logged out|signed out|kicked out|errors?|fail\w*|drop\w*|lost|disconnect\w*|50[234]s?|go(?:es)? down|slow)\b[^.?!]{0,40}\b(?:when|whenever|every time|each time|after) (?:we|they|ops|someone) (?:deploy|release|restart|scale|redeploy|roll)\w*/,
    /\b23:59\b|\blast day of the month\b|\bend of (?:the )?(?:month|year|quarter)\b/,
    // Fine for most, bad for a few: the few differ in data or load, not in code.
    // A message that arrives at the wrong hour for the person: a time zone between parts, not in one line.
    /\b(?:get|gets|got|receive|receives|sent|arrive|arrives|go out|goes out)\b[^.?!]{0,30}\b(?:at|around) (?:[0-5]|1[0-2]?|two|three|four|five) ?(?:am|a\.?m\.?)\b|\bin the middle of the night\b|\ban hour (?:early|late|off)\b/,
    /\b(?:fast|fine|ok|okay|quick|snappy|works?) for (?:most|almost everyone|everyone else|the rest|most people|most users|most customers|most tenants)\b/,
    /\b(?:a few|some|certain|our) (?:big(?:ger|gest)? |large(?:r|st)? |enterprise |heavy )?(?:customers|tenants|accounts|clients)\b[^.?!]{0,50}\b(?:slow|seconds|minutes|time ?outs?|timing out)\b/,
  ],
};

// A textbook ask: what a term means, how two terms differ, a list of a tool's options, "eli5". Not when it asks
// for the best way, a plan, a cause, or brings in the asker's own system.
const NOT_TEXTBOOK = /\b(?:best|better|right|way|ways|plan|approach|cause|wrong|going on|happening|happens|trade-?offs?|impact|risks?|cost|our|ours|we|us|my|should|would|could|if|when|pros|cons|which one|choose|pick|use for|better for|for (?:a|an|the|my|our) )\b|\bvs\.? \w+ for\b/i;
const TEXTBOOK = anyOf([
  /^\s*(?:what(?:'s| is| are| was)|whats|wats|wat is|what does) (?:a |an |the )?(?:[\w'-]+\s+){0,5}[\w'-]+(?: (?:mean|stand for))?\s*(?:,?\s*(?:with|w\/|plus|and give me) (?:a |an )?(?:tiny|small|short|simple|quick|concrete)? ?example)?\s*\?*\s*$/,
  /^\s*(?:what(?:'s| is)|whats) (?:the )?(?:diff|difference|differences)\s+(?:between\s+)?[^?]{1,70}?\s*(?:,[^?,]{0,40})?\?*\s*$/,
  /^\s*(?:que diferencia hay entre|cual es la diferencia entre|qual (?:e )?a diferenca entre|quelle est la difference entre|qual e la differenza tra|che differenza c'e tra|jaka jest roznica miedzy|в ч[её]м разница между|чем отличается) [^?]{1,70}\?*\s*$/,
  /^[^?？]{1,30}(?:有什么区别|有什么不同|的区别是什么|の違いは(?:何)?(?:ですか)?|차이가 뭐(?:야|예요|에요)|차이점이 뭐|arasindaki fark (?:ne|nedir))[?？]?\s*$/,
  /\beli5\b|\blike i'?m (?:five|5)\b|^\s*(?:list|name) (?:the|all(?: the)?) [^?]{1,60}$/,
  /^\s*(?:what|which) [^?]{1,50}\b(?:by default|default)\b[^?]{0,30}\?*\s*$/,
  /^\s*(?:que|qu'?) ?es (?:un|una|el|la|lo)? ?[^?]{1,50}\?*\s*$|^\s*o que (?:e|sao) (?:um|uma|o|a|os|as)? ?[^?]{1,50}\?*\s*$|^\s*(?:c'est quoi|qu'est-ce qu'(?:un|une|on appelle)) [^?]{1,50}\?*\s*$/,
  /^\s*was (?:ist|sind|bedeutet) (?:ein|eine|der|die|das)? ?[^?]{1,50}\?*\s*$|^\s*cos'?e (?:un|una|il|la|lo|l')? ?[^?]{1,50}\?*\s*$|^\s*co to (?:jest|sa) [^?]{1,50}\?*\s*$|^\s*wat (?:is|zijn) (?:een|de|het)? ?[^?]{1,50}\?*\s*$/,
  /^\s*(?:что такое|що таке|что значит) [^?]{1,50}\?*\s*$|^[^?]{1,40} (?:nedir|ne demek)\??\s*$|^[^?]{1,40} la gi\??\s*$/,
  /^[^?？]{1,24}(?:是什么(?:意思)?|とは(?:何|なに)?(?:ですか)?|란 (?:무엇|뭐)|(?:이|가)? ?뭐(?:야|예요|에요))[?？]?\s*$/,
]);

// A convention lookup, whatever it names: "best practice for naming kafka topics".
const NAMING = /^\s*(?:(?:the )?best practices?|(?:the )?(?:naming )?conventions?) for (?:naming|formatting|casing|indenting)\b/i;

// "Explain to me", "explícame", "spiegami" before a textbook question: the question is what follows.
const EXPLAIN_LEAD = /^\s*(?:(?:can you |could you |please )?explain(?: to me)?|explicame|me explica|explica(?:me)?|spiegami|explique(?:-moi)?|erklar(?:e)?(?: mir)?(?: bitte)?|объясни(?:те)?|wyjasnij|leg uit)\s*,?\s*/i;

export function asksTextbookQuestion(prose: string): boolean {
  const text = prose.replace(EXPLAIN_LEAD, '');
  return NAMING.test(text) || (TEXTBOOK.test(text) && !NOT_TEXTBOOK.test(text) && !OWNER.test(text));
}

// A single how-to in a tool the text names: "how do I create an index concurrently in postgres".
const HOW_TO = anyOf([
  /^\s*(?:(?:hey|hi|ok|quick q(?:uestion)?)[,:]?\s+)?(?:how (?:do|can|should) i|how to|how would i|show me how to|what'?s the (?:syntax|command|flag) (?:for|to))\b/,
  /^\s*(?:please\s+)?(?:set up|setup|configure|install|enable)\s/,
  /^\s*(?:the |a )?(?:command|syntax|flag|option|setting|config(?:uration)?|cli command|query) (?:for|to)\s/,
  /^\s*(?:what|which) (?:command|flag|option|setting|cli command|shortcut)s?\b/,
  // A yes/no fact about the named tool: "is redis single threaded", "is it possible to shard sqlite".
  /^\s*(?:is|are|does|do|can|could)\s+(?:it possible to\s+|i\s+|you\s+)?\S/,
  /^\s*(?:come (?:si|faccio a|posso|configuro|installo|creo|attivo)|como (?:se|hago|puedo|faco|posso|eu|configuro|instalo|creo|crio|activo))\b/,
  /^\s*(?:comment (?:je|on|faire|configurer|installer|lancer|ajouter|creer|activer|mettre en place)|wie (?:kann ich|mache ich|richte ich|konfiguriere ich|installiere ich|erstelle ich|aktiviere ich))\b/,
  /^\s*(?:jak (?:zrobic|skonfigurowac|ustawic|dodac|napisac)|hoe (?:kan ik|maak ik|stel ik))\b/,
  /^\s*как (?:в |мне |настроить|сделать|добавить|создать|написать|посмотреть|проверить|узнать|включить|удалить|изменить)|^[^?？]{0,30}(?:怎么|如何|どうやって|어떻게)/,
]);
const TOOL = new RegExp(`\\b(?:${[
  'postgres(?:ql)?|mysql|sqlite|mongo(?:db)?|redis|kafka|rabbitmq|nginx|docker(?:-compose)?|kubernetes|kubectl|k8s|helm|terraform|ansible|git|github actions|gitlab ci|jenkins|aws cli|s3|lambda|spring(?: boot)?|django|rails|express|fastapi|flask|react|vue|angular|next\\.?js',
  'node|python|java|go|golang|rust|typescript|javascript|bash|elasticsearch|grpc|graphql|celery|sidekiq|airflow|prometheus|grafana|eslint|prettier|jest|vitest|pnpm|yarn|npm|webpack|vite|babel|husky|laravel|nestjs|maven|gradle',
  'heroku|vercel|netlify|js|ts|opentelemetry|rds|aws|gcp|azure|dynamodb|cassandra|sqs|sns|hibernate|k6|mermaid|hikari|pgbouncer|vscode|intellij|ruby|php|kotlin|swift|c#|dotnet|sql',
].join('|')})\\b`, 'i');
const OWNER = /\b(?:we|our|us|nuestr[oa]s?|nosso|nossa|notre|nos|unser\w*|nostr[oi]|onze|nasz\w*)\b|наш|我们|うちの|弊社|우리/i;


// How-tos that ask how to keep a property of the system, not how to use a feature: "how do I avoid duplicates in
// kafka", "how to keep redis and postgres in sync".
const SYSTEM_VERB = /\b(?:handle|avoid|prevent|guarantee|ensure|make sure|deal with|sync|keep|design|architect|structure|migrate|recover|coordinate|isolate)\b/i;

// Between several running parts, or with a guarantee the setting must keep ("so 40 pods don't exhaust postgres").
const SYSTEM_SCOPE = anyOf([
  /\bbetween (?:(?:two|2|several|multiple|the|our|all|different) )?(?:services|instances|pods|nodes|servers|replicas|regions|apps|processes|workers|microservices|datacenters)\b/,
  /\bso (?:that )?[^.?!]{0,60}\b(?:doesn'?t|don'?t|won'?t|never|no longer|can'?t|isn'?t)\b/,
  /\beven (?:when|if)\b/,
  /\bexactly[- ]once\b/,
  /\b(?:\d+|two|several|multiple|many) (?:pods|instances|servers|nodes|services|replicas|regions|workers|consumers)\b/,
  /\b(?:by|per) (?:tenant|customer|user|region|country|account)\b/,
]);

export function asksOneToolHowTo(prose: string): boolean {
  const text = prose.trim();
  return text.length <= 140 && !/[.!;]\s+\S/.test(text) && HOW_TO.test(text) && TOOL.test(text) && !OWNER.test(text) && !SYSTEM_VERB.test(text) && !SYSTEM_SCOPE.test(text);
}

// A whole-product property asked for in a few words, with no code: "make it multi tenant", "make the app work offline".
const WHOLE_PRODUCT = anyOf([
  /^\s*(?:please\s+)?(?:make|turn|get|convert)\s+(?:it|this|the (?:app|site|product|platform|system|backend|service|saas))\s+(?:\w+\s+)?(?:multi[- ]?tenan\w*|multi[- ]?region|offline(?:[- ]first| capable)?|highly available|horizontally scalable|fault[- ]tolerant|gdpr[- ]compliant|zero[- ]downtime|stateless|real[- ]?time|work offline)\b/,
]);

export function asksWholeProductChange(prose: string): boolean {
  return WHOLE_PRODUCT.test(prose);
}

// Small asks whose words sound big: a template or one endpoint's shape, a small project, a styling question.
export const SYMPTOM_LOW: Rule[] = [
  { re: anyOf([
    /\b(?:design doc|rfc|adr|readme|changelog|pr description|commit message|issue|bug report) templates?\b/,
    /\b(?:haiku|poem|limerick|joke|tweet|slogan|song|riddle|pun)s?\b|\b(?:interview|quiz|trivia|exam) questions?\b|\bflash ?cards?\b/,
    /\bjust (?:the )?(?:route|routes|endpoint|signature|json(?: body)?|body|schema|skeleton|outline|template|types?|interface|sql|query|regex|command|code)\b/,
    /^\s*(?:please\s+)?(?:design|sketch|draft) (?:me )?(?:a |an |the )?(?:rest |http |api |graphql )?(?:endpoint|route|url|json (?:body|payload|schema)|request body|response body|mutation)\b(?! for (?:our|the whole|all|every))/,
  ]), weight: 0.3, signal: 'asks for one small artifact' },
  { re: anyOf([
    /\b(?:for|in|of|on) (?:a|my|this) (?:small|tiny|simple|little|toy|basic|personal|hobby|side|learning|beginner'?s?) (?:\w+ )?(?:app|project|script|site|website|api|cli|tool|game|bot)\b|\bto-?do (?:app|list app)\b/,
  ]), weight: 0.4, signal: 'about a small project' },
  { re: anyOf([/\b(?:in|with|using|via) (?:pure |plain )?(?:css|scss|sass|tailwind|flexbox|css grid)\b/]), weight: 0.3, signal: 'a styling question' },
  // "Migrate this file from moment to dayjs": a library swap in the code in view.
  { re: /\b(?:migrate|port|convert|move|switch) (?:this|the|my) (?:file|test|tests|component|function|class|snippet|script|code|module|hook|config) (?:from|to|over to)\b/i, weight: 0.35, signal: 'changes one file' },
  // "This migration fails with 'column already exists'": one quoted error (masked to "text") about what is in view.
  { re: /\b(?:fails?|failing|errors? out|throws?|crashes|breaks|dies)\s+with\s+(?:text|name|code)\b/i, weight: 0.2, signal: 'quotes one error', form: true },
];

export const FEATURE_SIGNAL = 'builds a feature of the whole product';

// "How do I build a notification system", "how do I add payments to the app", "how do I make the api faster": the
// object is a capability of the product, whose answer spans storage, services and clients, not a tool's feature.
const PRODUCT_FEATURE = anyOf([
  new RegExp('^\\s*how (?:do|can|should|would) (?:i|we)\\s+(?:build|add|implement|support|design|create|do|get|offer|version)\\s+(?:(?:a|an|the|our|my)\\s+)?(?:[\\w-]+\\s+){0,2}'
    + '(?:system|platform|engine|pipeline|payments?|billing|subscriptions|search|chat|messaging|notifications?|multi-?language support|i18n|sso|single sign-on|'
    + 'permissions|roles|analytics|recommendations?|feeds?|leaderboards?|real-?time (?:collaboration|updates|sync)|offline (?:mode|support)|the api)'
    // The feature ends the ask, or is added to the whole product: not "a search bar", not "roles to my discord bot".
    + '(?:\\s+(?:feature|functionality|system|service|support))?'
    + '(?:\\s+(?:to|for|in|into|across|on)\\s+(?:the|our)\\s+(?:[\\w-]+\\s+)?(?:app|apps|product|site|platform|backend|service|saas|system|catalog|store|shop|marketplace))?\\s*\\?*\\s*$'),
  /^\s*how (?:do|can) (?:i|we) make (?:the |our )?(?:api|app|site|backend|database|db|checkout|search|uploads?|imports?|exports?) (?:faster|scale|scalable|resumable|reliable|real-?time|available offline)\s*\?*\s*$/,
]);

// Not for a piece of a screen, a file or an exercise ("add search to the dropdown", "a chat for my homework"). The
// shared local-things guard is too wide here: it reads "build" as a CI build.
const IN_ONE_PIECE = '\\b(?:components?|dropdown|modal|button|page|screen|form|table|list|function|file|script|tests?|cli|notebook|demo|tutorial|homework|toy|example|widget|sidebar|navbar)\\b';

export const SYMPTOM_HIGH: Rule[] = [
  { re: new RegExp(`^(?![\\s\\S]*${IN_ONE_PIECE})[\\s\\S]*(?:${PRODUCT_FEATURE.source})`, 'i'), weight: 0.35, signal: FEATURE_SIGNAL },
];
