// Chat view entry point. The host owns the thread: the page's HTML carries the thread as it was when the page was
// made (so a restored thread is the first paint), `ready` brings a fresh snapshot, then turn events follow.
// The intro shows only once the host has said the thread is empty. This page keeps only UI state (draft, mode,
// scroll position) in getState/setState.

import { applyAskEvent, FIX_NAMES, isToChat, MAX_ADDED_FILES, type AskModeName, type ChatStatus, type FixName, type FromChat, type ToChat, type TurnView } from '../../shared/protocol/chat';
import { assertNever } from '../../shared/protocol/validate';
import { clear, h } from '../common/dom';
import { takeInitial } from '../common/initialState';
import { connect } from '../common/vscodeApi';
import { emptyState } from './emptyState';
import { createTurn, updateTurn, type TurnElements } from './turnView';
import { initialScrollTop, stillAnswering } from './turnStatus';
import { notSentNote, returnToBox, showNotSent } from './notSentNote';
import { flash } from './flash';

interface UiState { draft: string; mode: AskModeName; scrollTop: number }

const api = connect<FromChat, UiState>();
const saved = api.getState();

let turns: TurnView[] = [];
let busy = false;
let status: ChatStatus | null = null;
/** Whether the host has said what the thread holds (the HTML's snapshot or a message): until then, no intro. */
let known = false;
/** The turns as last drawn, so a `ready` snapshot equal to the HTML's one does not redraw the thread. */
let drawn = '';
const views = new Map<string, TurnElements>();
const dirty = new Set<string>();
let frame = 0;
let nextRequestId = 1;
const pendingInserts = new Map<number, HTMLButtonElement>();

// ---- skeleton ------------------------------------------------------------------------------------------------

const banner = h('div', { class: 'demo-banner', role: 'status', hidden: true },
  'Demo servers: answers are canned test responses, not a model.');
// Focusable: without a link or a code block in view, a keyboard could not scroll a long answer.
const thread = h('main', { class: 'thread', 'aria-label': 'Conversation', tabindex: 0 });
const live = h('div', { class: 'sr-only', 'aria-live': 'polite', role: 'status' });
const input = h('textarea', {
  // Short enough for three rows of a narrow side bar (the longer hint was cut there); + File and #file:path are below.
  class: 'input', rows: 3, placeholder: 'Ask about the code (Enter sends, Shift+Enter adds a line)',
  'aria-label': 'Question', maxlength: 20000,
});
// What the next question carries: the editor's part (by the commands' rule) and the files the user added.
const contextLine = h('div', { class: 'context-line muted', role: 'status', 'aria-label': 'Context of the next question' });
const addedList = h('div', { class: 'added-files' });
const addFile = h('button', { type: 'button', class: 'secondary small add-file', 'aria-label': 'Add files to the question', title: 'Add workspace files to the question (files on private paths never go to the cloud)' }, '+ File');
let addedFiles: string[] = [];
const mode = h('select', { class: 'mode', 'aria-label': 'Where to send the question' },
  h('option', { value: 'auto', title: 'Routes each question by its content' }, 'Auto'),
  h('option', { value: 'private', title: 'Local model only' }, 'Private'),
  h('option', { value: 'cloud', title: 'Cloud model, after redaction' }, 'Cloud'));
const send = h('button', { type: 'button', class: 'primary send', 'aria-label': 'Send question' }, 'Send');
const stop = h('button', { type: 'button', class: 'secondary stop', 'aria-label': 'Stop the answer', hidden: true }, 'Stop');
const composer = h('form', { class: 'composer', 'aria-label': 'Ask a question' },
  contextLine, addedList, notSentNote, input, h('div', { class: 'composer-row' }, mode, addFile, h('span', { class: 'spacer' }), stop, send));

document.getElementById('app')!.append(banner, thread, live, composer);

input.value = saved.draft ?? '';
mode.value = saved.mode ?? 'auto';

function saveUi(): void {
  api.setState({ draft: input.value, mode: mode.value as AskModeName, scrollTop: thread.scrollTop });
}

// ---- rendering ----------------------------------------------------------------------------------------------

function renderAll(): void {
  clear(thread);
  views.clear();
  drawn = JSON.stringify(turns);
  if (turns.length === 0 && known) thread.append(emptyState(status));
  for (const t of turns) addTurnView(t);
  renderChrome();
}

