// Signals of the task rather than of its topic: the shapes hard problems take when they are told in plain words
// (a stale read after a write, work lost or done twice, numbers that drift, "works here but not there"), asks
// for a diagnosis, the domain terms experts use in two-word questions, and what the user asks for when it is
// small whatever the words around it (define a term, add type hints "in our service-mesh gateway").

import type { Rule } from './complexityRules';
import { anyOf } from './normalize';
import { notAboutCodeValues } from './localThings';

export const DIAGNOSIS_SIGNAL = 'asks to find a cause';
export const SAME_THING_SIGNAL = 'several people change the same thing';

const REVOKED = anyOf([
  /\b(?:removed|revoked|deactivated|banned|kicked|deleted (?:the |their |his |her )?(?:account|user)|logged (?:me |them |him |her )?out|log (?:me |them |him |her )?out|signs? out|changed (?:the |their |my |his |her )?password|password (?:was |is )?changed|left the (?:company|team|school|class)|unsubscribed|downgraded)\b/,
  /\b(?:retire|supprime|deconnecte|desactive|mot de passe|quit[oa]|elimin\w*|cierra sesion|cerro sesion|desactiv\w*|contrasena|remov\w*|exclu\w*|deslog\w*|senha|entfernt|geloscht|abgemeldet|ausgeloggt|deaktiviert|passwort|rimoss\w*|tolt\w*|disconness\w*|disattivat\w*)\b/,
  /移除|删除|踢出|退出登录|注销|改(?:了)?密码|禁用|削除|外し|ログアウト|パスワード(?:を)?変更|無効に|삭제|제거|내보내|로그아웃|비밀번호|탈퇴|비활성|удал|исключ|разлогин|парол|заблокир/,
]);
const STILL_IN = anyOf([
  /\b(?:can|could) still (?:see|access|open|use|read|log ?in)\b|\bstill (?:has|have) access\b|\bpeut (?:encore|toujours) (?:voir|acceder)\b|\bpuede(?:n)? (?:seguir|todavia) (?:viendo|ver|entrando|accediendo)\b|\b(?:ainda )?consegue(?:m)? (?:ainda )?(?:ver|acessar|entrar)\b|\bkann (?:immer )?noch (?:sehen|zugreifen|rein)\b|\bpuo ancora (?:vedere|accedere)\b/,
  /仍然可以(?:看到|访问|使用)|还能(?:看到|访问|用)|まだ(?:見え|見られ|使え|アクセスでき)|여전히 (?:보이|볼 수|쓸 수|접근)|그대로 써|всё ещё (?:видит|видят|может|могут)|по-прежнему (?:видит|может)/,
]);
// System data whose home is a design question (not an asset, a config file or a constant).
const DATA = '(?:sessions?|tokens?|secrets?|api keys|keys|passwords?|credentials|history|audit (?:log|trail)s?|events?|orders?|payments?|invoices?|uploads?|blobs?|records|tenants?|user (?:data|records|profiles)|carts?|state)';
const DATA_HOME = anyOf([
  /\b(?:its|their|his|her|our) own (?:database|db|schema|cluster|bucket)\b|\b(?:one|a) (?:database|db|schema) per (?:tenant|customer|client|team|country|region)\b|\bseu proprio banco\b|\bsu propia base\b|\bsa propre base\b|\beigene datenbank\b|\bpropri[oa] database\b/,
  new RegExp(`\\b(?:is it|would it be) (?:dumb|bad|ok|okay|fine|crazy|silly|wise|a bad idea|a good idea) to (?:keep|store|put|save) (?:the |our |all |user |customer )?(?:\\w+ )?${DATA}\\b`),
  new RegExp(`\\bwhere (?:do|should|would) we (?:keep|store|put|hold) (?:the |our |all |user |customer )?(?:\\w+ )?${DATA}\\b`),
  /\b(?:stess[oa]|mism[oa]|mesm[oa]|same|gleichen?|meme) (?:database|db|base|banco|tabella|tabla|tabela|datenbank)\b[^.?!]{0,20}\b(?:o|ou|or|oder) (?:a parte|aparte|separad\w*|separat\w*|apart|in einer eigenen)\b/,
  /\bonde (?:guardar|armazenar|salvar|manter) (?:os |as |o |a )?(?:\w+ ){0,2}(?:sess\w*|tokens?|segredos?|chaves|senhas|historico|eventos|pedidos)\b|\bdonde (?:guardar|almacenar|poner) (?:los |las |el |la )?(?:\w+ ){0,2}(?:sesion\w*|tokens?|secretos|claves|contrasenas|historial|eventos|pedidos)\b/,
  /\bwo (?:speichern|ablegen|lagern|halten) wir (?:\w+ ){0,3}(?:sitzung\w*|tokens?|geheimnisse|schlussel|passw\w*|verlauf|ereignisse|bestellungen)\b/,
  /\bou (?:stocker|garder|ranger|mettre) (?:les |la |le )?(?:\w+ ){0,2}(?:sessions|jetons|tokens|secrets|cles|mots de passe|historique|evenements|commandes)\b/,
  /\bdove (?:salvare|tenere|mettere) (?:i |le |la |il |gli )?(?:\w+ ){0,2}(?:sessioni|token|segreti|chiavi|password|storico|eventi|ordini)\b/,
  // One store shared by several teams or services: who owns the data is the question behind it.
  /\b(?:teams|services|apps|applications|squads|products|microservices)\b (?:all )?(?:share|sharing|use|write to|read from|talk to) (?:one|a single|the same|a shared|a common) (?:\w+ )?(?:database|db|schema|tables?)\b(?! (?:containers?|volumes?|images?|networks?|files?|url|connections?|password|credentials|port|names?|users?|hosts?|drivers?|clients?|helpers?|fixtures?))/,
  /\b(?:equipos|servicios|times|equipes|servicos|equipes|services|teams|dienste|servizi|squadre)\b (?:\w+ )?(?:comparten|compartilham|partagent|teilen sich|teilen|condividono) (?:\w+ ){0,2}(?:base de datos|banco|base|datenbank|database|db)\b/,
  /(?:多个|几个|两个|各个|不同的?)(?:团队|服务|系统|项目|应用)(?:都)?(?:共用|共享|公用|用同一)|共用(?:一个|同一个)(?:数据库|库)|(?:複数の|いくつかの|全ての|すべての)(?:チーム|サービス|システム)が同じ(?:データベース|db|テーブル)|同じ(?:データベース|db)を共有|여러 (?:팀|서비스|시스템)(?:이|가)? (?:하나의|같은|한) (?:데이터베이스|db|디비)|(?:несколько|все|разные) (?:команд|сервис)\S* (?:\S+ )?(?:одну|общую|одной|общей) (?:баз|бд)/,
  /где (?:хранить|держать) (?:\S+ ){0,2}(?:секрет|ключ|сесси|парол|токен|истори|событи|заказ)|(?:密钥|秘钥|会话|session|历史|token|密码|订单)\S{0,6}(?:存在哪|放在哪|存哪)|(?:秘密|鍵|キー|セッション|履歴|トークン|パスワード)\S{0,8}どこに(?:保存|置|持)|(?:비밀|키|세션|이력|토큰|비밀번호)\S{0,8} 어디에 (?:저장|보관|둬)/,
]);

