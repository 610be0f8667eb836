// The line above the box that says why it holds a question that was not sent; the next send clears it.

import { h } from '../common/dom';
import { draftWithReturned } from './draft';

export const notSentNote = h('div', { class: 'composer-note', role: 'status', hidden: true });

export function showNotSent(reason: string | undefined): void {
  notSentNote.textContent = reason ?? '';
  notSentNote.hidden = reason === undefined;
}

/** Puts a question the host turned away back in the box (ahead of anything typed since) and says why. */
export function returnToBox(input: HTMLTextAreaElement, question: string, reason: string): void {
  input.value = draftWithReturned(input.value, question);
  showNotSent(reason);
}
