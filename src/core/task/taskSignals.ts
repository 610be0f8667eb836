// Signals of the task rather than of its topic: the shapes hard problems take when they are told in plain words
// (a stale read after a write, work lost or done twice, numbers that drift, "works here but not there"), asks
// for a diagnosis, the domain terms experts use in two-word questions, and what the user asks for when it is
// small whatever the words around it (define a term, add type hints "in our service-mesh gateway").

import type { Rule } from './complexityRules';
import { anyOf } from './text';

/** Problem shapes: each names a hard problem, so each counts as hard content (see HARD_CONTENT). */
export const TASK_HIGH: Rule[] = [
  { re: anyOf([
    /\b(?:old|stale|previous|outdated|wrong|ancienne?|alten?|antiguo|vecchi[oa]|oude?)\b.{0,40}\b(?:right after|just after|after|apres|nach|despues|dopo|depois|na)\b/,
    /\b(?:right|just|directly|immediately) after\b.{0,60}\b(?:old|stale|previous|outdated|wrong)\b/,
    /\b(?:direkt|gleich|kurz) nach\b.{0,60}\balten?\b|\bjuste apres\b.{0,60}\bancienne?\b|\bjusto despues\b.{0,60}\bantigu[oa]\b|\bsubito dopo\b.{0,60}\bvecchi[oa]\b/,
    /\b(?:deleted|removed) (?:hours|minutes|days) ago\b|\bstill (?:shows?|sees?|see|returns?) (?:the )?(?:old|previous|deleted|'?not)/,
    /\bdisappears?\b.{0,40}\bthen (?:comes?|come) back|\bverschwind/,
    /旧值|旧数据|旧价格|旧的数据|古いデータ|古い価格|古い値|예전 가격|예전 데이터|오래된 데이터|старые данные|старую цену|старое значение/,
  ]), weight: 0.3, signal: 'stale read after a write' },
  { re: anyOf([
    /\b(?:twice|two times|doppelt|deux fois|dos veces|due volte|duas vezes|twee keer)\b|\b(?:duplicate|double|duplicated) (?:orders?|charges?|payments?|e-?mails?|messages?|notifications?|events?|confirmations?|bookings?|deliver)/,
    /\bloses? (?:their|the|its|his|her|some) (?:changes|updates|writes|data|messages)\b|\blost updates?\b/,
    /\b(?:charged|paid|debited|sent|written|committed) but\b|\b(?:times? out|timeout) after (?:charging|writing|sending|committing|paying)\b/,
    /\b(?:half|some) (?:of )?the (?:records|rows|messages|events|jobs) (?:are|get|were) (?:skipped|lost|missing|dropped)\b/,
    /\bprocessed before\b|\bin the wrong order\b|\barrives? before\b/,
    /两次|重复|扣减两次|二重|二回|두 번|중복|дважды|дублир|не создается|не создаётся|没有生成|생성되지 않/,
  ]), weight: 0.3, signal: 'work lost or done twice' },
  { re: anyOf([
    /\b(?:slightly|always|a little|a few) (?:lower|higher|less|more|off)\b|\boff by (?:a few|some|one)\b|\btotals? (?:are|is) (?:off|wrong)\b/,
    /\bdrifts?\b|\bdon'?t (?:add up|match)\b|\bnon torna\b|\bne correspond|\bno cuadra|\bstimmt nicht\b/,
    /对不上|不一致|合わない|ずれ|안 맞|맞지 않|не сходится|расходятся/,
  ]), weight: 0.25, signal: 'numbers that do not add up' },
  { re: anyOf([
    /\bworks? (?:fine |well )?(?:on my machine|locally|on staging|in dev|when i (?:run|start) it (?:by hand|manually))\b.{0,80}\bbut\b/,
    /\bonly (?:in|on) (?:production|prod)\b|\bbut (?:in|on) (?:production|prod)\b|\bfor (?:a minute|the first (?:few|couple of) (?:minutes|seconds|requests|logins))\b/,
    /\bthen (?:it(?:'s| is)? )?(?:works|fine|comes? back|is fine)\b|\b(?:most|some) days\b|\bfirst of the month\b|\bmonth[- ]end\b|\bat random\b|\ba handful of times\b|\bonly for some users\b|\bafter (?:we|i) added (?:a )?(?:second|third|another|more)\b/,
    /本番環境でだけ|本番でだけ|只在生产|仅在生产|只有在线上|운영에서만|배포 직후에만|только (?:в|на) (?:продакшен|проде)/,
  ]), weight: 0.25, signal: 'fails only sometimes or somewhere' },
  { re: anyOf([
    /\b(?:quorum|etcd|raft|paxos|zookeeper|split[- ]?brain|sentinel|patroni|write skew|phantom reads?|snapshot isolation|repeatable read|serializab|isolation level)/,
    /\b(?:vector clocks?|logical clocks?|lamport|incast|head[- ]of[- ]line|gc pauses?|session expiry|hot (?:partition|key|shard)|gsi|cooperative sticky|log compaction|snapshot frequency)\b/,
    /\b(?:debezium|cdc|outbox|mvcc|wal|fencing tokens?|linearizab\w*|gossip|anti-entropy|tail latency|p99|p999|clock skew|replication lag|lock contention|connection pool exhaustion|tombstones?|read repair|lsm)\b/,
    /クォーラム|リーダー選出|쿼럼|리밸런싱|脑裂|кворум/,
  ]), weight: 0.3, signal: 'expert systems term' },
  { re: anyOf([
    /\bwhat (?:could|might|can|would) (?:be )?caus|\broot cause|\bwhere (?:should|do|would) (?:we|i) (?:look|start)|\bwhere to start\b|\bnobody knows why\b/,
    /\bhow (?:do|can|should|would) (?:we|i) (?:find|track down|debug|investigate|trace|figure out|locate)\b|\bwhy (?:would|might)\b|\bwhat(?:'s| is) (?:going on|happening)\b/,
    /\bworan kann das liegen|\bwoher kommt|\bpourquoi\b|\bque se passe|\bqu'est-ce qui se passe|\bque esta pasando|\bpor que (?:a veces|ocurre)|\bperche\b|\bwaarom\b/,
    /排查|定位|怎么查|什么原因|原因是什么|可能是什么原因|切り分け|原因|どこを疑う|원인|추적|причин|расследован|с чего начать/,
  ]), weight: 0.2, signal: 'asks to find a cause' },
];

// A definition, an expansion or a two-sentence explanation: small however big the term.
const DEFINE_ASK = anyOf([
  /^\s*define\b|\bwhat does \S+ stand for\b|\bstand for\??$|\bexpand (?:the )?(?:abbreviation|acronym)\b|\babbreviation\b|\bacronym\b/,
  /\b(?:in|with) (?:one|a|two|three|1|2|3) (?:sentences?|lines?|words?)\b|\bshort answer\b|\bone-sentence\b|\bin one line\b|\bbriefly\b/,
  /\ben (?:une|deux) phrases?\b|\ben (?:una|dos) frases?\b|\brespuesta corta\b|\bin (?:einem|zwei) satzen?\b|\bem uma frase\b|\bin una frase\b|\bque signifie\b|\bwas bedeutet\b|\bqu'est-ce que\b|\bque es el\b/,
  /一句话|简单说|一文で|簡単に|짧게|한 문장|кратко|коротко|одним предложением|什么是|是什么意思|とは何|뭐예요|무슨 뜻|что такое|что означает|аббревиатур/,
]);

// Mechanical changes named anywhere in the request, not only as its first word ("In our microservices
// architecture, fix the indentation in this YAML").
const MECHANICAL_ASK = anyOf([
  /\bfix (?:the )?(?:indentation|typo|formatting|spelling)\b|\bsort (?:the )?imports\b|\badd (?:a |the )?(?:type hints?|type annotations?|docstrings?|jsdoc|comments?|log line)\b/,
  /\bwrite (?:a |the )?(?:docstring|jsdoc|boilerplate|comment)\b|\b(?:boilerplate|scaffold)\b|\bgenerate (?:a |an |the )?(?:typescript |ts |java |go |python )?(?:interface|type|getters?|setters?|dto|enum|class)\b/,
  /\brename (?:the |this )?(?:variable|function|method|class|field)\b|\btranslate (?:this|the) comment\b|\bconvert this callback\b/,
  /\bannotations de type\b|\brenombra (?:esta|este)\b/,
]);

export function asksForDefinition(prose: string): boolean {
  return DEFINE_ASK.test(prose);
}

export function asksForMechanicalChange(prose: string): boolean {
  return MECHANICAL_ASK.test(prose);
}

export const DIAGNOSIS_SIGNAL = 'asks to find a cause';
