// The fake's model of Anthropic prompt caching: a `cache_control` block caches the prompt prefix up to and
// including it, only when that prefix reaches the model's minimum cacheable length; a later request whose prefix
// up to a breakpoint is identical and was seen within the TTL (5 min, or 1 h with ttl "1h", refreshed on use)
// reads it. Tokens past the longest hit up to the last eligible breakpoint are written. The minimums are the
// fake's own table (from the docs), not the product's, so a wrong product table shows up as "no cache".

import { fakeTokenCount } from './base';

interface Block { type?: string; text?: string; cache_control?: { type: string; ttl?: string } }

const MIN: [RegExp, number][] = [
  [/claude-(?:opus-4-[56]|haiku-4-5)/, 4096],
  [/claude-(?:sonnet-4-6|opus-4-7|3-5-haiku|3-haiku|haiku-3)/, 2048],
];

function minFor(model: string): number {
  for (const [re, n] of MIN) if (re.test(model)) return n;
  return 1024;
}

export interface CacheOutcome { read: number; write: number; breakpoints: number }

export class PromptCache {
  /** prefix key → expiry (ms). */
  private readonly entries = new Map<string, number>();
  now: () => number = () => Date.now();

  lookup(model: string, system: unknown, messages: unknown): CacheOutcome {
    const blocks: Block[] = [];
    const push = (content: unknown, role: string): void => {
      if (typeof content === 'string') blocks.push({ type: 'text', text: `${role}:${content}` });
      else if (Array.isArray(content)) for (const b of content as Block[]) blocks.push({ ...b, text: `${role}:${b.text ?? ''}` });
    };
    push(system, 'system');
    for (const m of (Array.isArray(messages) ? messages : []) as { role?: string; content?: unknown }[]) push(m.content, m.role ?? '');
    const now = this.now();
    let prefix = '';
    let breakpoints = 0;
    let hit = 0;
    let lastEligible = 0;
    const toStore: [string, number][] = [];
    for (const b of blocks) {
      prefix += `\u0000${b.text}`;
      if (!b.cache_control) continue;
      breakpoints++;
      const tokens = fakeTokenCount(prefix);
      if (tokens < minFor(model)) continue;
      const key = `${model}\u0001${prefix}`;
      const ttl = b.cache_control.ttl === '1h' ? 3_600_000 : 300_000;
      const expiry = this.entries.get(key);
      if (expiry !== undefined && expiry > now) hit = tokens;
      lastEligible = tokens;
      toStore.push([key, now + ttl]);
    }
    for (const [k, e] of toStore) this.entries.set(k, e);
    return { read: hit, write: Math.max(0, lastEligible - hit), breakpoints };
  }

  clear(): void {
    this.entries.clear();
  }
}
