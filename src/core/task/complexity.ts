// Task classifier: kind + complexity from the words of the request, locally and by rules only (a model call
// would itself leak what it classifies). Each rule that fires adds a weight and a signal a user can read, so
// "why did this go to the cloud?" always has an answer. The score starts at 0.35 (no evidence: local, in the
// ambiguous band) and each piece of evidence moves it; clearly simple asks end below 0.3, clearly complex ones
// above 0.6. Signals are listed strongest first in the direction of the result, so the first one is the reason.

import type { ChatTurn, Kind, Request } from '../request';
import { HIGH, LOW } from './rules';
import type { Rule } from './complexityRules';
import { VERDICT_SIGNAL, WHO_SEES_SIGNAL } from './plainWords';
import { SYSTEMS_HARD_CONTENT, editIsProductWide } from './plainSystems';
import { smallAskAfterScene } from './smallAsk';
import { anyOf } from './normalize';
import { fixTypos } from './typos';
import { FEATURE_SIGNAL, asksOneToolHowTo, asksTextbookQuestion, asksWholeProductChange } from './plainSymptoms';
import { DIAGNOSIS_SIGNAL, FAILURE_REPORT_SIGNAL, SAME_THING_SIGNAL, asksForDefinition, asksForMechanicalChange, reportsRunningFailure } from './taskSignals';
import { countWords, folded, normalizeText } from './normalize';
import { countLines, sampleOf } from './sample';
import { QUIET_PRODUCT_SIGNAL, quietAboutProduct } from './quietProduct';
import { SERVICE_BOUNDARY_SIGNAL, SYSTEM_CHOICE_SIGNAL } from './systemChoice';
import {
  SCALE_FIGURES, asksSomethingElse, finalAskAfterScene, isDirectEdit, isFollowUp, isLocalScope, ownsSystem, pastedCodeLines, proseOf, questionCount, repeatsLastTask, routeHint, systemParts,
} from './questionShape';

export interface ComplexityResult {
  kind: Kind;
  complexity: number;
  signals: string[];
}

const EXPLAIN = folded(/^\s*(?:explain|what does|what is|what's|erkläre?|was (?:macht|ist)|explique|que fait|qu'est-ce|explica|qué (?:hace|es))\b/i);

const BASE = 0.35;
/** What the topic words of a scene before a narrow ask may add together, at most. */
const SCENE_CAP = 0.2;

const CODE_CHOICE = 'choice between two code forms';
const CHOICE_SIGNALS = new Set(['asks for trade-offs', 'weighs alternatives', SYSTEM_CHOICE_SIGNAL]);

// Signals that name the problem itself (not the form of the question); see Rule.form.
const HARD_CONTENT = new Set(['hard systems problem', 'intermittent behaviour', 'figures of scale', 'concurrency',
  'scalability or distributed systems', 'weighs consequences', 'architecture question', 'migration',
  'stale read after a write', 'work lost or done twice', 'numbers that do not add up', 'fails only sometimes or somewhere',
  'expert systems term', FEATURE_SIGNAL, FAILURE_REPORT_SIGNAL, SAME_THING_SIGNAL, VERDICT_SIGNAL, SYSTEM_CHOICE_SIGNAL, SERVICE_BOUNDARY_SIGNAL, ...SYSTEMS_HARD_CONTENT]);

// Topic words only say what the system is ("our architecture doc", "40 services", "we're migrating later"); the
// other hard-content signals name a problem. A scene of topic words does not stop an edit that follows it.
const TOPIC_ONLY = new Set(['architecture question', 'migration', 'figures of scale', 'spans several modules']);

