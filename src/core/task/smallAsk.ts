// A scene, then a small ask: people describe their whole platform ("eight devs, Angular, a monorepo debate, a
// rewrite next year") and then ask how to lowercase a string. Two ways the text says the ask is small:
// - the asker says so, dismissing the scene ("none of that matters", "my ticket is tiny", "ma question est toute
//   bête", "das spielt keine Rolle", "今回のタスクはとても小さくて") — what follows the cue is the ask;
// - the last clause is a how-to about a language or tool feature ("how do I convert a string to int in Go",
//   "git 怎么撤销上一次 commit", "yaml에서 여러 줄 문자열은 어떻게 써요") after a scene of at least one clause.
// Either way the caller still refuses when the ask itself names a hard problem.

import { anyOf } from './normalize';
import { isDirectEdit } from './questionShape';

const SMALL_ASK_CUE = anyOf([
  // The scene dismissed.
  /\b(?:none of (?:that|this)|all (?:of )?that|that all|any of (?:that|this)) (?:matters?|is relevant)\b/,
  /\b(?:none of (?:that|this)|that|this|it) (?:doesn'?t|does not|don'?t) (?:really )?matter\b/,
  /\bnot (?:trying|here|asking) to (?:solve|fix|discuss|change) (?:any|all) of (?:that|this|it)\b/,
  /\b(?:spielt|spielen) (?:\w+ ){0,3}keine rolle\b|\bist (?:\w+ ){0,2}egal\b|\bkeine grundsatzdiskussion\b/,
  /\bpeu importe\b|\bca n'a (?:pas|rien) (?:d'importance|a voir)\b|\btout ca pour dire\b/,
  /\bno importa\b|\beso da igual\b|\bnao importa\b|\bnon importa\b|\bnon c'entra\b/,
  /неважно|не важно|не имеет значения|это всё не (?:важно|относится)/,
  /(?:这些|那些|这个|其他)(?:都)?(?:不重要|无所谓|不相关|跟这个没关系)|(?:それ|これ)(?:は|らは)(?:どうでも|関係(?:ない|ありません))|(?:그건|그런 건|다) 상관없/,
  // The asker says what little they want after what they pasted or told: "just want to catch it, where do I put the try".
  /(?:^|[.?!:;,\n] ?)(?:i |we )?(?:just|only) (?:want|need|wanna) to (?:know|catch|silence|suppress|fix|see|get|make|run|change|rename|log|ignore)\b|\ball i (?:want|need) (?:is|to)\b/,
  // The ask called small, basic or dumb by the asker.
  /\b(?:my|the|this|today'?s) (?:ticket|task|question|problem|ask) is (?:tiny|small|simple|basic|trivial|easy|dumb|stupid)\b/,
  /\b(?:sound|sounds|is|be|probably) (?:really |super |so )?(?:dumb|stupid|basic|silly|trivial)\b|\bi know (?:it'?s|this is) (?:basic|dumb|simple|trivial)\b/,
  /\b(?:einfache|dumme|simple|blode) frage\b|\bfrage ist (?:ganz )?(?:einfach|simpel|banal)\b/,
  /\bquestion (?:est )?(?:toute |tres )?(?:bete|simple|basique|triviale)\b|\bquestion de debutant\b/,
  /\bpregunta (?:muy |super )?(?:tonta|simple|basica|facil)\b|\bpergunta (?:bem )?(?:boba|simples|basica)\b|\bcoisa (?:bem )?simples\b|\bcosa (?:molto )?(?:semplice|banale)\b|\bdomanda (?:banale|stupida|semplice)\b/,
  /(?:простой|глупый|банальный|детский) вопрос|(?:簡単|単純|初歩的)な(?:質問|こと)|(?:タスク|作業|質問)(?:は|が)(?:とても|すごく)?(?:小さ|簡単)|(?:简单|基础|小白|低级)的?问题|(?:간단한|기초적인|바보 같은) 질문/,
]);

// A how-to about a feature of a language or tool, as the last clause of the text.
const TOOLS = '(?:go|golang|python|java|kotlin|scala|rust|c#|c\\+\\+|php|ruby|swift|typescript|javascript|js|ts|node|sql|postgres|mysql|bash|shell|powershell|git|yaml|json|regex|css|html|docker|kubectl|helm|cron|vim|excel|date-fns|moment|lodash|pandas|numpy|react|vue|angular|django|flask|spring|linq'
  + '|express|jest|pytest|mocha|redis(?:-cli)?|mermaid|dockerfile|npm|pip|nginx|terraform|webpack|vite|jq|awk|sed|gradle|maven|rails|laravel|fastapi|tailwind|jquery|makefile|name'
  + '|자바스크립트|파이썬|자바|타입스크립트|ジャバスクリプト|パイソン|питон\\S*)';
const HOW = anyOf([
  /\b(?:how (?:do|can|would|should) (?:i|you|one|we)|how to|what(?:'s| is) the (?:syntax|format string|way|pythonic way|easiest way|simplest way|command)|what does .{1,30} do|whats the (?:format string|syntax|pythonic way|command))\b/,
  /\bwie \w+e ich\b|\bwie (?:kann|geht|bekomme)\b|\bwie geht das\b/,
  /\bcomment (?:je|on|faire|supprimer|ecrire|convertir)\b/,
  /\bcomo (?:le |lo |se |hago|puedo|faco|eu|posso|converto|escrevo)\b/,
  /\bcome (?:si|faccio|posso|scrivo)\b/,
  // No \\b before Cyrillic: without the u flag \\b only sees ASCII letters.
  /(?<![а-яё])как (?:в |сделать|посмотреть|написать|удалить|преобразовать|получить|посчитать|распарсить)/,
  /\b(?:explain|tell me) what (?:a |an |the )?.{1,40} (?:does|is|means)\b|\bwhat(?:'s| is) the \w+ (?:command|flag|syntax|option) (?:to|for)\b/,
  /怎么|如何|どうやって|どう(?:書|す|や)|方法|書き方|어떻게|방법/,
]);
const IN_TOOL = new RegExp(`(?:\\b(?:in|en|em|no|na|nel|avec|mit|with|using|per|dans|con|com|im)\\s+${TOOLS}\\b|(?:^|[\\s,(]|[^\\x00-\\x7f])${TOOLS}(?:\\s*(?:에서|で|里|中|에서는|では)|\\s+(?:怎么|如何)|\\b))`, 'i');

// Where one clause ends: a sentence end, colon, semicolon or comma (full-width ones are ASCII after NFKC), a
// dash between spaces, or the ideographic full stop and comma.
const CLAUSE_END = /[.?!:;,](?=\s|[^\x00-\x7f])|\s[—–-]\s|[。、]/g;
const FIRST_CLAUSE_END = new RegExp(CLAUSE_END.source);
const CUES = new RegExp(SMALL_ASK_CUE.source, 'gi');
const BUT_NOW = /\b(?:but|aber|mais|pero|mas|ma) (?:for now|right now|today|at the moment|por ahora|pour l'instant|im moment|por enquanto|per ora)\b/i;
const CONTRAST = /\b(?:but|pero|mais|aber|mas|ma|maar)\b|但是|不过|でも|けど|하지만|근데|(?<![а-яё])но(?![а-яё])/i;

/** A request split where its ask starts: the scene before, the ask after; `lookup` when the ask looks up a convention. */
export interface SceneAndAsk { scene: string; ask: string; lookup?: boolean }

// A lookup of a naming or protocol convention ("what's the naming convention for a kafka topic — dots or dashes?",
// "which http code for too many requests"): small whatever system it names, so only a problem in it counts.
const CONVENTION_ASK = anyOf([
  /^(?:so |and |but )?(?:what(?:'s| is| are)|which|is there) (?:the |a |an )?(?:usual |common |standard |recommended |typical |right )?(?:naming )?(?:conventions?|naming|casing|case style|prefix|suffix|separator|file extension|status code|http (?:status )?code|error code|default port|port number|mime type|content[- ]type)s? (?:for|of|in|used for|to use)\b/,
  /^(?:cual|qual) (?:es |e )?(?:la |a |el |o )?(?:convencion|convencao|codigo http|codigo de estado|extension|extensao)\b|^quel(?:le)? est (?:la |le )?(?:convention|code http|code de statut|extension)\b|^(?:welche|welcher|welches) (?:namenskonvention|konvention|http-code|statuscode|dateiendung)\b/,
  /^[^。？！?]{0,20}(?:命名规范|命名约定|命名规则|命名規則|네이밍 규칙|명명 규칙)|^соглашени\S* (?:об|по) именовани/,
  // A tool's shortcut, command, flag or setting ("what's the vs code shortcut to toggle the terminal"): a lookup in
  // the tool's manual, whatever system the scene before it describes.
  /^(?:so |and |but )?(?:what(?:'s| is| are)|which) (?:the |a |an )?(?:[\w.-]+ ){0,3}(?:keyboard shortcut|shortcut|keybinding|key binding|hotkey|command|cli flag|flag|setting|config key|env(?:ironment)? var(?:iable)?)s? (?:to|for|that)\b/,
  /^(?:cual|qual) (?:es |e )?(?:el |o )?(?:atajo|atalho|comando)\b|^(?:welche[rs]?|wie ist (?:der|die|das)) (?:\S+ ){0,2}(?:shortcut|tastenkombination|tastenkurzel|befehl)\b|^[^。？！?]{0,20}(?:快捷键|ショートカット|단축키)|^(?:какое|какая|какой) (?:\S+ )?(?:сочетание клавиш|горяч\S* клавиш|команд\S*)/,
]);

/** The clause that carries the ask (after the last clause end that has words after it) and the scene before it. */
function lastClause(prose: string): SceneAndAsk | undefined {
  const text = prose.trimEnd();
  let cut = -1;
  for (const m of text.matchAll(CLAUSE_END)) if (m.index + m[0].length < text.length - 1) cut = m.index + m[0].length;
  return cut <= 0 ? undefined : split(text, cut);
}

function split(text: string, at: number): SceneAndAsk | undefined {
  const scene = text.slice(0, at).trim();
  const ask = text.slice(at).trim();
  return ask && scene ? { scene, ask } : undefined;
}

// An edit that says it stays in the code in view ("… rename `a` to `b` everywhere in this file").
const IN_VIEW = /\b(?:in|of|within|across|to|for|on|from) (?:this|the current|the open|my) (?:file|function|method|class|component|module|snippet|test)\b/i;

// An ask that points back at the scene ("how do I fix that in Java", "comment je corrige ça") or names what a
// system does ("make sure only one runs", "resolve conflicts", "make it faster", "split it") is the scene's problem.
const POINTS_BACK = anyOf([
  /\b(?:fix|solve|stop|prevent|avoid|handle|debug|deal with|speed up|split|break up|scale|sync|protect|secure) (?:that|this|it|them|those|these)\b/,
  /\b(?:make sure|ensure|guarantee|resolve|reconcile|coordinate|isolate|shard|partition|split|break up|speed up|make (?:it|them|this|that|reads|writes) (?:faster|local|consistent|safe))\b/,
  /\b(?:corrige|resous|evite|gere|gerer) (?:ca|cela|le|la|les)\b|\bgerer une\b|\b(?:arreglo|arreglar|soluciono|evito|manejo) (?:eso|esto|lo|la)\b/,
  /\blo (?:arreglo|soluciono|resuelvo|evito|arreglamos|solucionamos)\b|\bcomo (?:resolvo|corrijo|evito) isso\b|\b(?:corrijo|resolvo|evito) (?:isso|isto)\b|\b(?:risolvo|sistemo|evito|gestisco) (?:questo|quello|lo|la)\b|\b(?:dividerlo|separarlo|dividirlo)\b|\b(?:behebe|lose|vermeide) (?:das|es|dies)\b/,
  /(?:这个|那个|它)(?:怎么|如何)|怎么(?:解决|避免|保证|处理|拆)|(?:それ|これ)を(?:直|防|解決)|どう(?:解決|防|保証)|(?:그걸|이걸|그거) 어떻게|어떻게 (?:해결|막|보장)|как (?:это )?(?:исправить|решить|избежать|гарантировать|разделить)/,
]);

/**
 * The small ask that follows a scene, and that scene, or undefined when the text does not say its ask is small.
 * The caller decides whether the ask names a hard problem after all (`narrowAsk` in complexity.ts also refuses a
 * scene that reports a problem of its own: only a scene of topic words can be set aside).
 */
export function smallAskAfterScene(prose: string): SceneAndAsk | undefined {
  const found = askAfterScene(prose);
  return found === undefined || POINTS_BACK.test(found.ask) ? undefined : found;
}

function askAfterScene(prose: string): SceneAndAsk | undefined {
  const lookup = conventionLookup(prose);
  if (lookup) return lookup;
  // The last cue: a scene may say "this will sound dumb" before it and "none of that matters" after it.
  const cue = [...prose.matchAll(CUES)].pop();
  if (cue) {
    // The ask starts after the cue's own clause ("sounds dumb after all that about our ledger: what is …").
    // "sorry if this is dumb but how would you structure permissions, …": a "but" in the cue's clause starts the
    // ask there, and the ask runs to the end; the cue was an apology, not a scene set aside.
    const after = cue.index + cue[0].length;
    const rest = prose.slice(after);
    const end = FIRST_CLAUSE_END.exec(rest);
    const but = CONTRAST.exec(rest);
    if (but && (!end || but.index < end.index)) return split(prose, after + but.index) ?? { scene: prose.slice(0, cue.index).trim(), ask: prose.slice(cue.index) };
    return (end && split(prose, after + end.index + end[0].length)) ?? { scene: prose.slice(0, cue.index).trim(), ask: prose.slice(cue.index) };
  }
  const last = lastClause(prose);
  if (last && HOW.test(last.ask) && IN_TOOL.test(last.ask)) return last;
  // "Tracing is on our roadmap but for now how do I add a header in express": the ask starts at "but for now".
  const now = BUT_NOW.exec(prose);
  if (now) {
    const found = split(prose, now.index);
    if (found && HOW.test(found.ask) && IN_TOOL.test(found.ask)) return found;
  }
  // "scalability question: is array.push O(1) in js": a topic label is no scene of a system, whatever it names.
  const label = topicLabel(prose);
  if (label) return label;
  if (last && isDirectEdit(last.ask) && IN_VIEW.test(last.ask)) return last;
  return undefined;
}

// Spanish opens a question with "¿": the lookup starts after it.
const opensLookup = (text: string): boolean => CONVENTION_ASK.test(text.trimStart().replace(/^[¿¡]+\s*/, ''));

/** The first clause, after a scene, that opens a convention lookup; that clause and what follows are the ask. */
function conventionLookup(prose: string): SceneAndAsk | undefined {
  const text = prose.trimEnd();
  // A lookup with no scene before it is the whole ask ("what's the file extension for an architecture decision record?").
  if (opensLookup(text)) return { scene: '', ask: text.trim(), lookup: true };
  for (const m of text.matchAll(CLAUSE_END)) {
    const at = m.index + m[0].length;
    if (opensLookup(text.slice(at))) {
      const found = split(text, at);
      return found && { ...found, lookup: true };
    }
  }
  return undefined;
}

// A topic label before the ask: a few words ending in a colon, or "… question," ("security design:", "Skalierungsfrage:",
// "вопрос по масштабированию:", "架构问题："). The caller still refuses an ask that names a hard problem itself.
const LABEL = anyOf([
  /^(?:[\w'-]+ ){0,3}[\w'-]+ ?:$/,
  /^(?:[\w'-]+ ){0,2}(?:question|q|frage|pregunta|pergunta|domanda)(?: (?:de|da|di|sur|about|on|re) [\w'-]+)?,?$|^(?:question|pregunta|pergunta|domanda) (?:de |d'|di )?[\w'-]+,?$|^\S*frage,?$/,
  /^вопрос(?: по| про| о)? \S+[:,]?$|^[^\s,，:：]{1,8}(?:问题|の質問|の話|질문)[:：,，]?$/,
]);

function topicLabel(prose: string): SceneAndAsk | undefined {
  const end = FIRST_CLAUSE_END.exec(prose);
  if (!end) return undefined;
  const found = split(prose, end.index + end[0].length);
  return found && LABEL.test(found.scene) ? found : undefined;
}
