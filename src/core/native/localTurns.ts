// What stayed local in the model picker's conversations. VS Code sends the whole conversation with every request,
// and an exchange "Hybrid Private" (or Hybrid Auto, routed local) answered carries no mark of it: switching the
// picker to "Hybrid Cloud" for the next question would send that exchange — the user's private question and the
// local model's answer, which may quote private code no rule can see — to the cloud as history. The provider
// remembers each local exchange here and marks it `local` in later requests, so the pipeline keeps it off the
// cloud as it does for `@hybrid` and our own chat view. Pure: a bounded memory of digests, no text kept.

import type { ChatTurn } from '../request';

/** Whitespace and the editor's re-rendering (trailing newlines, CRLF) must not make a remembered text unknown. */
function digest(text: string): string {
  const s = text.replace(/\s+/g, ' ').trim();
  // cyrb53 twice with different seeds: 106 bits, enough that two different texts never meet in practice.
  return `${s.length}:${cyrb53(s, 0x9e3779b9)}:${cyrb53(s, 0x85ebca6b)}`;
}

function cyrb53(s: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export class LocalTurns {
  private readonly texts = new Set<string>();
  private readonly callIds = new Set<string>();

  /** `saved`: what `toJSON` returned before a restart (VS Code restores chat sessions; the marks must survive too). */
  constructor(private readonly capacity = 2000, saved?: unknown) {
    const s = saved && typeof saved === 'object' ? saved as { texts?: unknown; callIds?: unknown } : {};
    for (const t of Array.isArray(s.texts) ? s.texts : []) if (typeof t === 'string') this.add(this.texts, t);
    for (const id of Array.isArray(s.callIds) ? s.callIds : []) if (typeof id === 'string') this.add(this.callIds, id);
  }

  /** Digests and call ids only: no text of the conversation is stored. */
  toJSON(): { texts: string[]; callIds: string[] } {
    return { texts: [...this.texts], callIds: [...this.callIds] };
  }

  /** One exchange the local model answered: the user's text, the answer's text and the tool calls it asked for. */
  remember(question: string, answer: string, toolCallIds: readonly string[] = []): void {
    for (const t of [question, answer]) if (t.trim()) this.add(this.texts, digest(t));
    for (const id of toolCallIds) this.add(this.callIds, id);
  }

  /** Whether this turn was part of an exchange the local model answered. */
  isLocal(turn: ChatTurn): boolean {
    if (turn.toolCalls?.some((c) => this.callIds.has(c.id))) return true;
    if (turn.toolResults?.some((r) => this.callIds.has(r.callId))) return true;
    return !!turn.content.trim() && this.texts.has(digest(turn.content));
  }

  /**
   * History with every local exchange marked `local`: the remembered turns, and the user turn before a local
   * answer (what the user asked it), as `@hybrid`'s history does.
   */
  mark(history: ChatTurn[]): ChatTurn[] {
    const out = history.map((t) => (this.isLocal(t) ? { ...t, local: true } : t));
    for (let i = 1; i < out.length; i++) {
      if (out[i].local && out[i].role === 'assistant' && out[i - 1].role === 'user' && !out[i - 1].local) out[i - 1] = { ...out[i - 1], local: true };
    }
    return out;
  }

  private add(set: Set<string>, key: string): void {
    set.delete(key);
    set.add(key);
    if (set.size > this.capacity) set.delete(set.values().next().value as string);
  }
}
