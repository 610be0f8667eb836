// What a chat or palette turn needs to run itself again: "Retry" on a turn repeats that turn — its kind, origin,
// question and the context it had — never whichever command happened to run last (which could re-send a paid
// cloud request the user did not mean to repeat).
import type { AskInput } from './ask';

export type ReplayMode = 'auto' | 'private' | 'cloud' | 'review' | 'explain';

export interface TurnReplay {
  title: string;
  mode: ReplayMode;
  input: AskInput;
}

/**
 * The run a Retry (or "Retry on local") of `turn` makes. On local, an Ask or an Explain Route preview becomes
 * an Ask (private) of the same question and context; a review is private already and is rerun as it was.
 */
export function retryOf(turn: TurnReplay, onLocal: boolean): TurnReplay {
  if (!onLocal || turn.mode === 'review') return turn;
  const { dryRun: _preview, escalateFrom: _escalation, ...rest } = turn.input;
  return { title: turn.title, mode: 'private', input: { ...rest, origin: 'askPrivate' } };
}

/** The replays of the most recent turns (older turns drop out, like the thread itself). */
export class TurnReplays<T = TurnReplay> {
  private readonly byTurn = new Map<string, T>();

  constructor(private readonly cap = 100) {}

  remember(turnId: string, replay: T): void {
    this.byTurn.delete(turnId);
    this.byTurn.set(turnId, replay);
    while (this.byTurn.size > this.cap) this.byTurn.delete(this.byTurn.keys().next().value as string);
  }

  recall(turnId: string): T | undefined {
    return this.byTurn.get(turnId);
  }
}
