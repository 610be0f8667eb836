// Hard questions told in plain words that name no system term (the twelfth blind round): a running thing going
// from one machine to several ("works with one server, we're adding a second, what breaks"), where a concern that
// cuts across the code lives ("where should the retry logic live"), one value copied to many places that drift,
// several writers to one store, who sees what by role, an edit whose object is a capability of the whole product
// ("add sso to the product"), and what old clients already out there force on a change. Each in every language the
// rules read; each has probes of wording it must not catch (test/fixtures/routing-adversarial/probes-2026-12m.json).

import type { Rule } from './complexityRules';
import { anyOf } from './normalize';
import { notAboutCode } from './localThings';

export const SCALE_OUT_SIGNAL = 'one server or market becomes several';
export const PER_UNIT_SIGNAL = 'one shared or one for each';
export const NEIGHBOUR_SIGNAL = 'one customer hurts the others';
export const CONCERN_HOME_SIGNAL = 'where a cross-cutting concern lives';
export const MANY_PLACES_SIGNAL = 'one value kept in many places';
export const WRITERS_SIGNAL = 'several writers to one store';
export const ROLE_SCOPE_SIGNAL = 'who sees what by role';
export const CAPABILITY_SIGNAL = 'adds a capability of the whole product';
export const OLD_CLIENTS_SIGNAL = 'clients already out there';

// A running machine, not a config block or an instance of a class.
const MACHINE = '(?:servers?|box(?:es)?|instances?|nodes?|machines?|pods?|replicas?|vms?|hosts?)';
const NOT_CONFIG = '(?!\\s*(?:block|blocks|name|names|entry|entries|config|directive|section|of (?:the|this|a|my) (?:class|object|component|script|struct))\\b)';
const MORE = '(?:a second|a 2nd|the second|another|a third|two|2|three|3|more|several|multiple|extra)';

const MARKET = '(?:country|countries|market|region|pais|pays|land|paese|regiao|mercado|marche|markt|mercato|regione|landes)';
const FEW = '(?:two|three|four|five|six|ten|twelve|twenty|dos|tres|cuatro|cinco|diez|doce|dois|quatro|dez|deux|trois|quatre|dix|douze|zwei|drei|vier|zehn|zwolf|due|tre|quattro|dieci|dodici|several|many|varios|plusieurs|mehrere|vari)';

// Two of something on one machine is not a second machine: "dos carpetas", "deux fichiers", "two sites".
const NOT_ON_ONE = '(?! (?:files?|folders?|sites?|websites?|domains?|ports?|tabs?|windows?|monitors?|screens?|versions?|carpetas?|archivos?|sitios?|puertos?|pestanas?|fichiers?|dossiers?|onglets?|ecrans?|dateien|ordner|seiten|pastas?|arquivos?|abas?|telas?|cartelle|schede)\\b)';

