import type { Rule } from './complexityRules';

// More words for older signals, from the second round-12 tuning set (blind-2026-12n.json): a design ask told as
// "how should X work", a part that must keep working while another is down, a dependency that is slow, a failure
// only at one time of day, "should … or do we keep …" in the Romance languages, a rollback after the schema moved,
// and a teammate changing the same thing. Merged by signal in rules.ts, silent on text about code (localThings.ts).

// What a product depends on at run time: a service, a provider, a database, not the wifi or an npm registry.
const DEPENDENCY = String.raw`(?:services?|apis?|providers?|database|db|cache|queue|broker|bank|gateway|vendor|integration|search|recommendations|payments?|redis|kafka|s3|cdn|auth|sso)`;
const DOWN = String.raw`(?:down|offline|unavailable|slow|dead|broken|en panne|tombe|plante|caido|cae|caida|falla|fora do ar|caiu|cair|fuori servizio|giu|ausfallt|ausgefallen|weg)`;

export const DESIGN_TERMS: Record<string, RegExp[]> = {
  // "How should notifications work", "wie sollen Benachrichtigungen funktionieren".
  'asks how to approach it': [
    /\bhow (?:should|would|could|do) (?:the |our |we make (?:the )?)?(?:[\w-]+ ){1,3}work\b(?! (?:in|with|on) (?:this|my|the) (?:file|function|component|script|snippet|test)\b)(?![^.?!]{0,40}\bin (?:python|js|javascript|typescript|java|go|ruby|php|rust|css|sql|c#|bash|swift|kotlin)\b)/,
    /\bwie (?:sollen|sollte|soll|sollten) (?:die |der |das |unsere? )?(?:\w+ ){1,2}funktionieren\b|\bcomment (?:devrai(?:en)?t|doi(?:ven)?t) fonctionner\b|\bcomo (?:deberia|deberian|deveria|deveriam) funcionar\b|\bcome (?:dovrebbe|dovrebbero) funzionare\b/,
    /(?:どういう|どんな)仕組みに(?:すべき|したら|する)|应该(?:怎么|如何)(?:设计|运作|实现)|어떻게 (?:동작|작동)해야|как (?:должн\S*|лучше) (?:\S+ )?(?:работать|устроить)/,
  ],
  // One part keeps working while another is down: graceful degradation.
  'hard systems problem': [
    new RegExp(String.raw`\b(?:keep|keeps|still|continue to|continues to) work(?:ing|s)? (?:\w+ ){0,2}(?:when|if|even if|while) (?:the |our |a |an )?(?:[\w'-]+ ){0,3}${DEPENDENCY} (?:is|are|goes|go) (?:down|offline|unavailable|slow|dead)\b`),
    new RegExp(String.raw`\b(?:marche|fonctionne|siga funcionando|funcione|continue funcionando|funcione|weiter funktioniert|weiterlauft|continui a funzionare|funzioni)\b[^.?!]{0,50}\b(?:quand|si|cuando|quando|wenn|se|anche se|mesmo se|incluso si)\b[^.?!]{0,50}\b${DOWN}\b`),
    /работал\S*,? (?:даже )?(?:если|когда)[^.?!]{0,50}(?:лежит|упал|недоступ|тормозит)|(?:落ちて|止まって|ダウンして)(?:いても|も)|(?:挂了|宕机|不可用)(?:的时候|时)?(?:也|还)(?:能|要|可以)|(?:죽어도|다운돼도|장애가 나도)/,
    // A slow or dead dependency, told in Japanese, Chinese and Korean ("銀行APIが遅いとき").
    /(?:api|サービス|外部|決済|銀行|サーバー)(?:が)?(?:遅い|落ちてる|落ちた|止まった|重い)(?:とき|時|場合)|(?:接口|服务|第三方|银行)(?:很)?(?:慢|挂了|超时)的?(?:时候|话)|(?:api|서버|서비스)(?:가|이)? (?:느릴|죽었을|다운됐을|느려질) 때/,
  ],
  // A failure only at one time of day or on one day: "only in the morning", "nur montags".
  'fails only sometimes or somewhere': [
    /\bonly (?:in the (?:morning|evening|afternoon)s?|at night|on (?:mondays|weekends|fridays|the weekend)|during (?:the day|business hours|peak hours?|office hours))\b|\b(?:every|each) (?:morning|evening|night|afternoon)\b/,
    /\bsolo (?:por|en) la (?:manana|noche|tarde)\b|\bseulement le (?:matin|soir)\b|\bnur (?:morgens|abends|nachts|montags)\b|\bso de (?:manha|noite)\b|\bsolo (?:la mattina|di sera|di notte)\b/,
    /только (?:по утрам|утром|вечером|ночью)|只有(?:早上|晚上|白天|周一)|朝だけ|夜だけ|月曜だけ|아침에만|밤에만/,
  ],
  // "Cada time deveria … ou mantemos …": should we …, or do we keep ….
  'weighs alternatives': [
    /\b(?:deveria\w*|deberia\w*|devrai\w*|faut-il|dovrebbe\w*|dovremmo)\b[^.?!]{0,60}\b(?:ou|o|oppure) (?:(?:on|nous|a gente) )?(?:\w+(?:amos|emos|imos|ons|iamo))\b/,
  ],
  // A rollback after the schema moved: "как откатить релиз, если схема базы уже поменялась".
  'migration': [
    /\b(?:roll(?:ing)? ?back|revert(?:ing)?|revenir en arriere|revertir|reverter|zuruckrollen|rollback)\b[^.?!]{0,60}\b(?:schema|esquema|schema)\b|откат\S*[^.?!]{0,40}схем\S*|回滚[^。？！?]{0,20}(?:表结构|schema)|ロールバック[^。？！?]{0,20}スキーマ|롤백[^.?!]{0,20}스키마/,
  ],
  // A teammate changing the same thing in between: "even if a teammate changed the same thing".
  'several people change the same thing': [
    /^(?![\s\S]*\b(?:git|pr|pull requests?|rebase|merge|commits?|cherry-pick|google docs?|figma|notion|version history|confluence|sheets?)\b)[\s\S]*\b(?:a |another |some )?(?:teammate|coworker|colleague|someone else|somebody else|another user|other (?:people|users))\b[^.?!]{0,20}\b(?:changed|edited|modified|updated|touched|changes|edits) (?:the same|it|that|them)\b/,
  ],
};

// A framework's migration command ("roll back the last alembic migration", "revertir la migración de django, comando?"):
// a lookup of one command, whatever the word migration says elsewhere.
const MIGRATION_TOOL = '(?:alembic|prisma|flyway|liquibase|knex|sequelize|typeorm|django|rails|laravel|ef core|goose|dbmate|entity framework)';
const MIGRATION_VERB = '(?:command|comando|commande|befehl|команд|命令|コマンド|명령|roll ?back|revert|undo|revertir|reverter|откат|回滚|ロールバック|롤백|generate|create|squash)';
export const DESIGN_LOW: Rule[] = [{
  re: new RegExp(String.raw`^(?=[\s\S]*(?<![\w\u0400-\u04ff])${MIGRATION_VERB}\w*)[\s\S]*(?:\b${MIGRATION_TOOL}\b[^.?!]{0,20}\b(?:migrations?|migracion\w*|migracao|миграци\S*)|(?<![\w\u0400-\u04ff])(?:migrations?|migracion\w*|migracao|миграци\S*) (?:\S+ ){0,3}(?:de |do |da |of |in |en |в )?${MIGRATION_TOOL}\b)`, 'i'),
  weight: 0.3, signal: 'asks for one migration command',
}];