// "Our microservice landscape is big, but I only need an .editorconfig": after the contrast comes the real ask,
// and it is narrow; the scene before it is background. Not when the narrow part itself names a problem.
const ONLY = '(?:just|only|simply|nur|juste|seulement|solo|solamente|so|apenas|soltanto|alleen)';
const WANTS = '(?:need|want|ask|brauche|will|mochte|frage|veux|besoin|demande|necesito|quiero|pregunto|preciso|quero|pergunto|serve|voglio|chiedo|wil|vraag)';
// "For now I just need …" narrows like "but": the scene is what comes later, the ask is what is wanted today.
const CONTRAST_OR_NOW = '(?:but|aber|mais|pero|mas|ma|maar|for now|right now|for the moment|at the moment|today|this time|por ahora|por enquanto|pour l\'instant|pour le moment|im moment|furs erste|per ora|per adesso)';
const NARROWED = anyOf([
  new RegExp(`\\b${CONTRAST_OR_NOW}\\b[^.?!]{0,25}\\b${ONLY}\\b[^.?!]{0,12}\\b${WANTS}`),
  new RegExp(`\\b${CONTRAST_OR_NOW}\\b[^.?!]{0,25}\\b${WANTS}\\w*\\b[^.?!]{0,6}\\b${ONLY}\\b`),
  /(?:但|不过|可是|目前|现在|暂时|这次)[^。？！?]{0,6}(?:只想|只是想|只需要|只要)|(?:でも|けど|が、|今は|いまは|とりあえず)[^。？！?]{0,30}だけ|(?:하지만|그런데|근데|지금은|일단|이번엔)[^.?!]{0,10}만 /,
  /(?:(?<![а-яё])но(?![а-яё])|(?<![а-яё])пока(?![а-яё])|сейчас)[^.?!]{0,20}(?:нужн\S* только|только нуж|хочу только|просто нуж|только спрос)/,
]);

/** The narrow ask after a scene (see smallAsk.ts), when it names no hard problem itself. */
function narrowAsk(prose: string): string | undefined {
  const m = NARROWED.exec(prose);
  if (m) {
    const ask = prose.slice(m.index);
    return HIGH.some((rule) => !TOPIC_ONLY.has(rule.signal) && rule.re.test(ask)) || systemParts(ask).length >= 2 ? undefined : ask;
  }
  const found = smallAskAfterScene(prose);
  if (found === undefined) return undefined;
  const { ask, lookup } = found;
  // What the scene says the platform is ("a multi-tenant platform on Kafka") is topic, not a problem report.
  const scene = found.scene.replace(SCENE_TOPICS, ' ');
  // Only a scene of topic words is set aside: one that reports a problem is what the ask is about. The ask itself
  // may name no topic at all, nor how parts behave together ("keep the cache and the database consistent"); a
  // convention lookup may name any topic (it asks for a name), but no problem.
  // A lookup that adds a constraint ("… without losing writes") asks for more than a name.
  const askNamesIt = (rule: Rule): boolean => (lookup ? SCENE_PROBLEM.has(rule.signal) || rule.signal === 'weighs consequences' : true) && rule.re.test(ask);
  if (HIGH.some((rule) => (SCENE_PROBLEM.has(rule.signal) && rule.re.test(scene)) || askNamesIt(rule))) return undefined;
  // A lookup asks for a name, so the parts it names ("kafka topics in a microservices setup") are its object.
  if (reportsRunningFailure(scene) || (!lookup && systemParts(ask).length >= 2)) return undefined;
  return ask;
}

// Words of the hard-problem rules that, in a scene, only say what the platform is.
const SCENE_TOPICS = anyOf([
  /\bmulti[- ]?(?:tenant|tenancy|region|cliente|client|inquilino|locataire|mandant)\w*|\breal-?time\b|\bfeature flags?\b|\bcanary (?:releases?|deploys?|deployments?)\b/,
  /\bevent[- ]sourc\w*|\bcqrs\b|\bevent[- ]driven\b|\bhexagonal\b|\bzero-downtime\b|\bblue[/ -]green\b|\bpartitioned\b|\breplication\b|\brate limit(?:s|ing|er)?\b|\bcircuit breakers?\b|\bsagas?\b|\boffline-first\b/,
  /多租户|マルチテナント|멀티 ?테넌트|мультитенант\S*/,
], 'gi');

const DIAGNOSIS = HIGH.find((r) => r.signal === DIAGNOSIS_SIGNAL);

// Signals that a scene reports a problem, not only what the system is ("high concurrency", "sharded", "sagas").
const SCENE_PROBLEM = new Set(['hard systems problem', 'intermittent behaviour', 'stale read after a write', 'work lost or done twice',
  'numbers that do not add up', 'fails only sometimes or somewhere', 'access outlives its revocation', DIAGNOSIS_SIGNAL, SAME_THING_SIGNAL,
  WHO_SEES_SIGNAL]);

// A how-to or a yes/no about one tool is still a system question when it names a problem, a consequence or several
// writers; the topic words alone ("rollback", "shard", "eventually consistent") name the tool's feature.
const TOOL_TOPICS = new Set(['hard systems problem', 'concurrency', 'scalability or distributed systems', 'expert systems term',
  'architecture question', 'migration', 'spans several modules', 'data or system design', 'intermittent behaviour']);