// Several people changing the same thing, at once or offline: "two people edit the same doc offline, how do I merge
// when they come back online", "dos usuarios reservan el mismo asiento". Not a git merge conflict in a file.
const PEOPLE = '(?:two|2|three|several|multiple|many|both|different) (?:people|persons|users|editors|admins|clients|devices|tabs|agents|cashiers|nurses|team ?members|customers|colleagues|coworkers)';
const SAME_THING_EDITED = anyOf([
  new RegExp(`\\b${PEOPLE}\\b[^.?!]{0,40}\\b(?:edit|chang|updat|modif|writ|book|reserv|buy|bought|claim|grab|mov|sav)\\w*\\b[^.?!]{0,30}\\bsame\\b`),
  /\b(?:edit|edits|edited|editing|changes|work)\b[^.?!]{0,60}\boffline\b[^.?!]{0,80}\b(?:back online|reconnect\w*|merge|merging)\b|\b(?:merg|reconcil|sync)\w* (?:\w+ ){0,3}offline (?:edits|changes|writes)\b/,
  /\b(?:dos|varias|varios|tres) (?:personas|usuarios|clientes)\b[^.?!]{0,40}\b(?:edit|modific|cambi|actualiz|reserv|compr)\w*\b[^.?!]{0,30}\b(?:mismo|misma)\b/,
  /\b(?:duas|dois|varias|varios|tres) (?:pessoas|usuarios|clientes)\b[^.?!]{0,40}\b(?:edit|modific|alter|atualiz|reserv|compr)\w*\b[^.?!]{0,30}\b(?:mesmo|mesma)\b/,
  /\b(?:deux|plusieurs|trois) (?:personnes|utilisateurs|clients)\b[^.?!]{0,40}\b(?:modifi|edit|chang|reserv|achet)\w*\b[^.?!]{0,30}\bmeme\b/,
  /\b(?:zwei|mehrere|drei) (?:leute|personen|nutzer|benutzer|kunden)\b[^.?!]{0,40}\b(?:dasselbe|denselben|dieselbe|gleichen?)\b[^.?!]{0,30}\b(?:bearbeit|ander|buch|reservier|speicher)\w*/,
  /\b(?:due|piu|tre) (?:persone|utenti|clienti)\b[^.?!]{0,40}\b(?:modific|edit|cambi|aggiorn|prenot|compr)\w*\b[^.?!]{0,30}\bstess[oa]\b/,
  /(?:两个|多个|几个)(?:人|用户|客户)[^。？！?]{0,10}(?:编辑|修改|改|预订|抢)[^。？！?]{0,8}同一|(?:二人|2人|複数の(?:人|ユーザー))[^。？！?]{0,15}同じ[^。？！?]{0,15}(?:編集|変更|更新|予約)|(?:두 명|두 사람|여러 (?:명|사람|사용자))[^.?!]{0,20}같은[^.?!]{0,20}(?:편집|수정|변경|예약)|(?:двое|два (?:пользовател|человек)|несколько (?:пользовател|человек))[^.?!]{0,40}(?:одн(?:у|о|от|им) и т(?:у|от|о) же|один и тот же)/,
]);

