// Tool calling on the three wires. Our ChatTurn carries tool calls (assistant) and tool results (user) in one shape;
// these functions map them to Anthropic content blocks, OpenAI `tool_calls` / `role: "tool"` messages and Ollama's
// `tool_calls` / `role: "tool"`, and collect the calls a streamed answer makes. Nothing here decides what may be
// sent: the bodies arrive sealed by the egress gate, which scanned every call and result.

import type Anthropic from '@anthropic-ai/sdk';
import type OpenAI from 'openai';
import type { ChatTurn, ToolCall, ToolSpec } from '../request';

const EMPTY_SCHEMA = { type: 'object', properties: {} } as const;

export function hasToolTurns(messages: readonly ChatTurn[]): boolean {
  return messages.some((m) => (m.toolCalls?.length ?? 0) > 0 || (m.toolResults?.length ?? 0) > 0);
}

/** JSON arguments as an object; a model's malformed arguments become `{}` rather than failing the turn. */
export function parseToolInput(input: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(input || '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : {};
  } catch {
    return {};
  }
}

// ── Anthropic ──────────────────────────────────────────────────────────────────────────────────────────────────
export function anthropicTools(tools: readonly ToolSpec[] | undefined): { tools?: Anthropic.Tool[] } {
  if (!tools?.length) return {};
  return { tools: tools.map((t) => ({ name: t.name, description: t.description, input_schema: (t.inputSchema ?? EMPTY_SCHEMA) as Anthropic.Tool.InputSchema })) };
}

export function anthropicToolTurn(m: ChatTurn): Anthropic.MessageParam {
  const blocks: Anthropic.ContentBlockParam[] = [];
  for (const r of m.toolResults ?? []) blocks.push({ type: 'tool_result', tool_use_id: r.callId, content: r.content });
  if (m.content) blocks.push({ type: 'text', text: m.content });
  for (const c of m.toolCalls ?? []) blocks.push({ type: 'tool_use', id: c.id, name: c.name, input: parseToolInput(c.input) });
  return { role: m.role, content: blocks };
}

/** Collects tool_use blocks from the event stream (content_block_start, then input_json_delta pieces). */
export class AnthropicToolCollector {
  private readonly byIndex = new Map<number, ToolCall>();

  onStart(index: number, block: { type: string; id?: string; name?: string }): void {
    if (block.type === 'tool_use' && block.id && block.name) this.byIndex.set(index, { id: block.id, name: block.name, input: '' });
  }

  onDelta(index: number, delta: { type: string; partial_json?: string }): void {
    const call = this.byIndex.get(index);
    if (call && delta.type === 'input_json_delta') call.input += delta.partial_json ?? '';
  }

  calls(): ToolCall[] | undefined {
    const out = [...this.byIndex.entries()].sort(([a], [b]) => a - b).map(([, c]) => ({ ...c, input: c.input || '{}' }));
    return out.length ? out : undefined;
  }
}

// ── OpenAI (and OpenAI-compatible servers) ────────────────────────────────────────────────────────────────────
export function openAITools(tools: readonly ToolSpec[] | undefined): { tools?: OpenAI.Chat.ChatCompletionTool[] } {
  if (!tools?.length) return {};
  return { tools: tools.map((t) => ({ type: 'function', function: { name: t.name, description: t.description, parameters: (t.inputSchema ?? EMPTY_SCHEMA) as Record<string, unknown> } })) };
}

export function openAIMessages(m: ChatTurn): OpenAI.Chat.ChatCompletionMessageParam[] {
  if (m.role === 'assistant') {
    if (!m.toolCalls?.length) return [{ role: 'assistant', content: m.content }];
    return [{
      role: 'assistant', content: m.content || null,
      tool_calls: m.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.input || '{}' } })),
    }];
  }
  const out: OpenAI.Chat.ChatCompletionMessageParam[] = (m.toolResults ?? []).map((r) => ({ role: 'tool', tool_call_id: r.callId, content: r.content }));
  if (m.content || out.length === 0) out.push({ role: 'user', content: m.content });
  return out;
}

type OpenAIToolDelta = { index: number; id?: string; function?: { name?: string; arguments?: string } };

export class OpenAIToolCollector {
  private readonly byIndex = new Map<number, ToolCall>();

  onDelta(deltas: readonly OpenAIToolDelta[] | undefined | null): void {
    for (const d of deltas ?? []) {
      const call = this.byIndex.get(d.index) ?? { id: '', name: '', input: '' };
      if (d.id) call.id = d.id;
      // Some servers repeat the whole name on every chunk of the call: a piece that restates the name replaces it.
      const name = d.function?.name;
      if (name) call.name = name.startsWith(call.name) ? name : call.name + name;
      if (d.function?.arguments) call.input += d.function.arguments;
      this.byIndex.set(d.index, call);
    }
  }

  /** `cut`: the answer hit its length limit, so a call whose arguments do not parse was cut short and is left out. */
  calls(cut = false): ToolCall[] | undefined {
    const out = [...this.byIndex.entries()].sort(([a], [b]) => a - b).map(([i, c]) => ({ id: c.id || `call_${i}`, name: c.name, input: c.input || '{}' }))
      .filter((c) => !cut || parses(c.input));
    return out.length ? out : undefined;
  }
}

function parses(json: string): boolean {
  try { JSON.parse(json); return true; } catch { return false; }
}

// ── Ollama ──────────────────────────────────────────────────────────────────────────────────────────────────────
export interface OllamaWireMessage {
  role: string;
  content: string;
  tool_calls?: { function: { name: string; arguments: Record<string, unknown> } }[];
  tool_name?: string;
}

export function ollamaMessages(m: ChatTurn, calls: ReadonlyMap<string, string>): OllamaWireMessage[] {
  if (m.role === 'assistant') {
    return [{ role: 'assistant', content: m.content, ...(m.toolCalls?.length ? { tool_calls: m.toolCalls.map((c) => ({ function: { name: c.name, arguments: parseToolInput(c.input) } })) } : {}) }];
  }
  const out: OllamaWireMessage[] = (m.toolResults ?? []).map((r) => ({ role: 'tool', content: r.content, ...(calls.get(r.callId) ? { tool_name: calls.get(r.callId) } : {}) }));
  if (m.content || out.length === 0) out.push({ role: 'user', content: m.content });
  return out;
}

/** Ollama has no call ids: each call gets one, stable within the answer. */
export function ollamaToolCalls(raw: readonly { function?: { name?: string; arguments?: unknown } }[] | undefined, seen: number): ToolCall[] {
  return (raw ?? []).filter((c) => c.function?.name).map((c, i) => ({
    id: `call_${seen + i}`, name: c.function!.name!, input: JSON.stringify(c.function!.arguments ?? {}),
  }));
}