const SCALE_OUT = anyOf([
  // "works fine with one server but we're about to add a second one", "since we added the second box".
  new RegExp(`\\b(?:with|on) (?:just |only )?(?:one|a single|1) ${MACHINE}${NOT_CONFIG}\\b[^.?!]{0,80}\\b(?:second|2nd|third|two|three|another|more|several)\\b${NOT_ON_ONE}`),
  new RegExp(`\\b(?:add|adding|added|put|putting|spin(?:ning)? up|spun up|bring(?:ing)? up|go(?:ing)? to|move to|moving to|scal(?:e|ing) (?:out )?to) ${MORE} (?:\\w+ )?${MACHINE}${NOT_CONFIG}\\b(?! (?:to|in) (?:my|the|this) (?:docker-compose|compose|yaml|file|config|upstream|nginx)\\b)`),
  new RegExp(String.raw`\b(?:avec|sur) un (?:seul )?(?:serveur|noeud|instance|machine)\b[^.?!]{0,80}\b(?:deuxieme|second|seconde|deux|trois|autre|plusieurs)\b`+NOT_ON_ONE),
  new RegExp(String.raw`\b(?:con|en) un (?:solo |unico )?(?:servidor|nodo|instancia|maquina)\b[^.?!]{0,80}\b(?:segundo|dos|tres|otro|otra|varios|mas)\b`+NOT_ON_ONE),
  new RegExp(String.raw`\b(?:com|em) um (?:so |unico )?(?:servidor|no|instancia|maquina)\b[^.?!]{0,80}\b(?:segundo|dois|tres|outro|mais)\b`+NOT_ON_ONE),
  new RegExp(String.raw`\b(?:con|su) un (?:solo |unico )?(?:server|nodo|istanza|macchina)\b[^.?!]{0,80}\b(?:secondo|due|tre|altro|altri)\b`+NOT_ON_ONE),
  new RegExp(String.raw`\b(?:mit|auf) (?:nur )?(?:einem|einer) (?:einzigen )?(?:server|knoten|instanz|maschine)\b[^.?!]{0,80}\b(?:zweite\w*|zwei|drei|weitere\w*|noch (?:ein|einen|einer))\b`+NOT_ON_ONE),
  /(?:サーバー?|インスタンス|ノード|マシン)(?:が)?(?:1|一|１)台[^。？！?]{0,40}(?:2|3|二|三|複数|２|３)台/,
  /一台(?:服务器|机器|实例)?[^。？！?]{0,30}(?:两|三|二|多|[2-9])台|(?:加|扩)(?:到|成)(?:两|三|多|[2-9])台/,
  /(?:서버|인스턴스|노드) ?(?:한|1) ?대[^.?!]{0,40}(?:두|세|여러|[2-9]) ?대/,
  /(?:на )?одн(?:ом|ой) (?:сервер|инстанс|машин|нод)\S*[^.?!]{0,60}(?:втор\S* (?:сервер|машин|инстанс|нод)|(?:два|две|три|несколько) (?:сервер|машин|инстанс|нод)|ещ[её] (?:один|одну))/,
  // From one country or market to many: "going from 1 country to 12 next year", "de un pais a doce".
  new RegExp(`\\b(?:from|de|da|von|van) (?:one|1|un|uno|una|um|uma|einem|einer|een) (?:single )?${MARKET}\\b[^.?!]{0,20}\\b(?:to|a|para|auf|in|naar|in) (?:\\d+|${FEW})\\b`),
  /(?:从|由)一个(?:国家|市场|地区)[^。？！?]{0,10}(?:到|扩展到)|1(?:か国|カ国|ヶ国)から|한 (?:나라|국가|시장)에서|из одной (?:страны|рынка)/,
]);

