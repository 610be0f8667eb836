// The escalation note under a local answer: its confidence with the parts that made it, the "Ask the cloud"
// action (or why it is unavailable), and — after an automatic escalation — the cloud's answer below it.
// All text goes in as text nodes; only the cloud answer body goes through the escaping markdown renderer.

import type { EscalatedAnswerView, TurnView } from '../../shared/protocol/chat';
import { h } from '../common/dom';
import { formatAnswerCost } from '../common/format';
import { renderMarkdown } from '../common/markdown';
import { askLabel, askTitle, escalationTip, escalationTitle, reasonLine } from './escalationText';
import { whyLine } from './routeText';

export function escalationNote(turn: TurnView): HTMLElement | null {
  const e = turn.escalation;
  if (!e) return null;
  const canAsk = e.action !== 'unavailable' && e.action !== 'escalated' && !e.taken && turn.status !== 'streaming';
  const note = h('div', { class: `escalation escalation-${e.action}`, role: 'note' },
    h('div', { class: 'escalation-title', ...(escalationTip(e) ? { title: escalationTip(e) } : {}) }, escalationTitle(e)),
    h('div', { class: 'escalation-reason' }, reasonLine(e)),
    canAsk ? h('div', { class: 'escalation-actions' },
      h('button', { type: 'button', class: e.action === 'offered' ? 'primary small' : 'secondary small', 'data-ask-cloud': turn.id,
        title: askTitle(e.askModel) }, askLabel(e.askModel)))
      : e.taken ? h('div', { class: 'escalation-actions escalation-taken' }, `Asked the cloud${e.askModel ? ` (${e.askModel})` : ''}: its answer is the next turn.`) : null);
  if (turn.escalated) note.append(escalatedAnswer(turn.escalated));
  return note;
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
