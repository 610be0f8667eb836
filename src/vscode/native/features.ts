// Feature detection for VS Code's own Chat surfaces. engines.vscode stays ^1.96 and @types/vscode ~1.96, so the
// model-picker API (VS Code 1.104+) is declared here, and each surface is registered only when the running editor
// has its API. No `vscode` import: the checks take the API object, so they are unit-tested with plain objects.

/** VS Code 1.104+ `LanguageModelChatInformation` (declared locally; see the note above). */
export interface LmChatInformation {
  readonly id: string;
  readonly name: string;
  readonly family: string;
  readonly version: string;
  readonly tooltip?: string;
  readonly detail?: string;
  readonly maxInputTokens: number;
  readonly maxOutputTokens: number;
  readonly capabilities: { readonly imageInput?: boolean; readonly toolCalling?: boolean | number };
}

/** A request message: `content` holds text, tool-call, tool-result and data parts (told apart by shape). */
export interface LmRequestMessage {
  readonly role: number;
  readonly content: ReadonlyArray<unknown>;
  readonly name: string | undefined;
}

export interface LmTool { readonly name: string; readonly description: string; readonly inputSchema?: object | undefined }

export interface LmResponseOptions {
  readonly modelOptions?: { readonly [name: string]: unknown };
  readonly tools?: readonly LmTool[];
  readonly toolMode?: number;
}

export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => unknown): { dispose(): unknown };
}

/** VS Code 1.104+ `LanguageModelChatProvider`. */
export interface LmChatProvider {
  readonly onDidChangeLanguageModelChatInformation?: (listener: () => unknown) => { dispose(): unknown };
  provideLanguageModelChatInformation(options: { readonly silent: boolean }, token: Cancellation): Promise<LmChatInformation[]> | LmChatInformation[];
  provideLanguageModelChatResponse(model: LmChatInformation, messages: readonly LmRequestMessage[], options: LmResponseOptions,
    progress: { report(part: unknown): void }, token: Cancellation): Promise<void>;
  provideTokenCount(model: LmChatInformation, text: string | LmRequestMessage, token: Cancellation): Promise<number>;
}

type RegisterLm = (vendor: string, provider: LmChatProvider) => { dispose(): unknown };

export interface NativeSupport {
  /** `vscode.chat.createChatParticipant` (1.90+). */
  participant: boolean;
  /** `vscode.lm.registerLanguageModelChatProvider` and the part classes it answers with (1.104+). */
  modelProvider: boolean;
}

interface EditorApiLike {
  chat?: { createChatParticipant?: unknown; [other: string]: unknown };
  lm?: { registerLanguageModelChatProvider?: unknown; [other: string]: unknown };
  LanguageModelTextPart?: unknown;
  LanguageModelToolCallPart?: unknown;
}

export function nativeSupport(api: EditorApiLike): NativeSupport {
  return {
    participant: typeof api.chat?.createChatParticipant === 'function',
    modelProvider: typeof api.lm?.registerLanguageModelChatProvider === 'function'
      && typeof api.LanguageModelTextPart === 'function' && typeof api.LanguageModelToolCallPart === 'function',
  };
}

/** The model-picker registration, typed, or undefined where this editor has none. */
export function lmRegistration(api: EditorApiLike): RegisterLm | undefined {
  if (!nativeSupport(api).modelProvider) return undefined;
  const lm = api.lm as { registerLanguageModelChatProvider: RegisterLm };
  return (vendor, provider) => lm.registerLanguageModelChatProvider(vendor, provider);
}

export type PartShape =
  | { kind: 'text'; text: string }
  | { kind: 'toolCall'; callId: string; name: string; input: unknown }
  | { kind: 'toolResult'; callId: string; content: readonly unknown[] }
  | { kind: 'data'; mimeType: string; data: Uint8Array }
  | { kind: 'other' };

/** Tells the editor's message parts apart by shape (the classes differ between releases and realms). */
export function partShape(p: unknown): PartShape {
  if (!p || typeof p !== 'object') return { kind: 'other' };
  const o = p as Record<string, unknown>;
  if (typeof o.callId === 'string' && typeof o.name === 'string' && 'input' in o) return { kind: 'toolCall', callId: o.callId, name: o.name, input: o.input };
  if (typeof o.callId === 'string' && Array.isArray(o.content)) return { kind: 'toolResult', callId: o.callId, content: o.content };
  if (typeof o.value === 'string') return { kind: 'text', text: o.value };
  if (typeof o.mimeType === 'string' && o.data instanceof Uint8Array) return { kind: 'data', mimeType: o.mimeType, data: o.data };
  return { kind: 'other' };
}

/** A tool result's text: text parts as they are, prompt-tsx parts and JSON/text data decoded. */
export function toolResultText(content: readonly unknown[]): string {
  const out: string[] = [];
  for (const c of content) {
    const s = partShape(c);
    if (s.kind === 'text') out.push(s.text);
    else if (s.kind === 'data' && /^(text\/|application\/json)/.test(s.mimeType)) out.push(new TextDecoder().decode(s.data));
    else if (c && typeof c === 'object' && 'value' in c) out.push(tsxText((c as { value: unknown }).value));
  }
  return out.join('\n');
}

/**
 * A prompt-tsx part (what the built-in read_file tool returns) is a JSON tree of the rendered prompt; its text
 * leaves, in order, are the file's text with real line breaks (JSON would escape them and hide `KEY=value` lines).
 */
function tsxText(value: unknown): string {
  const leaves: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) { v.forEach(walk); return; }
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o.text === 'string') leaves.push(`${o.lineBreakBefore ? '\n' : ''}${o.text}`);
    for (const [k, x] of Object.entries(o)) if (k !== 'text') walk(x);
  };
  walk(value);
  return leaves.length ? leaves.join('') : JSON.stringify(value);
}
