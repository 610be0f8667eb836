// The status bar item's text, tooltip and colour, as a pure function of what the extension knows, so every
// state can be unit-tested without an editor. Icons use VS Code's $(name) syntax; the tooltip is plain lines.
import { formatCost, formatSpent, formatUsd, plural } from '../../shared/money';
import { endingWord, INTERRUPTED_EXPLAINED, isInterrupted, isStopped, STOPPED, STOPPED_EXPLAINED } from '../../shared/outcome';
import type { BudgetState, HealthState, RecordStatus, Route } from '../request';
import { isOllamaDown, ollamaDown } from '../../shared/ollamaDown';
import { CHECK_LOCAL, localFailureView, type LocalFailure, type StatusCommand } from './localFailure';

export interface LastRequest {
  route: Route;
  totalMs: number;
  model: string;
  /** The first route reason, e.g. "private path: src/secrets/**". */
  reason?: string;
  status?: RecordStatus;
  /** When it ended (ms since the epoch): a local failure from before the model came back is history. */
  endedAt?: number;
  /** The ledger outcome: "interrupted" (the window closed mid-answer) is said as such, not as "failed". */
  outcome?: string;
  /** The ledger kind: a stopped question reads "stopped", a completion cut by typing on does not. */
  kind?: string;
}

export interface StatusState {
  local: HealthState['local'];
  /** What the health check said (the cause and the fix): the tooltip shows it in place of the generic line. */
  localMessage?: string;
  /** When the local model last came back from a problem (ms since the epoch). */
  localRecoveredAt?: number;
  /** The completion model would not load (the server itself answers): which, and the cause and the fix. */
  completionLoadFailed?: { model: string; message: string } | undefined;
  /** A request is in flight. */
  busy: boolean;
  completionEnabled: boolean;
  /** The completion model while Ollama loads it into memory (a cold model is a state, not a failure). */
  completionLoading?: string;
  last?: LastRequest;
  /** Cloud spend (USD). */
  todayUsd: number;
  monthUsd: number;
  budget?: BudgetState;
  /** Saved vs all-cloud this month (USD). */
  savedMonthUsd?: number;
  /** "prices as of" date of the price table. */
  pricesChecked?: string;
  unknownPriceRequests?: number;
  /** Cloud requests today on a model without a price: today's figure names them rather than read a bare $0.00. */
  unknownTodayRequests?: number;
  /** Cloud requests today / this month priced from estimated tokens: the spend shown includes estimates. */
  estimatedTodayRequests?: number;
  estimatedMonthRequests?: number;
  /** Cloud answers a closed window left unfinished, recorded (as estimates) when this window opened the ledger. */
  interruptedRecorded?: number;
  /** Set when the ledger cannot write (spend kept in memory). */
  ledgerProblem?: string;
  /** Started by `npm start -- --demo-servers`: the models are loopback fakes. */
  demo?: boolean;
  /** Team mode: the key's and team's budget as the gateway enforces it (one line, from /key/info). */
  gatewayBudget?: string;
  /** "Cloud model: gpt-5.4 (the default for OpenAI)": which model cloud questions go to. */
  cloudModel?: string;
  /** The last local failure the pipeline reported: read only while the last request is that failed local one. */
  localFailure?: LocalFailure;
}

export interface StatusView {
  text: string;
  tooltip: string;
  /** Near the budget, local provider unavailable: warning colour. */
  warning: boolean;
  /** Budget exceeded: error colour (takes precedence over warning). */
  error: boolean;
  /** What a click does: the spend panel, or the way to the fix while the local model is in trouble. */
  command: StatusCommand;
}

const SHOW_SPEND: StatusCommand = { id: 'hybrid.showSpend', title: 'Open the spend panel' };

