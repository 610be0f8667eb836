// A scripted agent step for the cloud fakes. When the request's text holds `[[tool:NAME|OTHER {json}]]`, offers a
// tool of one of those names and carries no tool result yet, the fake answers with a call of that tool (the
// protocol's real tool-call shape) instead of text; once a result came back it answers in text as usual. Tests use
// it to make the editor's agent run a real tool (e.g. read `.env`) through our model provider.

const DIRECTIVE = /\[\[tool:([\w.|-]+)\s+(\{[\s\S]*?\})\]\]/;

export interface ScriptedCall { name: string; input: Record<string, unknown> }

function strings(v: unknown, out: string[]): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

function hasToolResult(messages: unknown): boolean {
  if (!Array.isArray(messages)) return false;
  return messages.some((m: { role?: string; content?: unknown }) => m?.role === 'tool'
    || (Array.isArray(m?.content) && m.content.some((b: { type?: string }) => b?.type === 'tool_result')));
}

function offeredNames(tools: unknown): string[] {
  if (!Array.isArray(tools)) return [];
  return tools.map((t: { name?: string; function?: { name?: string } }) => t?.name ?? t?.function?.name ?? '').filter(Boolean);
}

/** The call the fake should make for this request body, if its text scripts one. */
export function scriptedToolCall(body: { messages?: unknown; tools?: unknown }): ScriptedCall | undefined {
  if (hasToolResult(body.messages)) return undefined;
  const offered = offeredNames(body.tools);
  if (offered.length === 0) return undefined;
  for (const text of strings(body.messages, [])) {
    const m = DIRECTIVE.exec(text);
    if (!m) continue;
    const name = m[1].split('|').find((n) => offered.includes(n));
    if (!name) continue;
    try {
      return { name, input: JSON.parse(m[2]) as Record<string, unknown> };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The names of the tools a recorded request offered (for test diagnostics). */
export function toolNamesOf(body: unknown): string[] {
  return offeredNames((body as { tools?: unknown })?.tools);
}