const ONE_TOOL_BLOCKERS = new Set([...HARD_CONTENT, ...SCENE_PROBLEM, 'weighs consequences'].filter((s) => !TOOL_TOPICS.has(s)));

// Where a rename or a fix stays in one place: "in this file", "of the readme", "in utils.py".
const IN_ONE_PLACE = /\b(?:in|of|within|inside) (?:this|the|my|that|one|a) (?:[\w-]+ ){0,2}(?:file|function|method|class|component|module|snippet|test|script|readme|doc|document|table|legend|diagram|interface|yaml|config|example)s?\b|(?<![\w-])[\w-]+\.(?:py|ts|js|tsx|jsx|md|yaml|yml|json|sh|go|rs|java)\b/i;

interface Evidence { signal: string; delta: number }

export function scoreComplexity(request: Request): ComplexityResult {
  // A bounded sample of a long question (sample.ts): the cost of scoring no longer grows with a pasted log.
  const { text: q, droppedLines } = sampleOf(request.question);
  let kind: Kind = request.kind;
  if (kind === 'ask' && EXPLAIN.test(normalizeText(q))) kind = 'explain';
  if (kind === 'completion') return { kind, complexity: 0, signals: ['inline completion'] };

  const hint = routeHint(q);
  if (hint === 'cloud') return { kind, complexity: 1, signals: ['you asked for the cloud model (#cloud)'] };
  if (hint === 'local') return { kind, complexity: 0, signals: ['you asked for the local model (#local)'] };

  const evidence = questionEvidence(q, request, droppedLines);
  const follow = followUpEvidence(q, request.history, evidence);
  if (follow) evidence.push(follow);
  if (kind === 'review') evidence.push({ signal: 'review request', delta: 0.05 });

  const raw = evidence.reduce((n, e) => n + e.delta, BASE);
  const complexity = Math.round(Math.min(1, Math.max(0, raw)) * 100) / 100;
  const towards = complexity >= 0.5 ? 1 : -1;
  const signals = evidence
    .filter((e) => e.delta !== 0)
    .sort((a, b) => b.delta * towards - a.delta * towards)
    .map((e) => e.signal);
  if (signals.length === 0) signals.push('no strong signal');
  return { kind, complexity, signals };
}

