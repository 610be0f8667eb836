// What a new user sees before the first question: what the three modes do and whether their set-up works.

import type { ChatStatus } from '../../shared/protocol/chat';
import { ollamaDown, OLLAMA_START_COMMAND } from '../../shared/ollamaDown';
import { h } from '../common/dom';
import { providerName } from './providerName';

export function emptyState(status: ChatStatus | null): HTMLElement {
  return h('section', { class: 'empty', 'aria-label': 'Getting started' },
    h('h2', {}, 'Ask about your code'),
    h('p', { class: 'muted' }, 'Select code in the editor, or select nothing to ask about the open file (only its visible part when the file is long) — the line above the box says what goes with the question. Add other files with + File or #file:path. Type a question below and press Enter.'),
    h('ul', { class: 'modes' },
      h('li', {}, h('strong', {}, 'Auto'), ' — picks the place for each question: design and architecture questions go to the cloud model, quick or sensitive ones stay local. The answer says where it went and why.'),
      h('li', {}, h('strong', {}, 'Private'), ' — always the local model. Nothing leaves this machine.'),
      h('li', {}, h('strong', {}, 'Cloud'), ' — always the cloud model. Secrets and personal data are redacted before sending; private files are never sent.')),
    setupList(status));
}

function setupList(status: ChatStatus | null): HTMLElement {
  if (!status) return h('p', { class: 'muted' }, 'Checking your set-up…');
  const local = status.localHealth === 'ready'
    ? h('li', { class: 'ok' }, h('span', { class: 'dot', 'aria-hidden': 'true' }), `Local model ${status.localModel} is ready.`)
    : h('li', { class: 'warn' }, h('span', { class: 'dot', 'aria-hidden': 'true' }), localProblem(status),
        localCommand(status));
  // The model Cloud questions go to, by name: after a provider switch it is the new provider's default.
  const model = status.cloudModel ? `${status.cloudModel} (${providerName(status.cloudProvider)})` : providerName(status.cloudProvider);
  const cloud = status.cloudKeySet
    ? h('li', { class: 'ok' }, h('span', { class: 'dot', 'aria-hidden': 'true' }), `Cloud model: ${model}, API key set.`)
    : h('li', { class: 'warn' }, h('span', { class: 'dot', 'aria-hidden': 'true' }),
        `No ${providerName(status.cloudProvider)} API key yet: Auto and Private still work on the local model. `,
        h('button', { type: 'button', class: 'link-button', 'data-fix': 'setApiKey', 'aria-label': 'Set API Key' }, 'Set API Key'));
  return h('div', { class: 'setup' },
    h('h3', {}, 'Your set-up'),
    h('ul', { class: 'setup-list' }, local, cloud),
    h('button', { type: 'button', class: 'link-button', 'data-fix': 'openSettings', 'aria-label': 'Open Hybrid Assistant settings' }, 'Open settings'));
}

function localProblem(s: ChatStatus): string {
  switch (s.localHealth) {
    case 'offline': return `${ollamaDown().cause} — start it with:`;
    case 'modelMissing': return `The local model ${s.localModel} is not installed. Pull it with:`;
    case 'notLocal': return 'The local endpoint is not on this machine, so it is not used for private requests. Check hybrid.local.baseUrl.';
    default: return 'Checking Ollama…';
  }
}

function localCommand(s: ChatStatus): HTMLElement | null {
  const cmd = s.localHealth === 'offline' ? OLLAMA_START_COMMAND : s.localHealth === 'modelMissing' ? `ollama pull ${s.localModel}` : '';
  if (!cmd) return null;
  return h('div', { class: 'command-line' }, h('code', {}, cmd),
    h('button', { type: 'button', class: 'secondary small', 'data-copy': cmd, 'aria-label': `Copy command: ${cmd}` }, 'Copy'));
}
