// The Anthropic request's system + messages with cache breakpoints placed by planBreakpoints: after the system
// prompt, after the end of the history (follow-ups), and after the attached context of the new question — each
// only when the prefix up to it is long enough to be cached for this model.

import type Anthropic from '@anthropic-ai/sdk';
import type { ChatBody } from '../wire/types';
import { planBreakpoints, splitContext, type PrefixSegment } from './cacheBreakpoints';
import { anthropicToolTurn } from './toolWire';

type TextBlock = Anthropic.TextBlockParam;
const MARK = { type: 'ephemeral' } as const;

export function anthropicPrompt(body: ChatBody): { system?: TextBlock[]; messages: Anthropic.MessageParam[] } {
  const msgs = body.messages;
  const last = msgs.length - 1;
  const isTool = (m: ChatBody['messages'][number]) => (m.toolCalls?.length ?? 0) > 0 || (m.toolResults?.length ?? 0) > 0;
  const split = last >= 0 && msgs[last].role === 'user' && !isTool(msgs[last]) ? splitContext(msgs[last].content) : undefined;
  const segments: PrefixSegment[] = [{ id: 'system', text: body.system, stable: body.system !== '' }];
  msgs.forEach((m, i) => {
    if (i === last && split) {
      segments.push({ id: 'context', text: split.context, stable: true });
      segments.push({ id: 'question', text: split.question, stable: false });
    } else {
      segments.push({ id: `m${i}`, text: m.content, stable: i === last - 1 });
    }
  });
  const marks = new Set(planBreakpoints(body.model, segments));
  const block = (text: string, id: string): TextBlock => (marks.has(id) ? { type: 'text', text, cache_control: MARK } : { type: 'text', text });

  const messages: Anthropic.MessageParam[] = msgs.map((m, i) => {
    // Agent turns travel as tool_use / tool_result blocks (no cache mark: they change every step).
    if (isTool(m)) return anthropicToolTurn(m);
    if (i === last && split && marks.has('context')) {
      return { role: m.role, content: [block(split.context, 'context'), { type: 'text', text: split.question }] };
    }
    return { role: m.role, content: marks.has(`m${i}`) ? [block(m.content, `m${i}`)] : m.content };
  });
  return { ...(body.system ? { system: [block(body.system, 'system')] } : {}), messages };
}