// Removing duplicates from a list, an array or a column is one operation on data in view, not work done twice:
// "remover duplicados de uma lista", "删除列表中的重复元素", "重複を削除", "удалить дубликаты".
const DEDUPE = anyOf([
  /\b(?:remov|elimin|tir|quit|borr|apag|filtr|exclu|entfern|losch|supprim|retir|enlev|rimuov|togli|drop|dedup|strip)\w* (?:\w+ ){0,2}(?:duplicad|duplicat|repetid|doublon|doppi|dublett|duplikat)/,
  /\b(?:duplicad|duplicat|repetid|doublon|doppi|duplikat)\w* (?:de|da|do|del|em|en|in|from|of|aus|dans|nel|nella) (?:uma|una|um|un|une|a|an|the|la|el|o|le|der|einer|einem|my|this|esta|este|essa|esse) (?:\w+ )?(?:lista|list|array|arreglo|vetor|vector|liste|tabla|tabela|tableau|column|columna|coluna|dataframe|string|cadena|slice|dict)/,
  /去重|(?:删除|去掉|去除|移除|过滤)(?:掉)?(?:\S{0,6})?重复|(?:列表|数组|字符串|切片)\S{0,8}重复|重複(?:を|の|した)?(?:\S{0,4})?(?:削除|除去|排除|取り除)|중복(?:을|된 \S+ ?)? ?(?:제거|삭제)|(?:удал|убра)\S* (?:\S+ )?(?:дубл|повтор)/,
]);
const notDedupingData = (re: RegExp): RegExp => new RegExp(`^(?![\\s\\S]*(?:${DEDUPE.source}))[\\s\\S]*(?:${re.source})`, 'i');

const OWN_CALL = String.raw`\b(?:if|when) (?:i|you) (?:call|invoke|render|trigger|import|await|mount)\w*\s+(?:name|it|this|(?:the|a|this) (?:function|method|hook|callback|constructor|component|effect))\s+(?:\S+\s+){0,2}`;