// What cuts across the code: retries, caching, validation, permissions, business logic, error handling.
const CONCERN_EN = 'retr(?:y|ies)(?:[- ]logi[ck]\\w*)?|caching|cache|validation|auth(?:entication|orization|z)?|permission(?: check)?s?|access checks?|rate[- ]limit\\w*|business (?:logic|rules)|error handling|transactions?|idempoten\\w*';
const CONCERN_WEST = 'retry-logik|validierung|validacion|validacao|validazione|reintentos?|tentativ\\w*|nouvelles? tentatives?|wiederholungen|geschaftslogik|fehlerbehandlung|permisos|permissoes|droits|berechtigung\\w*|permessi';
const CONCERN_PHRASES = 'logica (?:de|di) (?:negocio|business|reintentos|retry)|logique (?:metier|de retry)|manejo de errores|gestion des erreurs|gestione degli errori|tratamento de erros';
const CONCERN = `(?:${CONCERN_EN}|${CONCERN_WEST}|${CONCERN_PHRASES})`;
// "la logica dei retry", "the logic for retries": the concern named through its logic.
const LOGIC_OF = '(?:(?:logic|logica|logique|logik) (?:de |di |dei |del |do |da |des |du |der |of |for )?(?:the |los |las |les |i |os |as )?)?';
const NOT_A_SETTING = '(?! (?:\\w+ )?(?:folder|dir|directory|files?|keys?|options?|settings?|flags?|config|variables?|env|headers?|tokens?|messages?|buttons?|labels?|text|counts?|limits?|numbers?|values?|ttl|timeouts?|sizes?|paths?)\\b)';
const CONCERN_HOME_WORDS = anyOf([
  new RegExp(`\\bwhere (?:should|do|does|would|must|can) (?:the |our |we put (?:the )?|i put (?:the )?)?${LOGIC_OF}${CONCERN}${NOT_A_SETTING}(?: \\w+){0,2} (?:live|go|sit|belong|be|happen|be done)\\b`),
  new RegExp(`\\b(?:which|what) layer (?:should|does|do|would) (?:(?:do|handle|own|run|hold|have|contain|enforce) )?(?:the |our )?(?:\\w+ )?${CONCERN}|\\b${CONCERN} in (?:which|what) layer\\b`),
  new RegExp(`\\bwo (?:gehort|sollte|soll|sollen|kommt|lebt) (?:die |der |das |unsere? )?${LOGIC_OF}${CONCERN}`),
  new RegExp(`\\bdonde (?:deberia|debe|tiene que|va|pongo|ponemos|pondrias|vive) (?:vivir |estar |ir )?(?:la |el |los |las )?${LOGIC_OF}${CONCERN}`),
  new RegExp(`\\bonde (?:deveria|deve|fica|colocamos|coloco|poria|vive) (?:ficar |morar |estar )?(?:a |o |os |as )?${LOGIC_OF}${CONCERN}`),
  new RegExp(`\\bou (?:doit|devrait|doivent|devraient|mettre|mettrais|mettriez|on met|placer) (?:vivre |se trouver |aller |etre )?(?:la |le |les |l')?${LOGIC_OF}${CONCERN}`),
  new RegExp(`\\bdove (?:dovrebbe|deve|va|metto|mettiamo|mettereste|vive) (?:stare |vivere |andare )?(?:la |il |lo |i |le )?${LOGIC_OF}${CONCERN}`),
  /(?:リトライ|再試行|キャッシュ|バリデーション|権限チェック|ビジネスロジック|エラー処理|エラーハンドリング|トランザクション)[^。？！?]{0,12}(?:どこに|どの層|どのレイヤー)[^。？！?]{0,10}(?:べき|いい|良い|正解)/,
  /(?:重试|缓存|校验|权限(?:校验|判断)?|业务逻辑|错误处理|事务)(?:逻辑)?[^。？！?]{0,10}(?:应该|该|最好)(?:放在哪|放哪|放到哪|在哪一层|在哪层)|(?:应该|该|最好)?(?:放在)?(?:哪一层|哪层)[^。？！?]{0,4}(?:比较好|合适|好)|(?:哪一层|哪层)[^。？！?]{0,6}(?:做|处理)(?:重试|缓存|校验|权限)/,
  /(?:재시도|캐시|검증|권한 (?:체크|검사)|비즈니스 로직|에러 처리|오류 처리|트랜잭션)[^.?!]{0,12}(?:어디에|어느 (?:층|레이어|계층))[^.?!]{0,10}(?:좋|해야|둬야|두는 게)/,
  /где (?:должн\S*|лучше|стоит|нужно|правильно) (?:\S+ ){0,2}(?:повтор\S* попыт|ретра|кеш|кэш|валидац|бизнес-логик|обработк\S* ошибок|провер\S* прав|транзакц)/,
]);
// One look for a word of place first ("where", "layer", "wo", "どこ", "哪", "где"): the list above has a hundred
// alternatives, too many to try at every position of a long text that has none of them.
const CONCERN_HOME = new RegExp(`^(?=[\\s\\S]*(?:where|layer|wo |donde|onde|ou |dove|どこ|どの層|どのレイヤー|哪|어디|어느|где))[\\s\\S]*(?:${CONCERN_HOME_WORDS.source})`, 'i');