function addTurnView(t: TurnView): void {
  if (views.size === 0) clear(thread); // drop the empty state
  const els = createTurn(t);
  views.set(t.id, els);
  thread.append(els.root);
}

function renderAdded(): void {
  clear(addedList);
  addedList.hidden = addedFiles.length === 0;
  for (const p of addedFiles) {
    addedList.append(h('span', { class: 'context-chip' }, p,
      h('button', { type: 'button', class: 'icon-button', 'data-remove-file': p, title: `Remove ${p}`, 'aria-label': `Remove ${p}` }, '×')));
  }
}

function renderChrome(): void {
  banner.hidden = !status?.demo;
  const on = stillAnswering(busy, turns);
  send.hidden = on;
  stop.hidden = !on;
  send.disabled = busy;
  send.title = busy && !on ? 'Finishing the last answer…' : '';
  // A hidden Stop that had the keyboard focus would drop it to the page: the question box takes it.
  if (!on && document.activeElement === stop) input.focus();
}

/** The turn a command just started: its top in view, or the bottom when the whole turn fits. */
function revealTurn(id: string): void {
  const el = views.get(id)?.root;
  if (!el) return;
  const top = el.getBoundingClientRect().top - thread.getBoundingClientRect().top + thread.scrollTop;
  thread.scrollTop = Math.min(Math.max(0, top - 8), thread.scrollHeight);
}

function nearBottom(): boolean {
  return thread.scrollHeight - thread.scrollTop - thread.clientHeight < 60;
}

function scheduleUpdate(id: string): void {
  dirty.add(id);
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    const stick = nearBottom();
    for (const tid of dirty) {
      const t = turns.find((x) => x.id === tid);
      const els = views.get(tid);
      if (t && els) updateTurn(els, t);
    }
    dirty.clear();
    if (stick) thread.scrollTop = thread.scrollHeight;
  });
}

function announce(text: string): void {
  live.textContent = text;
}

// ---- host messages ------------------------------------------------------------------------------------------

function onMessage(msg: ToChat): void {
  switch (msg.type) {
    case 'snapshot': {
      // The `ready` snapshot usually repeats the HTML's: redrawing it would only cost a layout (and the scroll).
      const same = known && JSON.stringify(msg.turns) === drawn && (msg.turns.length > 0 || JSON.stringify(msg.status) === JSON.stringify(status));
      known = true;
      turns = msg.turns;
      busy = msg.busy;
      status = msg.status;
      if (same) renderChrome();
      else renderAll();
      if (msg.reveal && views.has(msg.reveal)) revealTurn(msg.reveal);
      else if (!same) thread.scrollTop = initialScrollTop(turns.length, saved.scrollTop, thread.scrollHeight);
      break;
    }
    case 'turnStart':
      turns.push(msg.turn);
      busy = true;
      addTurnView(msg.turn);
      renderChrome();
      thread.scrollTop = thread.scrollHeight;
      announce('Answering…');
      break;
    case 'event': {
      const t = turns.find((x) => x.id === msg.turnId);
      if (!t) break;
      applyAskEvent(t, msg.event);
      renderChrome();
      if (msg.event.type === 'route') announce(`Answering with the ${msg.event.route} model ${msg.event.model}.`);
      if (msg.event.type === 'error') announce(`Error: ${msg.event.message}`);
      scheduleUpdate(t.id);
      break;
    }
    case 'turnEnd': {
      const t = turns.find((x) => x.id === msg.turnId);
      if (t && t.status === 'streaming') t.status = msg.status;
      busy = false;
      renderChrome();
      if (t) scheduleUpdate(t.id);
      announce(msg.status === 'ok' ? 'Answer complete.' : msg.status === 'cancelled' ? 'Stopped.' : 'The request failed.');
      break;
    }
    case 'status':
      status = msg.status;
      renderChrome();
      if (turns.length === 0) renderAll();
      break;
    case 'editorContext':
      contextLine.textContent = `Context: ${msg.label}`;
      contextLine.title = contextLine.textContent;
      break;
    case 'filesPicked':
      addedFiles = [...new Set([...addedFiles, ...msg.paths])].slice(0, MAX_ADDED_FILES);
      renderAdded();
      break;
    case 'notSent':
      returnToBox(input, msg.question, msg.reason);
      addedFiles = [...new Set([...(msg.files ?? []), ...addedFiles])].slice(0, MAX_ADDED_FILES);
      renderAdded();
      saveUi();
      break;
    case 'reply': {
      const button = pendingInserts.get(msg.id);
      pendingInserts.delete(msg.id);
      if (button) flash(button, msg.ok ? 'Inserted' : 'Not inserted', msg.ok ? undefined : msg.error);
      break;
    }
    default:
      assertNever(msg);
  }
}

