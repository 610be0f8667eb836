// The provider's stream as AskEvents: each piece of text as a delta, and a notice whenever the provider says the
// server asked us to wait (429 / 503 / 529 while the SDK retries), so a pause of seconds reads as a pause, not a hang.

import type { ChatBody, ChatProvider, StreamResult } from '../wire/types';
import type { AskEvent } from './events';
import { waitedNotice } from '../providers/failureText';

export interface StreamedAnswer { text: string; result: StreamResult }

export async function* streamAnswer(provider: ChatProvider, body: ChatBody, signal: AbortSignal): AsyncGenerator<AskEvent, StreamedAnswer, void> {
  const notices: string[] = [];
  const waited: string[] = [];
  let wake: (() => void) | undefined;
  const gen = provider.stream(body, signal, { onWait: (notice) => { notices.push(notice); wake?.(); } });
  let result: StreamResult | undefined;
  let text = '';
  try {
    let next = gen.next();
    for (;;) {
      const noticed = new Promise<'notice'>((resolve) => { wake = () => resolve('notice'); });
      if (notices.length) wake!();
      const step = await Promise.race([next, noticed]);
      if (step === 'notice') {
        for (const notice of notices.splice(0)) { waited.push(notice); yield { type: 'notice', text: notice }; }
        continue;
      }
      // The stream moved on after a wait: the wait is over, and its notice says so from now on.
      for (const notice of waited.splice(0)) {
        const past = waitedNotice(notice);
        if (past) yield { type: 'notice', text: past, replaces: notice };
      }
      if (step.done) { result = step.value; break; }
      text += step.value;
      yield { type: 'delta', text: step.value };
      next = gen.next();
    }
  } finally {
    wake = undefined;
    // The consumer stopped early (Stop, a newer command): close the provider's stream so its connection is released.
    if (!result) await gen.return?.(undefined as never).catch(() => undefined);
  }
  return { text, result };
}