// One value copied to many places that drift: "we have to update it in like 5 places and it always gets out of sync".
const PLACES = '(?:\\d+|two|three|four|five|six|seven|several|many|multiple|a (?:few|bunch of|dozen)|all (?:the|those|these)) (?:different )?(?:places|systems|services|databases|dbs|apps|stores|tables|spots)';
const MANY_PLACE_WORDS = anyOf([
  new RegExp(`\\b(?:in|across) (?:like |about |around |roughly )?${PLACES}\\b(?! in (?:this|the|my|one) (?:file|function|class|module|component|script)\\b)[^.?!]{0,80}\\b(?:out of sync|desync\\w*|drift\\w*|inconsisten\\w*|mismatch\\w*|disagree\\w*|miss(?:es)? one|forg(?:et|ets|ot|etting) (?:\\w+ ){0,2}one)\\b`),
  /\ba (?:\d+|deux|trois|quatre|cinq|plusieurs) endroits\b[^.?!]{0,80}\b(?:desynchronis\w*|incoheren\w*|pas a jour)\b/,
  /\ben (?:\d+|dos|tres|cuatro|cinco|varios) (?:sitios|lugares)\b[^.?!]{0,80}\b(?:desincroniz\w*|no coincid\w*|inconsisten\w*)\b|\bem (?:\d+|dois|tres|quatro|cinco|varios) lugares\b[^.?!]{0,80}\b(?:dessincroniz\w*|desincroniz\w*|nao bat\w*)\b/,
  /\ban (?:\d+|zwei|drei|vier|funf|mehreren) (?:stellen|orten)\b[^.?!]{0,80}\b(?:nicht (?:mehr )?synchron|auseinander|inkonsisten\w*)\b|\bin (?:\d+|due|tre|quattro|cinque|vari) posti\b[^.?!]{0,80}\b(?:non (?:sono )?(?:sincronizzat|allineat)\w*|disallineat\w*)\b/,
  /(?:\d+|[二三四五六七八九十几多]|複数)(?:か所|箇所|ヶ所|个地方|处)[^。？！?]{0,30}(?:ずれ|不一致|食い違|不同步|对不上|合わない)|(?:\d+|여러|[두세네다섯]) ?(?:군데|곳)[^.?!]{0,30}(?:안 맞|달라|불일치)|в (?:\d+|нескольких|пяти|трёх|трех|разных) местах[^.?!]{0,60}(?:рассинхрон|расход|не совпад)/,
]);
// What users change at run time (an email, a price, a status), not a constant or a colour written in several files.
const RUNTIME_DATA = '(?:e-?mails?|address(?:es)?|prices?|stock|inventory|status(?:es)?|balances?|profiles?|users?|customers?|orders?|plans?|permissions?|phone|correo|adresse|direccion|endereco|precos?|precios?|prix|preise?|prezz[io]|estado|saldo|usuarios?|clientes?|client|kunden?|utenti|メール|住所|価格|在庫|ユーザー|用户|邮箱|价格|库存|地址|사용자|이메일|가격|почт|адрес|цен|остат|клиент|пользовател)';
const MANY_PLACES = new RegExp(`^(?=[\\s\\S]*${RUNTIME_DATA})[\\s\\S]*(?:${MANY_PLACE_WORDS.source})`, 'i');

// Several writers to one store, or the owner of shared data: "both apps write to the same redis keys".
const WRITERS = anyOf([
  // "two services both update the order status", "marketing and sales apps both write to the same table", "who wins?".
  /\b(?:two|2|three|several|multiple) (?:\w+ )?(?:apps|applications|services|microservices|teams|systems|processes|workers|jobs|instances|pods|servers|consumers|clients) both (?:write|update|modify|change)\w* (?:to )?(?:the|it|them)\b/,
  /\band (?:[\w-]+ ){1,3}(?:apps|services|systems|teams|jobs|workers) both (?:write|update|modify|change)\w* (?:to )?(?:the|it|them)\b|\bwho wins\b/,
  /\b(?:both|two|2|three|several|multiple|all|different) (?:of (?:them|our \w+|the \w+) |(?:\w+ )?(?:apps|applications|services|microservices|teams|systems|processes|workers|jobs|instances|pods|servers|consumers|clients|crons?) )?(?:write|writes|writing|update|updates|updating|modify|modifies|change|changes) (?:to )?(?:it|them|that|the same|one|a shared)\b/,
  /\b(?:who|which (?:team|service|app)) should own (?:the |our )?(?:\w+ )?(?:data|table|tables|database|db|schema|records|events|api|topic)\b/,
  /\b(?:los|las) dos (?:apps|servicios|equipos|sistemas) (?:escriben|actualizan|modifican)\b|\bos dois (?:apps|servicos|times|sistemas) (?:escrevem|atualizam)\b|\bles deux (?:apps|services|equipes|systemes) (?:ecrivent|modifient)\b|\bbeide (?:apps|services|dienste|teams|systeme) (?:schreiben|andern|aktualisieren)\b/,
  /(?:两个|多个|几个)(?:服务|系统|应用|团队)[^。？！?]{0,6}(?:都)?(?:写|改|更新)(?:同一|一张|一个)|(?:両方|複数)の(?:サービス|アプリ|システム)が(?:同じ|一つの)[^。？！?]{0,12}(?:書き込|更新)|(?:두|여러) (?:서비스|앱|시스템)(?:이|가)? (?:같은|하나의)[^.?!]{0,12}(?:쓰|업데이트)|(?:оба|два|несколько) (?:сервис|приложени|команд)\S* (?:пишут|обновляют) в (?:одн|ту же|общ)/,
]);