/** The evidence from the question itself and its attached context, before any chat history. */
function questionEvidence(q: string, request: Pick<Request, 'context'>, droppedLines = 0): Evidence[] {
  const prose = fixTypos(proseOf(q));
  const out: Evidence[] = [];
  const parts = systemParts(prose);
  const owned = ownsSystem(prose);
  // "Everywhere it's missing in this object" stays in the object: a place in view after it bounds it.
  const wide = (text: string): boolean => /\bacross\b|\bsystem[- ]wide|\bend[- ]to[- ]end|\beverywhere\b(?![^.?!,;]{0,30}\b(?:in|of|within|inside) (?:this|the|my) (?:[\w-]+ )?(?:file|object|function|method|class|component|module|snippet|test|script|yaml|json|config|block|list|array|table|query|diff|selection)\b)|\bwhole (?:system|app|codebase|product|platform|stack|site|backend)/i.test(text);
  const diagnosis = DIAGNOSIS?.re.test(prose) ?? false;
  const mechanical = asksForMechanicalChange(prose) && !asksSomethingElse(prose) && !diagnosis;
  const edit = mechanical || (isDirectEdit(prose) && !asksSomethingElse(prose) && !diagnosis) || editsCodeAfterScene(prose, q, request);
  // Big words around a trivial ask: defining a term or expanding an abbreviation is small however large the
  // term, unless the question is about the asker's own system or a failure in it.
  const define = !edit && !diagnosis && (asksForDefinition(prose) || asksTextbookQuestion(prose)) && !(owned && parts.length >= 1);
  // A how-to in one named tool: its topic words name the tool's feature ("create an index concurrently in postgres").
  const oneTool = !edit && !define && !diagnosis && asksOneToolHowTo(prose) && !HIGH.some((r) => ONE_TOOL_BLOCKERS.has(r.signal) && r.re.test(prose));
  const ask = !edit && !define && !diagnosis && !oneTool ? narrowAsk(prose) : undefined;
  const narrowed = ask !== undefined;
  // An edit's object often quotes system words ("add a TODO that we should move this to the new API"), so an
  // edit is about the system only when it says so outright or names three parts. A mechanical change (fix the
  // indentation, the heading levels) stays mechanical however many parts the scene or the document names.
  // After a narrowed ask, "across all apps" in the scene is background like the rest of it.
  const noCode = request.context.length === 0 && pastedCodeLines(q) === 0 && droppedLines === 0;
  // "Add sso to the product", "make search fast on 20 million products": the edit's object is the whole product.
  const explicitlyWide = wide(ask ?? prose) || (edit && !mechanical && (editIsProductWide(prose, noCode, SCALE_FIGURES.test(prose)) || (noCode && asksWholeProductChange(prose))));
  const systemWide = edit || define || narrowed || oneTool
    ? explicitlyWide || (!mechanical && !narrowed && parts.length >= 3)
    : explicitlyWide || parts.length >= 2 || ((owned || SCALE_FIGURES.test(prose)) && parts.length >= 1);
  const local = isLocalScope(prose);

  // A direct edit of code in view is local-sized even when its object names a big topic ("add a TODO to
  // migrate this", "change the distributed tracing header"); topic words then count for a third. A question
  // about one named piece of code ("make this test less flaky") counts them at 0.6.
  const topicFactor = systemWide ? 1 : edit || define || narrowed || oneTool ? 1 / 3 : local ? 0.6 : 1;
  for (const rule of HIGH) {
    if (rule.re.test(prose)) out.push({ signal: rule.signal, delta: rule.weight * topicFactor });
  }
  // However many system words the scene before a narrow ask or an edit stacks up, together they stay background
  // ("our team runs a distributed architecture with 25 microservices, Kafka, Kubernetes…; just format this YAML").
  const sceneTotal = out.reduce((n, e) => n + e.delta, 0);
  if ((narrowed || edit) && !systemWide && sceneTotal > SCENE_CAP) for (const e of out) e.delta *= SCENE_CAP / sceneTotal;
  // Told without code and about something that runs: the cause is between parts (see taskSignals.ts).
  // After a narrowed ask only the ask is read for a failure: the scene before it was background.
  if (noCode && !edit && !define && !local && reportsRunningFailure(ask ?? prose)) out.push({ signal: FAILURE_REPORT_SIGNAL, delta: 0.2 });
  const hardContent = out.some((e) => HARD_CONTENT.has(e.signal));
  for (const rule of LOW) {
    // "We need to rename customer_id everywhere — db, api, mobile app": a rename across three running parts is a
    // migration, unless the request is itself an edit of the code in view.
    if (rule.signal === 'small edit' && !edit && parts.length >= 3 && !IN_ONE_PLACE.test(prose)) continue;
    if (rule.re.test(prose)) out.push({ signal: rule.signal, delta: -rule.weight * (rule.form && hardContent ? 0.5 : 1) });
  }
  // Nothing read at all: a question about the running product in words no list knows leans to the cloud.
  if (out.length === 0 && noCode && !edit && !define && !oneTool && !narrowed && !local && quietAboutProduct(prose)) out.push({ signal: QUIET_PRODUCT_SIGNAL, delta: 0.2 });
  // When the options weighed are two pieces of code, the choice is local: the "alternatives" signals are that
  // same choice seen from the other side, so they do not count.
  if (!systemWide && out.some((e) => e.signal === CODE_CHOICE)) {
    for (const e of out) if (CHOICE_SIGNALS.has(e.signal)) e.delta = 0;
  }
  if (edit && !systemWide && !out.some((e) => e.signal === 'small edit')) out.push({ signal: 'direct edit', delta: -0.2 });
  if (define && !systemWide) out.push({ signal: 'asks only for a definition', delta: -0.15 });
  if (oneTool && !systemWide) out.push({ signal: 'asks how to do one thing in one tool', delta: -0.15 });
  if (narrowed && !systemWide) out.push({ signal: 'asks only for one small thing', delta: -0.15 });

  if (systemWide) out.push({ signal: `about the system (${parts.slice(0, 3).join(', ') || 'across parts'})`, delta: parts.length >= 3 ? 0.2 : 0.15 });
  else if (local) out.push({ signal: 'about one piece of code', delta: -0.1 });

  const files = new Set(request.context.map((c) => c.path).filter(Boolean)).size;
  // Counted, not split: a multi-megabyte selection must not become an array of a hundred thousand lines.
  const contextLines = request.context.reduce((n, c) => n + countLines(c.text), 0) + pastedCodeLines(q) + droppedLines;
  const questions = questionCount(prose);
  const listItems = (q.match(/(?:^|\n)[ \t]*(?:\d+[.)]|[-*•])[ \t]+\S/g) ?? []).length;
  // A long scene before a narrow ask is not a long question: the ask's own length counts.
  const words = ask !== undefined && !systemWide ? countWords(ask) : countWords(prose);
  if (words >= 60) out.push({ signal: `long question (${words} words)`, delta: 0.15 });
  else if (words >= 35) out.push({ signal: `detailed question (${words} words)`, delta: 0.08 });
  // Brevity says a question is simple unless it names a hard problem with no code attached: "outbox or CDC?" is
  // short because the person asking knows the terms, while "is this thread-safe?" under a snippet is about it.
  else if (words <= 8 && (!hardContent || contextLines > 0)) out.push({ signal: `short question (${words} words)`, delta: -0.1 });
  if (questions >= 3 || listItems >= 3) out.push({ signal: 'several sub-questions', delta: 0.15 });
  else if (questions === 2) out.push({ signal: 'two questions in one', delta: 0.08 });

  // The repo map counts as a source here (as it always did), but the words count files, as Explain Route does.
  const map = request.context.some((c) => c.path === 'repo map') ? 1 : 0;
  if (files >= 3) out.push({ signal: `context from ${files - map} file${files - map === 1 ? '' : 's'}${map ? ' and the repo map' : ''}`, delta: 0.15 });
  if (contextLines >= 400) out.push({ signal: `large context (${contextLines} lines)`, delta: 0.1 });
  else if (contextLines > 0 && contextLines <= 5 && files <= 1) out.push({ signal: 'a few lines of context', delta: -0.05 });
  return out;
}