/** Problem shapes: each names a hard problem, so each counts as hard content (see HARD_CONTENT). */
export const TASK_HIGH: Rule[] = [
  { re: anyOf([
    /\b(?:old|stale|previous|outdated|wrong|ancienne?|alten?|antiguo|viej[oa]s|velh[oa]s|vecchi[oa]|oude?)\b.{0,40}\b(?:right after|just after|after|apres|nach|despues|dopo|depois|na)\b/,
    /\b(?:right|just|directly|immediately) after\b.{0,60}\b(?:old|stale|previous|outdated|wrong)\b/,
    /\b(?:direkt|gleich|kurz) nach\b.{0,60}\balten?\b|\bjuste apres\b.{0,60}\bancienne?\b|\bjusto despues\b.{0,60}\bantigu[oa]\b|\bsubito dopo\b.{0,60}\bvecchi[oa]\b/,
    /\b(?:minutes|hours?|an hour|a day|days|seconds) behind\b|\bfor (?:a few|some|several|a couple of) (?:minutes|seconds|hours) after\b|\bper qualche minuto dopo\b|\bpendant quelques minutes apres\b|\bdurante unos minutos despues\b|\bpor alguns minutos depois\b|\bfur ein paar minuten nach\b|несколько минут после/,
    // The same thing shown differently by two clients: "different prices on the app and the site", "앱과 웹에서 … 서로 달라요".
    /\b(?:different|diferentes?|diversi|diverse|unterschiedliche?n?|differents?|differentes?)\b[^.?!]{0,40}\b(?:app|site|sito|web|website|webseite|device|dispositivo|appareil|screen|tela|pantalla)s?\b|\b(?:on|from|across) (?:another|other|a different|multiple|several) (?:device|devices|tab|tabs|browser|client)s?\b/,
    notAboutCodeValues(/\bmake (?:\w+ ){1,4}(?:and|with) (?:\w+ ){1,4}agree\b|\bagree on (?:the )?(?:\w+ )?(?:state|status|balance|count|stock|inventory)\b|\bdisagree\b|\bne sont (?:jamais |pas )?d'accord\b|\bno coinciden\b|\bnao coincidem\b|\bnon coincidono\b|서로 달라|서로 다르|一致しない|不一样|отличаются/),
    /\b(?:deleted|removed) (?:hours|minutes|days) ago\b|\bstill (?:shows?|sees?|see|returns?) (?:the )?(?:old|previous|deleted|'?not)/,
    /\bdisappears?\b.{0,40}\bthen (?:comes?|come) back|\bverschwind|\beven though (?:we|i|they|it) (?:changed|updated|fixed|deleted|removed)\b/,
    /反映が(?:\S{0,4})?遅れ|反映されな|食い違|同步延迟|不同步|반영이 (?:늦|안)|с задержкой/,
    /旧值|旧数据|旧价格|旧的数据|还是原来|原来的(?:地址|数据|价格)|古い(?:データ|価格|値|アドレス|情報|バージョン)|예전 (?:가격|데이터|주소)|오래된 데이터|стар(?:ые данные|ую цену|ое значение|ый адрес)/,
    /\b(?:kept|keeps|still) (?:going|being sent|using|showing|pointing) (?:to )?the old\b|\b(?:shows|showing|sees|returns|returning|goes to|going to|sent to) the old (?:address|e-?mail|value|price|version|data)\b/,
    /\bstale (?:access|permissions?|prices?|balances?|profiles?|sessions?|tokens?|stock|inventory|feeds?|counts?)\b/,
  ]), weight: 0.3, signal: 'stale read after a write' },
  { re: anyOf([
    /\b(?:get|gets|got|receive|receives|received|sends?|sent|charged) (?:\w+ )?(?:two|2) (?:\w+ )?(?:e-?mails|messages|notifications|charges|copies|invoices)\b|\b(?:running|run|runs|ran|processed|executed) twice\b/,
    // Not the asker's own call of one piece of code twice ("what happens if i call setState twice").
    notDedupingData(new RegExp(`(?<!${OWN_CALL})\\b(?:twice|two times|doppelt|deux fois|dos veces|due volte|duas vezes|twee keer|doppi[eao]|in doppio|duplicad[oa]s|dobrad[oa]s)\\b`)),
    /\b(?:duplicate|double|duplicated) (?:orders?|charges?|payments?|e-?mails?|messages?|notifications?|events?|confirmations?|bookings?|deliver)/,
    /\bloses? (?:their|the|its|his|her|some) (?:changes|updates|writes|data|messages)\b|\blost updates?\b/,
    // One write silently replacing another: "the last one saves over the other".
    /\b(?:silently )?overwrit\w*|\bsobrescrev\w*|\bsalva por cima\b|\bsobrescrib\w*|\becrase\w*|\bsovrascriv\w*|\buberschreib\w*|перезаписыва|затира|覆盖了|上書きされ|덮어써|덮어쓰/,
    /\b(?:pierd|perd)\w* (?:\w+ ){0,2}(?:cambios|datos|mensajes|modifications|donnees|messages|modifiche|dati|messaggi|alteracoes|dados|mensagens)\b|\b(?:anderungen|daten|nachrichten) gehen verloren\b/,
    /丢数据|丢消息|数据丢失|变更丢失|データが消え|変更が消え|데이터(?:가)? (?:유실|손실|사라)|теря(?:ет|ют|ются|ем)\S* (?:изменени|данн|сообщени)/,
    /\b(?:charged|paid|debited|sent|written|committed) but\b|\b(?:times? out|timeout) after (?:charging|writing|sending|committing|paying)\b/,
    // Retrying a call whose effect must happen once (a charge, a refund, an e-mail): a retry after a timeout repeats it.
    /\bretr(?:y|ies|ying)\b[^.?!]{0,30}\b(?:payments?|charges?|transfers?|payouts?|refunds?|checkouts?|invoices?|webhooks?|e-?mails?|sms)\b/,
    /\b(?:half|some) (?:of )?the (?:records|rows|messages|events|jobs) (?:are|get|were) (?:skipped|lost|missing|dropped)\b/,
    /\bprocessed before\b|\bin the wrong order\b|\barrives? before\b/,
    notDedupingData(/两次|重复|扣减两次|二重|二回|두 번|중복|누락|дважды|дублир|не создается|не создаётся|没有生成|생성되지 않|пропал[аио]?\b/),
    /\bnever (?:happens|arrives|runs|gets (?:sent|processed|refunded))\b|\bwhile (?:it'?s|it is) being\b|\bwrites are missing\b|\b(?:orders|writes|records|events) (?:are|go) missing\b/,
    // More of something handed out than there was.
    /\bmore than (?:we )?(?:had|planned|prepared|allowed|in stock)\b|더 많이 나가|超发|超卖|配りすぎ|больше, чем (?:было|планировал)/,
    // The same work wanted once across several runners: "only one worker processes each job", "two pods run the same cron".
    /\bonly one (?:worker|instance|pod|server|node|process|consumer|replica|machine|container)s? (?:\w+ ){0,2}(?:process|run|handl|pick|send|execut|consum|get)\w*/,
    /\b(?:two|2|three|multiple|several|both|all (?:the|our)) (?:pods|instances|servers|workers|nodes|replicas|processes|consumers|containers|machines)\b[^.?!]{0,30}\bsame (?:cron|job|task|message|event|order|e-?mail|batch|schedule)/,
    /\b(?:solo|apenas|so) (?:un|um) (?:worker|servidor|proceso|processo|pod|nodo|no|consumidor)\b[^.?!]{0,30}\b(?:proces|ejecut|execut|consum)\w*|\bun seul (?:worker|serveur|processus|pod|noeud|consommateur)\b[^.?!]{0,30}\b(?:trait|execut|consomm)\w*/,
    /\bnur (?:ein|eine|einer) (?:worker|instanz|server|prozess|pod|knoten|consumer)\b[^.?!]{0,30}\b(?:verarbeit|ausfuhr|abarbeit)\w*|\bsolo un (?:worker|server|processo|pod|nodo)\b[^.?!]{0,30}\b(?:elabor|esegu)\w*/,
    /\b(?:dos|varias|varios|duas|dois|deux|plusieurs|due|piu) (?:servidores|instancias|serveurs|instances|server|pods|workers|istanze)\b[^.?!]{0,40}\b(?:mismo|misma|mesmo|mesma|meme|stess[oa]) (?:\w+ )?(?:job|trabajo|tarea|mensaje|pedido|cron|tache|message|commande|lavoro|messaggio|ordine|tarefa|mensagem|evento|evenement)\b/,
    /\b(?:zwei|mehrere) (?:server|instanzen|pods|workers)\b[^.?!]{0,40}\b(?:denselben|dieselbe|dasselbe) (?:\w+ )?(?:job|cron|auftrag|nachricht|bestellung|ereignis)\b/,
    /只(?:有|让)?一个(?:实例|节点|worker|进程|消费者)[^。？！?]{0,10}(?:处理|执行|消费)|(?:多个|两个)(?:实例|节点|pod|服务器)[^。？！?]{0,12}同一个?(?:任务|定时任务|消息)|(?:1つ|一つ)の(?:インスタンス|ワーカー|サーバー)だけ|하나의 (?:인스턴스|워커|서버)만|(?:только|лишь) один (?:воркер|инстанс|экземпляр|под|сервер)/,
  ]), weight: 0.3, signal: 'work lost or done twice' },
  { re: new RegExp(`^(?![\\s\\S]*\\b(?:git|branch(?:es)?|pull requests?|rebase|merge conflicts?|commits?)\\b)[\\s\\S]*(?:${SAME_THING_EDITED.source})`, 'i'), weight: 0.3, signal: SAME_THING_SIGNAL },
  // Access that outlives its revocation: someone removed, logged out or with a new password, and still in.
  { re: new RegExp(`^(?=[\\s\\S]*(?:${REVOKED.source}))[\\s\\S]*(?:${STILL_IN.source})`, 'i'), weight: 0.3, signal: 'access outlives its revocation' },
  // Where a kind of system data should live: its own store per tenant, the same one or apart, sessions or secrets
  // kept in the database or elsewhere. Not a logo, a config file or a demo's state.
  { re: new RegExp(`^(?![\\s\\S]*\\b(?:demo|hackathon|homework|class project|toy|prototype|side project|tutorial)\\b)[\\s\\S]*(?:${DATA_HOME.source})`, 'i'), weight: 0.3, signal: 'where data lives' },
  // Not a constant, a colour or a version number written in several files (localThings.ts).
  { re: notAboutCodeValues(anyOf([
    /\b(?:slightly|always|a little|a few) (?:lower|higher|less|more|off)\b|\boff by (?:a few|some|one)\b|\btotals? (?:are|is) (?:off|wrong)\b/,
    /\bnever (?:quite )?(?:agree|match|add up)\b|\bwrong day\b|\bdrifts?\b|\bdon'?t (?:add up|match)\b|\bnon torna(?:no)?\b|\bne correspond|\bno cuadra|\bstimm(?:t|en) nicht\b|\bnao (?:batem|bate|fecham|fecha)\b/,
    /对不上|不一致|合わない|ずれ|안 맞|맞지 않|не сход|расходятся/,
  ])), weight: 0.25, signal: 'numbers that do not add up' },
  { re: anyOf([
    /\bworks? (?:fine |well )?(?:on my machine|locally|on staging|in dev|when i (?:run|start) it (?:by hand|manually))\b.{0,80}\bbut\b/,
    /\bonly (?:in|on) (?:production|prod)\b|\bbut (?:in|on) (?:production|prod)\b|\bfor (?:a minute|the first (?:few|couple of) (?:minutes|seconds|requests|logins))\b/,
    /\bthen (?:it(?:'s| is)? )?(?:works|fine|comes? back|is fine)\b|\b(?:most|some) days\b|\bfirst of the month\b|\bmonth[- ]end\b|\bat random\b|\ba handful of times\b|\bonly for some users\b|\bafter (?:we|i) added (?:a )?(?:second|third|another|more)\b/,
    /\bmidnight\b|\btime ?zones?\b|\bdaylight saving|\bminuit\b|\bmedianoche\b|\bmitternacht\b|\bmezzanotte\b|午夜|零点|跨天|日付をまたぐ|자정|полноч/,
    /\bnothing (?:has )?changed (?:on our side|in our code)|\bnada ha cambiado\b|\brien n'a change\b|\bnichts (?:geandert|verandert)\b|什么都没改|何も変えていない|아무것도 바꾸지 않/,
    /\bthe more (?:data|users|rows|records|traffic|items)\b|\bbig(?:ger)? (?:accounts|customers|tenants) time out\b|\bin parallel\b|\bpass (?:alone|one by one|individually)\b/,
    /\bwhen (?:traffic|load) (?:spikes|grows|increases|peaks)\b|\beven though\b.{0,40}\b(?:barely|idle|not (?:loaded|busy))\b|負荷が高|高負荷|负载高|流量一大|流量大|부하가 (?:높|몰)|트래픽이 몰|под нагрузкой|при нагрузке|アクセスが(?:増え|集中)|トラフィックが増え|访问量(?:增加|上来|大)|접속이 몰|사용자가 (?:늘|몰)|\bwhen (?:traffic|usage|the user count) (?:grows|goes up|doubles)\b/,
    /\bfall(?:s|ing)? behind\b|\bcan'?t keep up\b|\bkommen nicht hinterher\b|\b(?:getting|keeps getting|slower and) slower\b|\bimmer langsamer\b|\bde plus en plus lent|\bcada vez mas lent|\bsempre piu lent|越来越慢|越来越大|だんだん遅く|점점 느려|вс[её] медленнее/,
    /\bmemory (?:grows|keeps growing|climbs)|\bout of memory\b|\boom\b|\bgets killed\b|\b(?:queue|backlog|lag) (?:keeps )?(?:growing|grows)\b|очередь раст|积压|堆积|溜まり続け|쌓이/,
    /\bevery so often\b|\bonce in a while\b|\bnow and again\b|\b(?:works|fine) for some (?:people|users|customers)\b|\bfor some (?:people|users|customers)\b.{0,60}\b(?:for others|not for)\b/,
    /本番環境でだけ|本番でだけ|只在生产|仅在生产|只有在线上|운영에서만|배포 직후에만|только (?:в|на) (?:продакшен|проде)/,
    // One environment against another: "only behind the corporate proxy", "works fine at home", "can't reproduce locally".
    /\bonly (?:behind|through|via|over|from|on|in|with) (?:the |a |our |some |my )?(?:\w+ ){0,2}(?:proxy|vpn|firewall|network|wi-?fi|browser|safari|firefox|chrome|android|ios|region|datacenter|data center|cluster|host|machine|server|environment|load balancer|cdn|nat)s?\b/,
    /\bworks? (?:fine|ok|okay|well|perfectly) (?:at home|from home|locally|on (?:my|our) (?:machine|laptop|side)|on wi-?fi|without (?:the )?(?:proxy|vpn))\b/,
    /\b(?:can'?t|cannot|could ?n'?t|unable to) reproduce\b|\bnot reproducible\b|\bfunktioniert lokal\b|\bmarche en local\b|\bfunciona en local\b|\bfunziona in locale\b|\bfunciona localmente\b/,
    /本地(?:正常|没问题|复现不了)|复现不了|无法复现|再現しない|再現できない|재현이 안|재현되지 않|не воспроизводится|локально работает/,
  ]), weight: 0.25, signal: 'fails only sometimes or somewhere' },
  { re: anyOf([
    /\b(?:quorum|etcd|raft|paxos|zookeeper|split[- ]?brain|sentinel|patroni|write skew|phantom reads?|snapshot isolation|repeatable read|serializab|isolation level)/,
    /\b(?:vector clocks?|logical clocks?|lamport|incast|head[- ]of[- ]line|gc pauses?|session expiry|hot (?:partition|key|shard)|gsi|cooperative sticky|log compaction|snapshot frequency)\b/,
    /\b(?:debezium|cdc|outbox|mvcc|wal|fencing tokens?|linearizab\w*|gossip|anti-entropy|tail latency|p99|p999|clock skew|replication lag|lock contention|connection pool exhaustion|tombstones?|read repair|lsm)\b/,
    /\bfollower (?:reads?|replicas?)\b|\bconsistent reads?\b|\bcockroach(?:db)?\b|\bspanner\b|\bevent sourcing\b|хранени[ея] событий|восстанов\S* состояни/,
    /\b(?:optimistic|pessimistic) lock|\bretry storms?\b|\bfsync\b|\bcross-shard\b|\bsticky sessions?\b|\breplica lag\b/,
    /クォーラム|リーダー選出|楽観ロック|悲観ロック|乐观锁|悲观锁|낙관적 락|비관적 락|쿼럼|리밸런싱|脑裂|кворум|оптимистичн\S* блокировк/,
    /复制延迟|主从延迟|双写|レプリケーション遅延|복제 지연|복제본|отставани\S* реплик|шардир/,
  ]), weight: 0.3, signal: 'expert systems term' },
  { re: anyOf([
    /\bwhat (?:could|might|can|would) (?:be )?caus|\broot cause|\bwhere (?:should|do|would) (?:we|i) (?:look|start)|\bwhere to start\b|\bnobody knows why\b/,
    /\bhow (?:do|can|should|would) (?:we|i) (?:find|track down|debug|investigate|trace|figure out|locate)\b|\bwhy (?:would|might)\b|\bwhat(?:'s| is) (?:going on|happening)\b/,
    /\bda dove (?:partiamo|parto|partire|inizi\w*|cominci\w*)|\bpor (?:donde|onde) (?:(?:a gente|eu|nos|yo|nosotros) )?(?:empiez\w*|empez\w*|comienz\w*|comec\w*)|\bpar ou commencer|\bwo (?:fangen wir|fange ich|sollen wir|soll ich) (?:\w+ )?an\b|\bwo anfangen\b/,
    /\bworan kann das liegen|\bwoher kommt|\bpourquoi\b|\bque se passe|\bqu'est-ce qui se passe|\bque esta pasando|\bpor que (?:a veces|ocurre)|\bperche\b|\bwaarom\b/,
    /排查|定位|怎么查(?!看)|什么原因|原因是什么|可能是什么原因|切り分け|原因|どこを疑う|원인|추적|причин|расследован|с чего начать|как (?:это )?искать(?=[,?]| где| причин)|как (?:найти|отловить|отследить) (?:причин|ошибк|утечк|баг|проблем|где)/,
  ]), weight: 0.2, signal: 'asks to find a cause' },
];

// A definition, an expansion or a two-sentence explanation: small however big the term.
const DEFINE_ASK = anyOf([
  /^\s*what(?:'s| is| are) (?:a |an )?[\w-]+(?:\s+[\w-]+)?(?: (?:in|of) [\w.-]+)?\s*\?*\s*$/,
  /^\s*define\b|\bexplain what (?:a |an |the )?[\w-]+(?:\s+[\w-]+)? (?:is|are|means)\b|\bshort version\b|\btl;?dr\b|\bwhat does \S+ stand for\b|\bstand for\??$|\bexpand (?:the )?(?:abbreviation|acronym)\b|\babbreviation\b|\bacronym\b/,
  /\b(?:in|with) (?:one|a|two|three|1|2|3) (?:sentences?|lines?|words?)\b|\bshort answer\b|\bone-(?:sentence|line)\b|\bin one line\b|\bbriefly\b|\bdefinition of\b/,
  /\b(?:explicacion|explication|erklarung|spiegazione|explicacao) (?:corta|courte|kurze|breve|curta)\b|\bkurze erklarung\b|\ben (?:pocas|quelques) (?:palabras|mots)\b|\bin (?:wenigen worten|poche parole)\b|\bem poucas palavras\b/,
  /\ben (?:une|deux) phrases?\b|\ben (?:una|dos) frases?\b|\brespuesta corta\b|\bin (?:einem|zwei) satzen?\b|\bem uma frase\b|\bin una frase\b|\bque signifie\b|\bwas bedeutet\b|\bqu'est-ce que\b|\bque es el\b/,
  /一句话|简单说|一文で|簡単に|짧게|한 문장|кратко|коротко|одним предложением|什么是|是什么意思|とは何|뭐예요|무슨 뜻|что такое|что означает|аббревиатур/,
  // Questions about a word itself (its spelling, a name for a thing) are lookups whatever the word names.
  /\bhow (?:do you|do i|to|should i) (?:spell|pronounce|abbreviate)\b|\bplural of\b|\bsynonym for\b|\b(?:good|better|short|clear|nice|proper) (?:name|word|term) for\b|\bwhat (?:should i|to|would you) (?:call|name)\b/,
]);

// Mechanical changes named anywhere in the request, not only as its first word ("In our microservices
// architecture, fix the indentation in this YAML").
const MECHANICAL_ASK = anyOf([
  /\bfix (?:the )?(?:[\w-]+ ){0,3}(?:indentation|typos?|formatting|spelling|links|heading levels?|headings)\b|\badd (?:a )?table of contents\b|\bsort (?:the )?imports\b|\badd (?:a |the )?(?:type hints?|type annotations?|docstrings?|jsdoc|comments?|log line)\b/,
  /\bwrite (?:a |the )?(?:docstring|jsdoc|boilerplate|comment)\b|\b(?:boilerplate|scaffold)\b|\bgenerate (?:a |an |the )?(?:typescript |ts |java |go |python )?(?:interface|type|getters?|setters?|dto|enum|class)\b/,
  /\brename (?:the |this )?(?:variable|function|method|class|field)\b|\btranslate (?:this|the) comment\b|\bconvert this callback\b/,
  // A list reshaped into a data format: "turn each bullet into a JSON object", however many services the list names.
  /\b(?:turn|convert|transform|reformat|rewrite) (?:each|every|all|these|those|the following|this list of|the) (?:[\w-]+ ){0,2}(?:into|to|as) (?:an? |one )?(?:json|yaml|yml|csv|xml|toml|markdown|table|list|array|objects?|dict|map|enum|tuples?)\b/,
  /\bannotations de type\b|\brenombra (?:esta|este)\b/,
  // Reformatting a file in view, in the languages the classifier reads ("bitte formatiere nur dieses YAML …").
  /\b(?:format|reformat|prettify|pretty-print|beautify|formatiere|formatier|formatea|formatear|formate|formatar|formata|formattare|formatta|formatteer)\w* (?:\w+ ){0,3}(?:yaml|yml|json|xml|sql|toml|markdown|html|css|csv|file|snippet|datei|archivo|arquivo|fichier|file|tabelle|tabla|tabela|codigo|code)\b/,
  // A local-dev file that lists services is boilerplate, whatever services it lists.
  /^\s*(?:please\s+)?(?:write|give me|generate|create|make)\s+(?:me\s+)?(?:a |an |the )?(?:docker-?compose(?:\.ya?ml)?|compose|dockerfile|devcontainer|makefile|github actions? workflow)(?: file)?\b/,
]);

export function asksForDefinition(prose: string): boolean {
  return DEFINE_ASK.test(prose);
}

export function asksForMechanicalChange(prose: string): boolean {
  return MECHANICAL_ASK.test(prose);
}



// A failure report: something that runs (users, orders, requests, the app) misbehaves under a condition, told
// without code. Its cause lies in how the parts behave together, not in a line, so it needs diagnosis.
export const RUNTIME_SUBJECT = anyOf([
  /\b(?:users?|customers?|people|clients?|visitors|orders?|requests?|jobs?|payments?|e-?mails?|notifications?|messages?|uploads?|logins?|sessions?|accounts?|connections?|sockets?|websockets?|calls?)\b/,
  /\bthe (?:app|service|site|page|api|server|backend|dashboard|report|export|queue|worker|cron|job|checkout|cart|search)\b|\bpods?\b|\bworkers?\b|\bproduction\b/,
  /\b(?:students|pupils|patients|players|members|guests|drivers|riders)\b|사람|학생|회원|学生|会员|生徒|会員|студент|участник/,
  // Devices in the field.
  /\b(?:devices?|sensors?|thermostats?|meters?|cameras?|terminals?|printers?|scanners?|kiosks?|trucks?|vehicles?|tablets?|gateways?|readers?)\b|\b(?:dispositivos?|sensores?|contatori|capteurs?|appareils?|gerate|zahler)\b|设备|端末|センサー|기기|센서|устройств|датчик/,
  /\b(?:nutzer|kunden|bestellungen|anfragen|zahlungen|utilisateurs|clients|commandes|requetes|paiements|usuarios|clientes|pedidos|peticiones|pagos|utenti|clienti|ordini|richieste|pagamenti|pagamentos|usuarios|gebruikers|klanten|betalingen)\b/,
  /用户|客户|订单|请求|接口|服务|页面|任务|ユーザー|顧客|注文|リクエスト|サービス|画面|ジョブ|사용자|고객|주문|요청|서비스|화면|작업|пользовател|клиент|заказ|запрос|сервис|страниц|задач/,
]);
const SYMPTOM = anyOf([
  /\b(?:fails?|failing|failed|times? out|timing out|timeouts?|errors?|hangs?|hanging|stuck|crash(?:es|ed)?|missing|lost|wrong|slow(?:er|s down)?|blank|disappears?|vanish(?:es)?|stops?|stopped|drops?|dropped|skipped|negative|expired|out of sync|crawl(?:s|ing)?|grinds? to a halt|sluggish|unresponsive|freez(?:es|ing)|froze)\b/,
  /\b(?:can'?t|cannot|never|don'?t|doesn'?t|didn'?t|won'?t) (?:\w+ )?(?:work|arrive|show|load|pay|log ?in|get|see|receive|happen|finish|complete|match|reconnect|recover|come back|sync|catch up)\b/,
  // The same thing happening several times to the people using it, or their work not sticking.
  /\b(?:multiple|several|many) times\b|\bmore than once\b|\bmehrfach\b|\bplusieurs fois\b|\bvarias veces\b|\bvarias vezes\b|\bpiu volte\b/,
  /\b(?:wasn'?t|weren'?t|isn'?t|aren'?t|not|never) (?:being )?saved\b|\bnicht gespeichert\b|\bpas (?:ete )?enregistre|\bno se (?:guard|grab)\w*|\bnao (?:foi |foram )?salv\w*|\bnon (?:viene |vengono |e stato |sono stati )?salvat\w*/,
  /여러 번|몇 번씩|多次|何度も|несколько раз|저장이 안|저장되지 않|没(?:有)?保存|没存上|保存されな|не сохран/,
  /\b(?:echoue|erreur|lent|falla|fallan|no (?:llega|pueden|funciona)|fehler|schlagt fehl|langsam|errore|non (?:arriva|funziona)|erro|falha|mislukt|fout)\b/,
  /\b(?:somem|sumiu|sumem|desaparec\w*|disparai\w*|verschwind\w*|scompa\w*)\b/,
  /\b(?:bloquee?s?|atascad[oa]s?|travad[oa]s?|bloccat[oiae]|hang(?:en|t)|stecken fest)\b|\b(?:restent|se quedan|ficam|restano) (?:bloque\w*|atascad\w*|travad\w*|bloccat\w*|parad[oa]s?|en attente|pendientes?|pendentes?|in attesa)\b/,
  /超时|报错|错误|失败|丢失|不见|变慢|很慢|卡住|崩溃|查不到|收不到|エラー|タイムアウト|失敗|遅く|落ち|消え|表示されない|届かない|에러|오류|실패|느려|타임아웃|안 (?:되|와)|ошибк|пада|упал|тормоз|завис|не приход|пропада/,
]);
const CONDITION = anyOf([
  /\b(?:when|whenever|after|once|if|while|since|during|only|but|even though|until|some of)\b/,
  /\b(?:quand|apres|seulement|mais|depuis|cuando|despues|desde|solo|pero|wenn|nach|nur|aber|seit|quando|dopo|da quando|ma|depois|desde que|mas|als|maar|alleen|sinds)\b/,
  /之后|以后|的时候|但是|只有|一.{1,6}就|たら|ても|と、|後|だけ|時に|면|후에?|뒤|때|만 |после|когда|если|только|(?<![а-яё])но(?![а-яё])/,
]);

// A request to make something ("design a nicer error message for when …") describes what to build, not a failure.
const MAKES_SOMETHING = /^\s*(?:please\s+)?(?:design|write|create|generate|build|implement|draft|add|make)\b/i;

// Told about the asker's own small piece of work or a syntax error: a bug in one place, not a running system.
const OWN_SMALL_WORK = anyOf([
  // The asker's own developer tools: "the app gets slow when i open devtools", "only in debug mode".
  /\b(?:devtools|dev tools|the (?:inspector|debugger|profiler)|breakpoints?|debug mode|hot reload)\b/,
  /\b(?:when|whenever|every time|if) i (?:resize|scroll|zoom|hover|click|tap|type|drag|open the (?:modal|menu|dropdown|sidebar))\b/,
  /\bsyntax ?errors?\b|\bmy (?:little |small |simple |toy |own )?(?:form|component|example|script|homework|to-?do(?: app| list)?|page|demo|exercise)\b|\busestate\b|\bin my class\b/,
  // A double submit answered by disabling the button is a fix in one place.
  /(?:button|кнопк|버튼|按钮|ボタン|boton|botao|bouton|pulsante|knopf)[\s\S]{0,40}(?:disabl|отключ|비활성|禁用|無効|desactiv|deshabilit|disabilit|deaktiv|debounce)/,
  /(?:disabl|отключ|비활성|禁用|無効|desactiv|deshabilit|disabilit|deaktiv|debounce)[\s\S]{0,40}(?:button|кнопк|버튼|按钮|ボタン|boton|botao|bouton|pulsante|knopf)/,
]);

export function reportsRunningFailure(prose: string): boolean {
  if (MAKES_SOMETHING.test(prose) || OWN_SMALL_WORK.test(prose)) return false;
  const text = prose.replace(/\berror (?:messages?|pages?|codes?|handling)\b/gi, ' ');
  return RUNTIME_SUBJECT.test(text) && SYMPTOM.test(text) && CONDITION.test(text);
}

export const FAILURE_REPORT_SIGNAL = 'reports a failure of a running system';