// Who sees what by role or region: "admins see everything but support people only their region".
const SCOPE = '(?:region|team|department|branch|store|shop|org|organi[sz]ation|tenant|clients?|customers?|country|location|projects?|accounts?|group|site|clinic|school)s?';
const ROLE_SCOPE = anyOf([
  new RegExp(`\\bonly (?:see|access|view|read|edit|manage) (?:their|its|his|her) (?:own )?${SCOPE}(?:'s)?\\b`),
  new RegExp(`\\b(?:see|access|view|manage) (?:only )?(?:the \\w+ (?:of|in|from) )?(?:their|its|his|her) (?:own )?${SCOPE} only\\b`),
  /\b(?:admins?|managers?|owners?|supervisors?)\b[^.?!]{0,30}\b(?:see|access|view|edit) (?:everything|all)\b[^.?!]{0,40}\b(?:only|just|but)\b/,
  /\bsolo (?:vean|vea|puedan ver|pueda ver) (?:\w+ ){0,3}(?:su|sus) (?:propi[oa]s? )?(?:region|equipo|tienda|sucursal|clientes|pais)\b|\bso (?:vejam|veja|possam ver|possa ver) (?:\w+ ){0,3}(?:sua|seu|suas|seus) (?:propri[oa]s? )?(?:regiao|equipe|loja|filial|clientes)\b/,
  /\bne (?:voient|voie|puissent voir) que (?:leur|sa|son|leurs) (?:propre )?(?:region|equipe|magasin|agence|clients)\b|\bnur (?:ihre?n?|seine?n?) (?:eigene\w* )?(?:region|team|filiale|kunden|abteilung) (?:sehen|sieht)\b/,
  /只能看(?:到)?(?:自己|本)(?:区域|部门|门店|团队|地区)|自分の(?:地域|部署|店舗|チーム)(?:の[^。？！?]{0,8})?だけ|자기 (?:지역|부서|매장|팀)(?:의 [^.?!]{0,8})?만|только (?:сво\S+) (?:регион|отдел|филиал|команд|магазин)/,
]);

// An edit whose object is a capability of the whole product, not of one screen: "add sso to the product".
const CAPABILITY_WORDS = '(?:sso|two[- ]factor(?: auth\\w*)?|2fa|mfa|single sign-?on|saml|multi-?tenan\\w*|multiple currencies|multi-?currency|multi-?region|multiple regions|real-?time collaboration|co-?editing|offline (?:mode|support|sync)|audit (?:log|trail)s?|data residency)';
const CAPABILITY_VERB = '(?:add|adding|support|supporting|implement|implementing|build|building|enable|enabling|introduce|introducing|roll(?:ing)? out)';
// A capability's word naming a small part ("an sso button", "the audit log section") or put on one ("to this page").
const SMALL_PART = '(?:button|link|icon|label|page|screen|form|field|flag|option|setting|test|comment|doc|docs|section|badge|banner|toggle|example)';
const SMALL_HOME = '(?:button|page|form|screen|component|function|file|test|readme)';
const CAPABILITY = anyOf([
  new RegExp(`\\b${CAPABILITY_VERB}\\b (?:\\w+ ){0,2}?${CAPABILITY_WORDS}\\b(?! ${SMALL_PART}s?\\b)(?![^.?!]{0,30}\\b(?:to|in|on) (?:this|the|my) ${SMALL_HOME}\\b)`),
  /\bmake (?:the |our |this )?(?:whole )?(?:app|site|website|product|platform|service|system) work offline\b/,
]);