// Background first, then a small edit of the code in view: the system words only say where the code lives
// ("our payments microservice on Postgres and Kafka … write a test for this helper"). The ask counts as an edit
// when it names no big topic itself, the scene names no hard problem ("reads are stale on 3 replicas. Make it
// consistent." is not a small edit), and there is code to edit.
function editsCodeAfterScene(prose: string, q: string, request: Pick<Request, 'context'>): boolean {
  const ask = finalAskAfterScene(prose);
  if (!ask || !isDirectEdit(ask) || HIGH.some((rule) => rule.re.test(ask))) return false;
  // What the scene says the platform is ("our event sourcing system uses this reducer") is no problem it reports.
  const scene = prose.replace(SCENE_TOPICS, ' ');
  if (HIGH.some((rule) => HARD_CONTENT.has(rule.signal) && !TOPIC_ONLY.has(rule.signal) && rule.re.test(scene))) return false;
  return request.context.length > 0 || pastedCodeLines(q) > 0;
}

// A short follow-up ("ok and how would that work with failover?") is as hard as the thread it continues,
// unless it is itself clearly a small edit. Only the last user turn counts: it is what "that" points at.
function followUpEvidence(q: string, history: ChatTurn[] | undefined, own: Evidence[]): Evidence | undefined {
  const lastUser = [...(history ?? [])].reverse().find((t) => t.role === 'user');
  if (!lastUser) return undefined;
  const prose = proseOf(q);
  const words = countWords(prose);
  if (!isFollowUp(prose, words)) return undefined;
  if (own.some((e) => e.signal === 'small edit' || e.signal === 'direct edit')) return undefined;
  const last = sampleOf(lastUser.content);
  const before = questionEvidence(last.text, { context: [] }, last.droppedLines).reduce((n, e) => n + e.delta, BASE);
  // "Do the same for the websockets" is the last task again: all of its weight, and none of its own shortness.
  const repeat = repeatsLastTask(prose, words);
  const ownShort = repeat ? own.find((e) => e.signal.startsWith('short question'))?.delta ?? 0 : 0;
  const delta = Math.round(((before - BASE) * (repeat ? 1 : 0.6) - ownShort) * 100) / 100;
  if (Math.abs(delta) < 0.05) return undefined;
  return { signal: delta > 0 ? 'follow-up to a complex question' : 'follow-up to a simple request', delta };
}
