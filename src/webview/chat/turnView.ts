// Builds the DOM for one question + answer. The answer body is the markdown renderer's output; every other
// piece of text (question, model names, reasons, error messages) goes in as text nodes.

import type { FailureView, FixName, FooterView, RouteEventView, TurnMode, TurnView } from '../../shared/protocol/chat';
import { clear, h } from '../common/dom';
import { formatAnswerCost, formatCount, formatEstimate, formatMs, formatUsd, redactionSummary } from '../common/format';
import { lineRange } from '../../shared/lineRange';
import { renderMarkdown } from '../common/markdown';
import { errorTitle, refusalLook, settingNamed, terminalCommand } from './errorTitle';
import { usedFiles, whyLine } from './routeText';
import { escalationNote } from './escalationView';
import { stoppedNote } from './turnStatus';

export const MODE_LABEL: Record<TurnMode, string> = {
  auto: 'Auto', private: 'Private', cloud: 'Cloud', review: 'Review', explain: 'Explain route',
};

const FIX_LABEL: Record<FixName, string> = {
  setApiKey: 'Set API Key', startOllama: 'Start Ollama', pullModel: 'Pull model', openSettings: 'Open Settings',
  retry: 'Retry', retryLocal: 'Retry on local', showLogs: 'Show Logs',
};

/** Fixes the user performs in a terminal: shown as the command with a Copy button, not as an action. */
const TERMINAL_FIX: Partial<Record<FixName, string>> = { startOllama: 'ollama serve', pullModel: 'ollama pull <model>' };

export interface TurnElements {
  root: HTMLElement;
  route: HTMLElement;
  body: HTMLElement;
  notices: HTMLElement;
  error: HTMLElement;
  footer: HTMLElement;
  progress: HTMLElement;
}

export function createTurn(turn: TurnView): TurnElements {
  const route = h('div', { class: 'route' });
  const body = h('div', { class: 'md' });
  const notices = h('div', { class: 'notices' });
  const error = h('div', { class: 'error-slot' });
  const footer = h('div', { class: 'footer' });
  const progress = h('div', { class: 'progress', 'aria-hidden': 'true' }, h('span'), h('span'), h('span'));
  const root = h('article', { class: 'turn', 'data-turn': turn.id, 'aria-label': `Question: ${turn.question.length > 80 ? `${turn.question.slice(0, 80)}…` : turn.question}` },
    h('div', { class: 'question' },
      h('span', { class: `mode-tag mode-${turn.mode}` }, MODE_LABEL[turn.mode]),
      h('div', { class: 'question-text' }, turn.question)),
    h('div', { class: 'answer' }, route, body, progress, notices, error, footer));
  const els = { root, route, body, notices, error, footer, progress };
  updateTurn(els, turn);
  return els;
}

/** Re-renders the parts of a turn that events change. Cheap enough to run once per animation frame. */
export function updateTurn(els: TurnElements, turn: TurnView): void {
  fillRoute(els.route, turn.route, turn.mode !== 'explain');
  els.body.innerHTML = renderMarkdown(turn.text); // safe: renderMarkdown escapes all model text (markdown.ts)
  els.body.hidden = turn.text.length === 0;
  clear(els.notices);
  for (const n of turn.notices) els.notices.append(h('div', { class: 'notice', role: 'note' }, n));
  // Drawn again only when it changed: the turn's end redrew the same card and dropped the keyboard focus from its
  // Retry or Copy button (the focus audit found them unreachable when the end came mid-walk).
  const card = turn.error ? [turn.error.message, turn.error.fixes, turn.error.failure, turn.route?.route === 'refuse', turn.text.trim().length > 0] as const : undefined;
  const key = JSON.stringify(card ?? null);
  if (els.error.dataset.key !== key) {
    els.error.dataset.key = key;
    clear(els.error);
    if (card) els.error.append(errorCard(...card));
  }
  const note = escalationNote(turn);
  if (note) els.notices.append(note);
  clear(els.footer);
  const stopped = stoppedNote(turn);
  if (stopped) els.footer.append(h('div', { class: 'stopped-note muted', role: 'note' }, stopped));
  if (turn.footer) els.footer.append(...(turn.mode === 'explain' ? previewFooter(turn.footer) : footerParts(turn.footer)));
  els.progress.hidden = turn.status !== 'streaming';
  els.root.classList.toggle('is-streaming', turn.status === 'streaming');
  if (turn.status === 'streaming' && !turn.text && !turn.error) {
    els.progress.setAttribute('title', turn.route ? 'Waiting for the first token…' : 'Choosing where to send this…');
  }
}

