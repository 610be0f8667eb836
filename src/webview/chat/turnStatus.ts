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
