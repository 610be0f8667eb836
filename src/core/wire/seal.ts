// The seal that makes the egress gate the only way to a cloud client: the gate seals the exact body it scanned,
// and every cloud provider refuses (at run time, fail closed) a body that is not sealed. Sealed bodies are frozen,
// so nothing can be added after the scan.

import type { ChatBody } from './types';

const sealedBodies = new WeakSet<object>();

declare const sealBrand: unique symbol;
export type SealedChatBody = Readonly<ChatBody> & { readonly [sealBrand]: true };

/** Only the egress gate calls this. */
export function sealForEgress(body: ChatBody): SealedChatBody {
  const frozen = Object.freeze({
    ...body,
    messages: Object.freeze(body.messages.map((m) => Object.freeze({
      ...m,
      ...(m.toolCalls ? { toolCalls: Object.freeze(m.toolCalls.map((c) => Object.freeze({ ...c }))) } : {}),
      ...(m.toolResults ? { toolResults: Object.freeze(m.toolResults.map((r) => Object.freeze({ ...r }))) } : {}),
    }))),
    tools: body.tools ? Object.freeze(body.tools.map((t) => Object.freeze({ ...t }))) : undefined,
    stop: body.stop ? Object.freeze([...body.stop]) : undefined,
  }) as unknown as SealedChatBody;
  sealedBodies.add(frozen);
  return frozen;
}

export function isSealed(body: unknown): body is SealedChatBody {
  return typeof body === 'object' && body !== null && sealedBodies.has(body);
}
