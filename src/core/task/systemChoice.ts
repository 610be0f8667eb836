// Round 16: short questions that are architecture in few words. People in a chat ask "api gateway oder BFF?",
// "кэш или реплика для чтения?", "sync or async between orders and billing" or "should this be its own service?"
// without a single topic word: the options they weigh, or the boundary they ask about, are parts of a system.
// Such a choice names the problem itself, so it counts as hard content (no short-question penalty).

import type { Rule } from './complexityRules';
import { anyOf } from './normalize';

export const SYSTEM_CHOICE_SIGNAL = 'chooses how the system is built';
export const SERVICE_BOUNDARY_SIGNAL = 'asks where a service boundary goes';

// Building blocks and styles a system is made of. Code constructs (a map, a loop, a promise) are not here: a choice
// between those is a choice between two code forms (lowRules.ts).
const OPTIONS = [
  'api gateway', 'gateway', 'bff', 'backend for frontend', 'cache', 'caching', 'redis', 'memcached', 'cdn', 'read replicas?', 'replicas?',
  'message queue', 'queues?', 'kafka', 'rabbitmq', 'sqs', 'sns', 'pub/?sub', 'nats', 'event bus', 'events', 'event[- ]driven', 'webhooks?',
  'polling', 'long polling', 'websockets?', 'sse', 'server[- ]sent events', 'grpc', 'graphql', 'monolith', 'microservices?', 'serverless', 'lambdas? functions', 'kubernetes', 'k8s', 'vms', 'nosql', 'sql', 'postgres(?:ql)?',
  'mysql', 'mongo(?:db)?', 'dynamo(?:db)?', 'cassandra', 'elasticsearch', 'sharding', 'partitioning', 'cqrs', 'event sourcing', 'sagas?',
  '2pc', 'two[- ]phase commit', 'outbox', 'cdc', 'orchestration', 'choreography', 'push-based', 'pull-based', 'stateless',
  'stateful', 'sticky sessions', 'jwt', 'server[- ]side sessions', 'single[- ]tenant', 'multi[- ]tenant', 'active[- ]active', 'active[- ]passive',
  'strong consistency', 'eventual consistency', 'strong', 'eventual', 'fuerte', 'forte', 'stark', 'cola', 'colas', 'fila', 'filas',
  'warteschlangen?', 'replica', 'replicas', 'monolito', 'microservicios',
  'microsservicos', 'microservizi', 'consistencia (?:fuerte|eventual)', 'consistencia', 'consistencia forte',
];
const OPTION = `(?:${OPTIONS.join('|')})`;
const OR = '(?:or|vs\\.?|versus|oder|o|ou|oppure)';
// The same choice in Russian, Chinese, Japanese and Korean (no word boundaries in those scripts).
const OPTION_OTHER = '(?:кэш\\S*|кеш\\S*|реплик\\S*|очеред\\S*|вебхук\\S*|монолит\\S*|микросервис\\S*|шлюз\\S*|缓存|副本|从库|队列|消息队列|网关|单体|微服务|キャッシュ|レプリカ|キュー|ゲートウェイ|モノリス|マイクロサービス|캐시|레플리카|큐|게이트웨이|모놀리스|마이크로서비스)';
// How two parts talk (sync or async, REST or events, polling or push) is also how one function is written, so it
// counts only when the parts are named: "sync or async between orders and billing", not "sync or async here?".
const STYLE = '(?:sync|async|synchronous|asynchronous|synchron|asynchron|sincron[oa]|asincron[oa]|assincron[oa]|rest|grpc|events?|messages|polling|push|pull|batch|streaming|http calls?|calls|webhooks?|queues?)';
const BETWEEN = '(?:between|zwischen|entre|tra|fra)\\s+(?:(?:the |our |los |las |den |die |o |os |as )?\\S+\\s+(?:and|und|y|e|et|&)\\s+\\S|(?:the |our |den |unseren |los |nuestros |os |nossos |les |nos |i )?(?:micro)?(?:services|diensten?|servicios|servicos|servizi|apps|systems|systemen|sistemas|modules|teams))';
const OR_OTHER = '(?:(?<![а-яё])или(?![а-яё])|还是|或者|或是|それとも|か|아니면|또는)';

/**
 * A rule regex that first asks a cheap question of the text: the scorer tests every rule several times per request
 * (the whole prose, the scene, the ask), and most texts weigh no options at all.
 */
class Gated extends RegExp {
  private readonly gate?: RegExp;
  constructor(base: RegExp | string, gate?: RegExp | string) {
    // RegExp methods that build a new instance (species) pass (source, flags): then there is no gate.
    super(base instanceof RegExp ? base.source : base, base instanceof RegExp ? base.flags : typeof gate === 'string' ? gate : undefined);
    if (gate instanceof RegExp) this.gate = gate;
  }
  override test(text: string): boolean {
    return (this.gate === undefined || this.gate.test(text)) && super.test(text);
  }
}

const CHOICE = new Gated(anyOf([
  new RegExp(`\\b${OPTION}\\b[^.?!\\n]{0,25}?\\s${OR}\\s+(?:(?:a|an|the|el|la|o|a|der|die|das|un|une|una|uma)\\s+)?${OPTION}\\b`),
  new RegExp(`${OPTION_OTHER}[^.?!。？！\\n]{0,12}?\\s?${OR_OTHER}\\s?[^\\s.?!。？！]{0,2}?${OPTION_OTHER}`),
  new RegExp(`\\b${STYLE}\\s+${OR}\\s+(?:\\w+\\s+)?${STYLE}\\b[^.?!\\n]{0,30}?\\b${BETWEEN}`),
  /(?:之间|之間|間|사이|между)[^.?!。？！\n]{0,20}(?:同步|异步|同期|非同期|동기|비동기|синхронн|асинхронн)|(?:同步|异步|同期|非同期|동기|비동기|синхронн\S*|асинхронн\S*)[^.?!。？！\n]{0,12}(?:还是|それとも|か|아니면|или)[^.?!。？！\n]{0,20}(?:之间|之間|間|사이|между)/,
]), new RegExp(`\\s${OR}\\s|${OR_OTHER}`, 'i'));

// "Should this be its own service?", "split it out into a microservice?", "eigener Dienst?", "单独的服务".
const BOUNDARY = new Gated(anyOf([
  /\b(?:its|their) own (?:micro)?services?\b|\b(?:be|become|into|as|in) (?:a |its own )?separate (?:micro)?services?\b|\b(?:split|pull|break|carve|extract)\w* (?:\w+ ){0,2}(?:out )?(?:in)?to (?:a|its own|an?(?: \w+)?) (?:micro)?service\b/,
  /\beigene[nrs]? (?:micro)?(?:service|dienst)\b|\b(?:servicio|servico|microservicio|microsservico|servizio|microservizio) (?:propio|aparte|separado|proprio|separato|independiente|independente)\b|\bson propre (?:micro)?service\b/,
  /(?:单独|独立)(?:的|成|出)?(?:一个)?(?:微)?服务|拆(?:成|出)(?:一个)?(?:独立的?)?(?:微)?服务|別の?サービス|独立した(?:マイクロ)?サービス|サービスとして(?:切り出|分離)|별도(?:의)? 서비스|отдельн\S* (?:микро)?сервис/,
]), /servi|dienst|服务|サービス|서비스|сервис/i);

export const CHOICE_HIGH: Rule[] = [
  { re: CHOICE, weight: 0.2, signal: SYSTEM_CHOICE_SIGNAL },
  { re: BOUNDARY, weight: 0.3, signal: SERVICE_BOUNDARY_SIGNAL },
];
