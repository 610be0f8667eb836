// The escalation note under a local answer: its confidence with the parts that made it, the "Ask the cloud"
// action (or why it is unavailable), and — after an automatic escalation — the cloud's answer below it.
// All text goes in as text nodes; only the cloud answer body goes through the escaping markdown renderer.

import type { EscalatedAnswerView, EscalationView, TurnView } from '../../shared/protocol/chat';
import { h } from '../common/dom';
import { formatAnswerCost } from '../common/format';
import { renderMarkdown } from '../common/markdown';
import { whyLine } from './routeText';

export function escalationNote(turn: TurnView): HTMLElement | null {
  const e = turn.escalation;
  if (!e) return null;
  const canAsk = e.action !== 'unavailable' && e.action !== 'escalated' && turn.status !== 'streaming';
  const note = h('div', { class: `escalation escalation-${e.action}`, role: 'note' },
    h('div', { class: 'escalation-title' }, title(e)),
    // The title already carries the score; the line below says what made it (or why it escalated / cannot).
    h('div', { class: 'escalation-reason' }, e.action === 'available' ? parts(e.summary) : e.reason),
    canAsk ? h('div', { class: 'escalation-actions' },
      h('button', { type: 'button', class: e.action === 'offered' ? 'primary small' : 'secondary small', 'data-ask-cloud': turn.id,
        title: askTitle(e.askModel) }, askLabel(e.askModel))) : null);
  if (turn.escalated) note.append(escalatedAnswer(turn.escalated));
  return note;
}

/** "Ask the cloud (claude-haiku-4-5)": the button names the model it asks (the offer's light tier is not the frontier model). */
export function askLabel(model: string | undefined): string {
  return model ? `Ask the cloud (${model})` : 'Ask the cloud';
}

export function askTitle(model: string | undefined): string {
  return `Sends your question and context (not this answer) to ${model ? `the cloud model ${model}` : 'the cloud model'}, through the privacy gate`;
}

function title(e: EscalationView): string {
  const score = `local confidence ${e.confidence.toFixed(2)}`;
  switch (e.action) {
    case 'escalated': return `Escalated to the cloud (${score})`;
    case 'offered': return `Not sure? ${capital(score)}`;
    case 'available': return capital(score);
    case 'unavailable': return `Stays local (${score})`;
  }
}

function escalatedAnswer(a: EscalatedAnswerView): HTMLElement {
  const body = h('div', { class: 'md' });
  body.innerHTML = renderMarkdown(a.text); // safe: renderMarkdown escapes all model text (markdown.ts)
  const head = a.route ? `${a.route.route === 'cloud' ? 'Cloud' : 'Not sent'} · ${a.route.model}` : 'Asking the cloud…';
  return h('div', { class: 'escalated-answer' },
    h('div', { class: 'route-line' }, h('span', { class: `badge badge-${a.route?.route ?? 'cloud'}` }, head)),
    // As under the local answer: a muted "Why:" line in short form (the router's words in the tooltip); the raw
    // reasons, unlabelled and in the answer's colour, ran straight into the cloud's answer below them.
    a.route?.reasons.length ? h('div', { class: 'route-reasons', title: a.route.reasons.join('\n') }, h('span', { class: 'label' }, 'Why: '), whyLine(a.route.reasons)) : null,
    body,
    a.error ? h('div', { class: 'error-message' }, a.error.message) : null,
    a.footer ? h('div', { class: 'footer' }, h('span', {}, formatAnswerCost({ costUsd: a.footer.costUsd, route: a.footer.route, source: a.footer.usage.source }))) : null);
}

/** "local confidence 0.95: sure of every word it wrote" → "sure of every word it wrote". */
function parts(summary: string): string {
  return summary.replace(/^local confidence \d(?:\.\d+)?: /, '');
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