function fillRoute(el: HTMLElement, r: RouteEventView | undefined, sent: boolean): void {
  clear(el);
  el.hidden = !r;
  if (!r) return;
  const where = r.route === 'local' ? 'Local' : r.route === 'cloud' ? 'Cloud' : 'Not sent';
  el.append(h('div', { class: 'route-line' },
    h('span', { class: `badge badge-${r.route}`, title: r.route === 'local' ? 'Answered on this machine' : r.route === 'cloud' ? 'Sent to a cloud model' : 'Refused before sending' }, where),
    h('span', { class: 'route-model' }, r.model),
    h('span', { class: 'muted' }, r.provider),
    r.estimatedCostUsd !== null && r.route === 'cloud' ? h('span', { class: 'muted' }, `est. ${formatEstimate(r.likelyCostUsd, r.estimatedCostUsd)}`) : null));
  // A refusal's reasons are the message of the "Not sent" card under it: say them once.
  // The short form on screen; the router's full wording (with setting ids) stays in the tooltip.
  const why = whyLine(r.reasons, sent);
  if (why && r.route !== 'refuse') el.append(h('div', { class: 'route-reasons', title: r.reasons.join('\n') }, h('span', { class: 'label' }, 'Why: '), why));
  const red = redactionSummary(r.redactions);
  if (red) el.append(h('div', { class: 'route-redactions' }, h('span', { class: 'label' }, 'Redacted before sending: '), red));
  if (r.context.length) {
    // Each attached file / range, with a button to ask the same question again without it. More than two fold
    // into "Used N files" so a long list does not push the answer down.
    const chips = r.context.map((c) => h('span', { class: 'context-chip' },
      `${c.path}:${lineRange(c.startLine, c.endLine)}${c.trimmed ? ' (trimmed)' : ''}`,
      h('button', { type: 'button', class: 'icon-button', 'data-without': c.path, title: `Ask again without ${c.path}`, 'aria-label': `Ask again without ${c.path}` }, '×')));
    el.append(chips.length <= 2
      ? h('div', { class: 'route-context' }, h('span', { class: 'label' }, 'Context: '), ...chips)
      : h('details', { class: 'route-context' }, h('summary', {}, usedFiles(r.context)), h('div', { class: 'chips' }, ...chips)));
  }
}


/**
 * The answer's figures, each saying what it counts ("tokens", "first token", "total"): bare "1.2k in / 300 out" and
 * "120 ms / 1.3 s" left the user to guess. A narrow view wraps between figures, never inside one and never cuts one.
 */
function footerParts(f: FooterView): Node[] {
  const est = f.usage.source === 'estimate' ? ' (est.)' : '';
  const figures = h('div', { class: 'footer-figures' },
    h('span', { title: `Input ${f.usage.input}, output ${f.usage.output}, cache read ${f.usage.cacheRead}, cache write ${f.usage.cacheWrite + (f.usage.cacheWrite1h ?? 0)} (${f.usage.source === 'estimate' ? 'estimated with tiktoken' : 'reported by the provider'})` },
      `${formatCount(f.usage.input)} in / ${formatCount(f.usage.output)} out tokens${est}`),
    h('span', { class: f.costUsd === null ? 'unknown-price' : '' }, formatAnswerCost({ costUsd: f.costUsd, route: f.route, source: f.usage.source })),
    h('span', { title: `First token after ${formatMs(f.ttftMs)}, answer complete after ${formatMs(f.totalMs)}` }, latencyText(f.ttftMs, f.totalMs)));
  return [figures, ...f.notes.map((n) => h('div', { class: 'footer-note muted' }, n))];
}

/** "first token 120 ms · 1.3 s total"; an answer that never had a first token says only its total. */
export function latencyText(ttftMs: number | null, totalMs: number): string {
  return ttftMs === null ? `${formatMs(totalMs)} total` : `first token ${formatMs(ttftMs)} · ${formatMs(totalMs)} total`;
}

/** Explain Route sent nothing: its footer is an estimate, with no tokens counted and no latency. */
function previewFooter(f: FooterView): Node[] {
  const cost = f.route === 'cloud' ? (f.costUsd === null ? 'price unknown' : `about ${formatUsd(f.costUsd)} if sent`) : '$0 (local)';
  return [h('div', { class: 'footer-figures' }, h('span', {}, `Estimate: ${cost}`)),
    ...f.notes.map((n) => h('div', { class: 'footer-note muted' }, n))];
}

/** `ollama serve` in a message shows as code, not with its backticks; every piece stays a text node. */
function codeSpans(message: string): Array<string | HTMLElement> {
  if ((message.split('`').length - 1) % 2 === 1) return [message];
  return message.split('`').map((part, i) => (i % 2 === 1 && part ? h('code', {}, part) : part)).filter((p) => p !== '');
}

export function errorCard(message: string, fixes: FixName[], failure: FailureView | undefined, refused = false, partial = false): HTMLElement {
  const actions = h('div', { class: 'error-actions' });
  const commands = h('div', { class: 'error-commands' });
  for (const fix of fixes) {
    const terminal = TERMINAL_FIX[fix];
    if (terminal) {
      const text = failure?.fix === fix && failure.fixDetail ? failure.fixDetail : terminalCommand(message, terminal);
      commands.append(h('div', { class: 'command-line' },
        h('code', {}, text),
        h('button', { type: 'button', class: 'secondary small', 'data-copy': text, 'aria-label': `Copy command: ${text}` }, 'Copy')));
    } else {
      const detail = failure?.fix === fix && failure.fixDetail ? failure.fixDetail : fix === 'openSettings' ? settingNamed(message) : undefined;
      actions.append(h('button', {
        // The first button is the primary one, even when a copy-a-command fix comes before it.
        type: 'button', class: actions.childElementCount === 0 ? 'primary' : 'secondary', 'data-fix': fix,
        'data-detail': detail, 'aria-label': fix === 'openSettings' && detail ? `Open Settings at ${detail}` : FIX_LABEL[fix],
        title: fix === 'openSettings' && detail ? `Opens ${detail} in the Settings editor` : undefined,
      }, FIX_LABEL[fix]));
    }
  }
  return h('div', { class: refused && refusalLook(fixes) === 'notice' ? 'error-card refusal' : 'error-card', role: 'alert' },
    // A refusal's "Not sent" is the route badge right above: the card does not say it again.
    refused ? null : h('div', { class: 'error-title' }, errorTitle(failure?.code, refused, partial, message)),
    h('div', { class: 'error-message' }, ...codeSpans(message)),
    commands.childElementCount ? commands : null,
    actions.childElementCount ? actions : null);
}