export function formatMs(ms: number): string {
  if (!(ms >= 0)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(Math.round(ms / 100) / 10).toFixed(1)} s`;
  return `${Math.round(ms / 1000)} s`;
}

const LOCAL_PROBLEM: Partial<Record<HealthState['local'], { text: string; tip: string }>> = {
  offline: { text: `local · ${ollamaDown().short}`, tip: `Local model: offline. ${ollamaDown().text} Private requests wait for it.` },
  modelMissing: { text: 'local model missing — pull it', tip: 'Local model: not installed. Run "ollama pull <model>" for the configured model.' },
  notLocal: { text: 'local server is remote', tip: 'Local model: the configured server is not on this machine, so "private" requests would leave it.' },
};

const STATE_WORDS: Partial<Record<HealthState['local'], string>> = { offline: 'offline', modelMissing: 'not installed', notLocal: 'not on this machine' };

function budgetLine(b: BudgetState | undefined): string {
  if (!b || b.level === 'none') return 'Budget: none set';
  const parts: string[] = [];
  if (b.dailyUsd > 0) parts.push(`${Math.floor((100 * b.spentTodayUsd) / b.dailyUsd)}% of ${formatUsd(b.dailyUsd)} daily`);
  if (b.monthlyUsd > 0) parts.push(`${Math.floor((100 * b.spentMonthUsd) / b.monthlyUsd)}% of ${formatUsd(b.monthlyUsd)} monthly`);
  const tag = b.level === 'exceeded' ? ' — exceeded' : b.level === 'near' ? ' — near the limit' : '';
  return `Budget: ${parts.join(', ')}${tag}`;
}

/**
 * "offline" also covers a running server that does not answer in time or cannot load the model: "start Ollama"
 * would then send the user the wrong way, so the short text says it only when the health check found nothing
 * listening (or did not say), and the tooltip always carries the check's own cause and fix.
 */
function localProblem(s: StatusState): { text: string; tip: string } | undefined {
  const p = LOCAL_PROBLEM[s.local];
  const f = s.completionEnabled ? s.completionLoadFailed : undefined;
  if (!p && f) return { text: `${f.model} failed to load`, tip: `Inline completion: ${f.model} could not be loaded. ${f.message}` };
  if (!p || !s.localMessage) return p;
  const text = s.local !== 'offline' || isOllamaDown(s.localMessage) ? p.text
    : /Cannot reach|Cannot find the host|refused|not running/i.test(s.localMessage) ? 'local offline — not reachable' : 'local offline — not answering';
  // The state's words, not its code name ("Local model: modelMissing." read as a variable dump).
  return { text, tip: `Local model: ${STATE_WORDS[s.local] ?? s.local}. ${s.localMessage}` };
}

/** Today's cloud spend, labelled "est." when an estimate is part of it. */
function today(s: StatusState): string {
  return `${formatSpent({ spentUsd: s.todayUsd, unknownPriceRequests: s.unknownTodayRequests ?? 0, estimatedCostRequests: s.estimatedTodayRequests ?? 0 })} today`;
}

/** Anything spent today, priced or not, is worth showing beside the last request. */
function spentToday(s: StatusState): boolean {
  return s.todayUsd > 0 || (s.unknownTodayRequests ?? 0) > 0;
}

/**
 * A local refusal or failure that ended before the local model came back says nothing about now: the short text
 * shows the recovery ("local ready") instead of a stale "refused" that read as an outage still going on.
 */
function settledLast(s: StatusState): LastRequest | undefined {
  const l = s.last;
  if (!l || s.local !== 'ready' || s.localRecoveredAt === undefined || l.endedAt === undefined) return l;
  const localTrouble = l.route === 'refuse' || (l.route === 'local' && l.status !== undefined && l.status !== 'ok');
  return localTrouble && l.endedAt <= s.localRecoveredAt ? undefined : l;
}

/** The last request failed on the local model for the reason the pipeline reported (matched on the ledger's outcome). */
function failedLocally(s: StatusState): LocalFailure | undefined {
  const l = s.last;
  if (!l || l.route !== 'local' || l.status !== 'failed' || !s.localFailure) return undefined;
  return l.outcome === undefined || l.outcome === s.localFailure.code ? s.localFailure : undefined;
}

/** The local model's state in two words: a refusal or a request in flight must not hide whether it is ready. */
function localWord(s: StatusState): string {
  return s.local === 'ready' ? 'local ready' : 'local';
}

/** The route's reason without the "refused: " the route put in front (the line already says "not sent"). */
const whyText = (l: LastRequest): string => (l.route === 'refuse' ? (l.reason ?? '').replace(/^refused:\s*/i, '') : l.reason ?? '');

/**
 * After the route: how the last request ended, or its time when it ended well. A stopped answer's time is not how
 * long an answer takes (the status bar showed "local · 1.2 s" as for a whole answer, beside a chat saying Stopped).
 */
function lastEnding(l: LastRequest): string {
  const ending = { status: l.status ?? 'ok', outcome: l.outcome, kind: l.kind };
  if (ending.status === 'failed') return endingWord(ending);
  return isStopped(ending) ? STOPPED : formatMs(l.totalMs);
}

export function statusText(full: StatusState): StatusView {
  const s: StatusState = { ...full, last: settledLast(full) };
  const problem = localProblem(s);
  // The health check's own finding wins: it is newer than any request and says the same cause.
  const failure = problem ? undefined : failedLocally(s);
  const failed = failure && localFailureView(failure);
  const level = s.budget?.level ?? 'none';
  const error = level === 'exceeded';
  // A refusal is the gate doing its job (nothing left the machine), not a failure to warn about; a local time-out
  // only needs the retry the next request makes, so the warning colour is kept for what the user must fix.
  const warning = error || level === 'near' || problem !== undefined || (failed ? failed.mustAct : s.last?.status === 'failed' && s.last.route !== 'refuse');

  let icon: string;
  let body: string;
  if (problem) {
    icon = '$(warning)';
    body = problem.text;
  } else if (!s.last) {
    icon = '$(lock)';
    body = s.local === 'ready' ? 'local ready' : 'local';
    if (spentToday(s)) body += ` · ${today(s)}`;
  } else if (s.last.route === 'cloud') {
    icon = '$(cloud)';
    body = `${today(s)} · ${lastEnding(s.last)}`;
  } else if (failed) {
    icon = failed.icon;
    body = failed.text;
    if (spentToday(s)) body += ` · ${today(s)}`;
  } else if (s.last.route === 'local') {
    icon = '$(lock)';
    body = `local · ${s.last.status === 'failed' ? 'failed' : lastEnding(s.last)}`;
    if (spentToday(s)) body += ` · ${today(s)}`;
  } else {
    // Said as the chat says it ("Not sent"), after the local model's state, which a refusal says nothing against.
    icon = '$(circle-slash)';
    body = `${localWord(s)} · not sent`;
    if (spentToday(s)) body += ` · ${today(s)}`;
  }
  if (level === 'exceeded' && !problem) icon = '$(warning)';
  // A spinner beside "local ready" read as the model still loading: in flight, the text says so.
  if (s.busy) { icon = '$(sync~spin)'; if (!problem) body = `${s.last?.route === 'cloud' ? today(s) : localWord(s)} · answering…`; }
  if (s.completionLoading && !problem) { icon = '$(sync~spin)'; body = `loading ${s.completionLoading}…`; }
  const text = `${icon} ${body}${s.completionEnabled ? '' : ' $(circle-slash)'}`;

  const lines = ['Hybrid Assistant'];
  if (s.demo) lines.push('Demo servers: answers are canned test responses, not a model');
  lines.push(...(problem ? [problem.tip] : failed ? failed.tip.slice(0, 2) : [`Local model: ${s.local === 'ready' ? 'ready' : 'unknown'}`]));
  lines.push(`Inline completion: ${s.completionEnabled ? 'on' : 'off'}${s.completionLoading ? ` (loading ${s.completionLoading} into memory)` : ''}`);
  if (s.cloudModel) lines.push(s.cloudModel);
  lines.push(`Cloud spend: ${today(s)}, ${formatCost(s.monthUsd, (s.estimatedMonthRequests ?? 0) > 0)} this month`);
  if (s.estimatedMonthRequests) {
    lines.push(`${plural(s.estimatedMonthRequests, 'cloud request')} this month priced from estimated tokens (no final usage from the provider): est. = estimate`);
  }
  if (s.interruptedRecorded) {
    lines.push(`${plural(s.interruptedRecorded, 'cloud answer')} cut off when a window closed mid-answer: recorded as ${s.interruptedRecorded === 1 ? 'an estimate' : 'estimates'} (outcome "interrupted")`);
  }
  lines.push(budgetLine(s.budget));
  if (s.gatewayBudget) lines.push(s.gatewayBudget);
  // What the cloud would have billed is a what-if, never a bill: labelled as the spend panel's card labels it.
  if (s.savedMonthUsd !== undefined) lines.push(`Saved vs all-cloud this month: ${formatCost(s.savedMonthUsd, true)} (local answers priced on the cloud model)`);
  if (s.unknownPriceRequests) {
    lines.push(`${plural(s.unknownPriceRequests, 'cloud request')} with unknown price (not included; set hybrid.pricing)`);
  }
  if (s.busy) lines.push('A question is being answered');
  if (full.last) {
    const ending = { status: full.last.status ?? 'ok', outcome: full.last.outcome, kind: full.last.kind };
    const what = ending.status !== 'ok'
      ? ` (${isInterrupted(ending) ? INTERRUPTED_EXPLAINED : isStopped(ending) ? STOPPED_EXPLAINED : ending.status})` : '';
    // "refuse · none · 39 ms (failed)" named a route and a model that do not exist for a request nothing was sent for.
    lines.push(full.last.route === 'refuse'
      ? `Last request: not sent (nothing left this machine) · ${formatMs(full.last.totalMs)}`
      : `Last request: ${full.last.route} · ${full.last.model} · ${formatMs(full.last.totalMs)}${what}`);
    if (whyText(full.last)) lines.push(`Why: ${whyText(full.last)}`);
  }
  // A write failure keeps this session's records in memory; a file or line that will not read is a different problem.
  if (s.ledgerProblem) lines.push(`Spend ledger: ${s.ledgerProblem}`);
  if (s.pricesChecked) lines.push(`Prices as of ${s.pricesChecked}`);
  // A local problem's click leads to its fix (the check shows the cause with Pull / Check Again buttons).
  const command = problem ? CHECK_LOCAL : failed ? failed.command : SHOW_SPEND;
  lines.push(problem ? 'Click to check the local model again' : failed ? failed.tip[2] : 'Click to open the spend panel');
  return { text, tooltip: lines.join('\n'), warning, error, command };
}