window.addEventListener('message', (e: MessageEvent<unknown>) => {
  if (isToChat(e.data)) onMessage(e.data);
});

// ---- user actions -------------------------------------------------------------------------------------------

function submit(): void {
  const question = input.value.trim();
  if (!question || busy) return;
  api.post({ type: 'ask', question, mode: mode.value as AskModeName, ...(addedFiles.length ? { files: addedFiles } : {}) });
  input.value = '';
  addedFiles = [];
  showNotSent(undefined);
  // Busy until the host's reply: a second Enter before it keeps its text in the box (the host would turn it away).
  busy = true;
  renderChrome(); renderAdded(); saveUi();
}

composer.addEventListener('submit', (e) => { e.preventDefault(); submit(); });
send.addEventListener('click', submit);
stop.addEventListener('click', () => { api.post({ type: 'stop' }); announce('Stopping…'); });
input.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); submit(); }
  if (e.key === 'Escape' && busy) api.post({ type: 'stop' });
});
input.addEventListener('input', saveUi);
addFile.addEventListener('click', () => api.post({ type: 'pickFiles' }));
addedList.addEventListener('click', (e) => {
  const p = (e.target as Element).closest('button')?.getAttribute('data-remove-file');
  if (p) { addedFiles = addedFiles.filter((f) => f !== p); renderAdded(); }
});
mode.addEventListener('change', saveUi);
thread.addEventListener('scroll', () => saveUi(), { passive: true });

thread.addEventListener('click', (e) => {
  const target = e.target as Element;
  const button = target.closest('button');
  if (button) {
    const action = button.getAttribute('data-action');
    if (action === 'copy' || action === 'insert') {
      const code = button.closest('.code-block')?.querySelector('pre code')?.textContent ?? '';
      if (!code) return;
      if (action === 'copy') { api.post({ type: 'copy', text: code }); flash(button, 'Copied'); }
      else { const id = nextRequestId++; pendingInserts.set(id, button); api.post({ type: 'insert', id, code }); }
      return;
    }
    const without = button.getAttribute('data-without');
    const turnOf = button.closest('.turn')?.getAttribute('data-turn');
    // These start a new answer, which the host turns away while one runs: say so on the button rather than do nothing.
    const fixName = button.getAttribute('data-fix');
    if (busy && (without || button.hasAttribute('data-ask-cloud') || fixName === 'retry' || fixName === 'retryLocal')) { flash(button, 'Wait…', 'Another answer is still coming: wait for it or press Stop, then click again.'); return; }
    if (without && turnOf) { api.post({ type: 'askWithout', turnId: turnOf, paths: [without] }); return; }
    const askCloud = button.getAttribute('data-ask-cloud');
    if (askCloud) { api.post({ type: 'askCloud', turnId: askCloud }); return; }
    const copy = button.getAttribute('data-copy');
    if (copy) { api.post({ type: 'copy', text: copy }); flash(button, 'Copied'); return; }
    const fix = button.getAttribute('data-fix');
    if (fix && (FIX_NAMES as readonly string[]).includes(fix)) {
      const turnId = button.closest('.turn')?.getAttribute('data-turn') ?? undefined;
      const detail = button.getAttribute('data-detail') ?? undefined;
      const msg: FromChat = { type: 'fix', action: fix as FixName, ...(turnId ? { turnId } : {}), ...(detail ? { detail } : {}) };
      api.post(msg);
      return;
    }
  }
  const link = target.closest('.md-link');
  if (link) {
    e.preventDefault();
    const url = link.getAttribute('data-href');
    if (url) api.post({ type: 'openLink', url });
  }
});

thread.addEventListener('keydown', (e) => {
  const link = (e.target as Element).closest('.md-link');
  if (link && (e.key === 'Enter' || e.key === ' ')) {
    e.preventDefault();
    const url = link.getAttribute('data-href');
    if (url) api.post({ type: 'openLink', url });
  }
});

const initial = takeInitial();
if (isToChat(initial) && initial.type === 'snapshot') onMessage(initial);
else renderAll();
renderAdded();
api.post({ type: 'ready' });