// What old clients already in users' hands force on a change: "without breaking the mobile apps already out there".
// Only when a change must keep them working: "without breaking", "still work", "compatible", "force an update".
const KEEP_WORKING = '(?:break|breaking|still work|keep working|support|compatib|force (?:\\w+ ){0,2}(?:to )?update|backward|rompe|romper|quebr|casse|casser|kaputt|brechen|壊|破坏|兼容|깨지|сломат|совместим)';
const OLD_CLIENT_WORDS = anyOf([
  // People who do not update: "half our users never update the app", "we can't force people to update the ios app".
  /\b(?:users|people|customers|clients|half (?:of )?(?:our|the) users) (?:never|don'?t|won'?t|rarely|do not|will not) (?:\w+ )?update (?:the|their|our) (?:\w+ )?app\b|\b(?:can'?t|cannot|can not) force (?:\w+ ){0,2}to update\b/,
  /\b(?:apps?|clients?|versions?|builds?|sdks?|integrations?)\b (?:that are |which are )?already (?:out there|in the wild|shipped|installed|released|in (?:the )?(?:app )?stores?|on (?:people'?s|users'?) (?:phones|devices))\b/,
  /\bold(?:er)? (?:app |client |mobile |ios |android )?(?:versions|clients|apps|builds|sdks)\b[^.?!]{0,30}\b(?:still|out there|in the wild|can'?t update|won'?t update|don'?t update)\b/,
  /\b(?:versiones|versoes|versions|versionen|versioni) (?:antiguas|viejas|antigas|anciennes|alten|vecchie) (?:de la |da |de l'|der |dell')?(?:app|aplicacion|aplicativo|appli)\b|旧バージョンのアプリ|老版本(?:的)?(?:app|客户端)|구버전 앱|старые версии (?:приложени|клиент)/,
]);
const OLD_CLIENTS = new RegExp(`^(?=[\\s\\S]*${KEEP_WORKING})[\\s\\S]*(?:${OLD_CLIENT_WORDS.source})`, 'i');

// "One big db or one per service?": one shared thing against one for each unit.
const UNIT = '(?:service|microservice|tenant|customer|client|team|region|app|country|servicio|servico|servizio|kunde|cliente|mandant)s?';
const PER_UNIT = anyOf([
  new RegExp(`\\bor (?:one|a|an|its own|a separate (?:\\w+ )?) ?(?:\\w+ )?(?:per|for each|for every) ${UNIT}\\b|\\b(?:one|a|an|un[oa]?|uma?|une?|eine?n?) (?:\\w+ )?(?:per|for each|por|par|pro) ${UNIT} (?:or|ou|o|oder)\\b`),
  new RegExp(`\\b(?:ou|o|oder) (?:une?|uma?|un[oa]?|eine?n?) (?:\\w+ )?(?:par|por|pro|per) ${UNIT}\\b`),
  /(?:一个|同一个)[^。？！?]{0,6}(?:还是|或者)[^。？！?]{0,6}每个(?:服务|租户|团队)|(?:サービス|テナント)ごとに[^。？！?]{0,10}(?:か|それとも)|(?:서비스|테넌트)마다[^.?!]{0,10}(?:아니면|또는)|(?:одн\S+ (?:\S+ )?или (?:\S+ )?(?:на|для) каждо)/,
]);

// One customer hurting all the others: "a giant customer shouldn't take the others down", "noisy neighbour".
const NEIGHBOUR = anyOf([
  /\bnoisy neighbou?rs?\b|\b(?:one|a single|a big|a huge|a giant|one big|one large) (?:\w+ )?(?:customer|tenant|client|account|team)\b[^.?!]{0,40}\b(?:slow(?:s|ing)? down|tak(?:e|es|ing) down|affect(?:s|ing)?|hurt(?:s|ing)?|starv\w*|block(?:s|ing)?|bring(?:s|ing)? down|hog\w*)\b[^.?!]{0,20}\b(?:everyone|everybody|the others|other (?:customers|tenants|clients|users)|all the others)\b/,
  /\b(?:um|uma|un|una|une?|ein(?:e|en)?|uno) (?:\w+ )?(?:cliente|client|kunde|kunden|inquilino|tenant|mandant)\b[^.?!]{0,40}\b(?:derrub\w*|tumb\w*|afect\w*|ralent\w*|plomb\w*|impact\w*|bremst|blockiert|rallent\w*)\b[^.?!]{0,20}\b(?:os outros|os demais|los demas|los otros|les autres|die anderen|alle anderen|gli altri)\b/,
  /一个(?:大)?(?:客户|租户)[^。？！?]{0,20}(?:影响|拖垮|拖慢)(?:其他|别的|所有)|(?:一つの|1つの|一社の)(?:大きな)?(?:顧客|テナント)[^。？！?]{0,20}他の|한 (?:고객|테넌트)[^.?!]{0,20}다른|один (?:\S+ )?(?:клиент|тенант)[^.?!]{0,40}(?:остальн|други)/,
]);

/** New signals of the round, each hard content except the concern's home (a short "where does X go" may be small). */
export const SYSTEMS_HIGH: Rule[] = [
  { re: notAboutCode(SCALE_OUT), weight: 0.3, signal: SCALE_OUT_SIGNAL },
  { re: notAboutCode(CONCERN_HOME), weight: 0.3, signal: CONCERN_HOME_SIGNAL },
  { re: notAboutCode(MANY_PLACES), weight: 0.3, signal: MANY_PLACES_SIGNAL },
  { re: notAboutCode(WRITERS), weight: 0.3, signal: WRITERS_SIGNAL },
  { re: notAboutCode(ROLE_SCOPE), weight: 0.3, signal: ROLE_SCOPE_SIGNAL },
  { re: notAboutCode(CAPABILITY), weight: 0.3, signal: CAPABILITY_SIGNAL },
  { re: notAboutCode(OLD_CLIENTS), weight: 0.3, signal: OLD_CLIENTS_SIGNAL },
  { re: notAboutCode(PER_UNIT), weight: 0.3, signal: PER_UNIT_SIGNAL },
  { re: notAboutCode(NEIGHBOUR), weight: 0.3, signal: NEIGHBOUR_SIGNAL },
];

export const SYSTEMS_HARD_CONTENT = [SCALE_OUT_SIGNAL, MANY_PLACES_SIGNAL, WRITERS_SIGNAL, ROLE_SCOPE_SIGNAL, CAPABILITY_SIGNAL, OLD_CLIENTS_SIGNAL, PER_UNIT_SIGNAL,
  NEIGHBOUR_SIGNAL];

// "Make search fast, it's 4 seconds on 20 million products": an edit whose goal is speed at a stated scale.
const PERF_AT_SCALE = notAboutCode(/\b(?:fast|faster|quick|quicker|snappy|speed (?:it |this )?up|scale|scales|performant)\b/);
const PRODUCT_WIDE_EDIT = notAboutCode(CAPABILITY);

/** An edit that is about the whole product: a product-wide capability, or speed at a stated scale with no code. */
export function editIsProductWide(prose: string, noCode: boolean, scale: boolean): boolean {
  return PRODUCT_WIDE_EDIT.test(prose) || (noCode && scale && PERF_AT_SCALE.test(prose));
}

// Subjects that run: the app, the site, the database. Not "my laptop" or "devtools".
const RUNNING = '(?:app|site|website|api|db|database|server|servers|system|backend|checkout|dashboard|platform|shop|store|service|services)';
const SLOW = '(?:slow|slower|sluggish|laggy|unresponsive|down|overloaded)';

// Words for signals that exist already, merged into them by signal (rules.ts).
// Heavy work on data or the system, the thing done while people use it: not keeping a screen awake.
const HEAVY = String.raw`(?:delet|purg|migrat|backfill|reindex|rebuild|mov|cop(?:y|i)|alter|deploy|rewrit|renam|split|import|export|archiv|clean|drop|borr|elimin|supprim|losch|apag|cancel|删|迁|移行|削除|移し|удал|мигр|перен|삭제|이전)`;
const WHILE_IN_USE = (re: RegExp): RegExp => new RegExp(`^(?=[\\s\\S]*${HEAVY})[\\s\\S]*(?:${re.source})`, 'i');

const TERMS: Record<string, RegExp[]> = {
  // Heavy work on a system people are using: "delete 3 years of data while people use the app"; a machine gone.
  'hard systems problem': [
    // Something of ours is down (an older word, silent now on the wifi, the dev server or a mock api being down).
    /\b(?:is|being|goes|went|are) down\b/,
    WHILE_IN_USE(/\bwhile (?:people|users|customers|everyone|clients|folks|the (?:app|site|system|service|shop|store|db|database) is) (?:are )?(?:still )?(?:using it|using (?:the|our) (?:app|site|system|product)|use (?:it|the app|the site)|live|in use|in production|online)\b/),
    WHILE_IN_USE(/\bpendant que (?:les )?(?:gens|utilisateurs|clients) (?:l'?)?(?:utilisent|travaillent)\b|\bmientras (?:los |la )?(?:usuarios|clientes|gente) (?:la |lo )?(?:usan|usa|trabajan|estan usando)\b|\benquanto (?:os |as )?(?:usuarios|clientes|pessoas) (?:usam|estao usando|trabalham)\b/),
    WHILE_IN_USE(/\bwahrend (?:die )?(?:nutzer|kunden|leute|benutzer) (?:\w+ )?(?:arbeiten|nutzen|benutzen)\b|\bmentre (?:gli )?(?:utenti|clienti|persone) (?:la |lo )?(?:usano|lavorano)\b/),
    WHILE_IN_USE(/(?:大家|用户|客户)(?:正常)?(?:使用|在用)的(?:时候|同时)|不影响(?:用户|线上|业务)使用|(?:ユーザー|利用者)が使(?:って|いながら|っている)(?:いる)?(?:間|最中|まま)|사용자가 (?:쓰는|사용하는) (?:동안|중에)|пока (?:пользователи|клиенты|люди) (?:\S+ )?(?:работают|пользуются)/),
    /\b(?:what(?:'s| is) the plan|what do we do|what should happen|what happens) (?:if|when) (?:the |our |a )?(?:\w+ )?(?:db|database|server|primary|region|datacenter|data center|cluster|broker|queue|cache|redis|provider|zone)s? (?:\w+ )?(?:dies|die|goes down|go down|crashes|fails|is down|becomes unavailable)\b/,
    /(?:サーバー|db|データベース|ブローカー)(?:が)?(?:落ち|死ん|止まっ|ダウンし)たら|(?:服务器|数据库|主库|机房)(?:挂了|宕了|挂掉)(?:怎么办|的话)|(?:서버|db|데이터베이스)(?:가|이)? (?:죽으면|다운되면|터지면)|(?:если|когда) (?:\S+ )?(?:упад[её]т|ляжет|умр[её]т) (?:\S+ )?(?:сервер|база|бд)/,
  ],
  // The site slows down each time something happens elsewhere: "every time marketing sends the newsletter".
  'fails only sometimes or somewhere': [
    new RegExp(`\\b(?:every time|whenever|each time) (?!i\\b|i'm\\b|my\\b)[^.?!]{0,60}\\b(?:the |our )?${RUNNING}\\b[^.?!]{0,20}\\b(?:gets?|goes|becomes?|is|are|slows) (?:\\w+ )?${SLOW}\\b`),
    new RegExp(`\\b(?:the |our )?${RUNNING} (?:gets?|goes|becomes?|slows) (?:\\w+ )?${SLOW}\\b[^.?!]{0,10}\\b(?:every time|whenever|each time) (?!i\\b|i'm\\b|my\\b)`),
    /(?:たびに|度に)[^。？！?]{0,8}(?:サイト|システム|サーバー|db|データベース|api|アプリ)(?:が|は)?(?:重く|遅く|落ち)|每次[^。？！?]{0,20}(?:网站|系统|服务|数据库|接口|服务器|后台)(?:就|都)?(?:变慢|很慢|卡|挂|崩)|(?:때마다) (?:사이트|시스템|서버|db)(?:가|이)? (?:느려|죽)/,
  ],
  // Crashing between two steps: "決済は通ったのに保存前にサーバーが落ちたら".
  'work lost or done twice': [
    /(?:保存|書き込み|コミット|登録)(?:の)?(?:前|途中)に[^。？！?]{0,10}(?:落ち|クラッシュ|死ん|止ま)|(?:保存|写入|提交)(?:之前|前|途中|到一半)[^。？！?]{0,8}(?:挂了|宕|崩溃|挂掉)|(?:저장|커밋) (?:전에|도중에)[^.?!]{0,10}(?:죽|다운|크래시)|(?:упал|упад[её]т|крашн\S*|умер|умр[её]т) (?:\S+ )?(?:до|перед|посреди) (?:сохранени|запис|коммит)/,
  ],
};

/** Merged by signal into the older rules (rules.ts), each silent on text about code (see OrWhenNotLocal). */
export const SYSTEMS_TERMS: Record<string, RegExp[]> = TERMS;
