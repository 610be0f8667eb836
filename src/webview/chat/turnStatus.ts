// What a turn that did not finish says about itself. No DOM here, so Node unit tests import it.

import type { TurnStatus } from '../../shared/protocol/chat';

/**
 * A stopped answer keeps its words, and its footer keeps the figures of what was spent: without this line the
 * partial text read as a whole answer (the footer used to replace "Stopped." whenever figures came).
 */
export function stoppedNote(turn: { status: TurnStatus; text: string }): string | undefined {
  if (turn.status !== 'cancelled') return undefined;
  return turn.text.trim() ? 'Stopped — the answer above is incomplete.' : 'Stopped before the answer began.';
}

/**
 * Where the thread starts after a snapshot redraws it: the saved position when there are turns and one was saved,
 * the newest turn's end otherwise — and the top when there are no turns. The empty state is an introduction read
 * from its heading; scrolled to its end, a narrow side bar opened on the middle of a sentence.
 */
export function initialScrollTop(turnCount: number, saved: number | undefined, scrollHeight: number): number {
  if (turnCount === 0) return 0;
  return saved !== undefined ? saved : scrollHeight;
}

/**
 * Stop is for an answer still coming. A turn that has its outcome (its error card, or its end) keeps the host busy a
 * moment longer (the ledger, the escalation check): Stop stayed on under a finished error card until then, and
 * appeared there late when the turn failed at once. Send shows again, disabled until the host has let go.
 */
export function stillAnswering(busy: boolean, turns: readonly { status: string }[]): boolean {
  if (!busy) return false;
  const t = turns.at(-1);
  return !t || t.status === 'streaming';
}
