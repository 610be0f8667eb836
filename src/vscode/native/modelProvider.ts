// "Hybrid Auto", "Hybrid Private" and "Hybrid Cloud" in VS Code's model picker, so the built-in Agent and Ask
// modes run through our router. Each request becomes an Ask (core/native/lmMessages) and runs through the same
// pipeline as every command (AskService.ask: classify → decide → egress gate → provider → ledger); tool calls go back
// to the editor's agent, and every tool result comes back through the classifier and the gate.

import * as vscode from 'vscode';
import * as path from 'node:path';
import { HYBRID_MODELS, lmRequestToAsk, originOfModel, questionText, type LmMessage, type LmPart } from '../../core/native/lmMessages';
import { LocalTurns } from '../../core/native/localTurns';
import { parseToolInput } from '../../core/providers/toolWire';
import { contextWindowOf } from '../../core/spend';
import { contextPath } from '../ask/editorContext';
import { countOrEstimate, type AskService } from '../ask/askService';
import type { ConfigService } from '../config';
import type { ProviderRegistry } from '../providerRegistry';
import type { SpendStore } from '../spendStore';

/** What the model picker's provider needs: the one pipeline, the settings, prices and the token counter. */
export interface NativeChatParts {
  asker: AskService; config: ConfigService; spend: SpendStore; providers: ProviderRegistry;
  /** Where the marks of local exchanges are kept across restarts (workspace state; digests only). */
  memory?: vscode.Memento;
}

const LOCAL_TURNS_KEY = 'hybrid.native.localTurns';
import { partShape, toolResultText, type LmChatInformation, type LmChatProvider, type LmRequestMessage } from './features';

export const LM_VENDOR = 'hybrid';
const ANSWER_TOKENS = 1024; // the pipeline's answer budget (core/pipeline/ask.ts)

/** An absolute path inside the workspace as the privacy rules see it (workspace-relative, symlinks resolved). */
export function workspaceRelative(p: string): string {
  return path.isAbsolute(p) ? contextPath(vscode.Uri.file(p)) : p;
}

function toLmMessage(m: LmRequestMessage): LmMessage {
  const parts: LmPart[] = [];
  for (const c of m.content) {
    const s = partShape(c);
    if (s.kind === 'text') parts.push({ kind: 'text', text: s.text });
    else if (s.kind === 'toolCall') parts.push({ kind: 'toolCall', call: { id: s.callId, name: s.name, input: JSON.stringify(s.input ?? {}) } });
    else if (s.kind === 'toolResult') parts.push({ kind: 'toolResult', callId: s.callId, text: toolResultText(s.content) });
  }
  // Role 2 is Assistant in every release; User (1) and the newer System role both travel as user text.
  return { role: m.role === vscode.LanguageModelChatMessageRole.Assistant ? 'assistant' : 'user', parts };
}

export class HybridModelProvider implements LmChatProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** The editor re-reads the model list on this event: after start-up and whenever our settings change. */
  readonly onDidChangeLanguageModelChatInformation = this.changed.event;
  private readonly subs: vscode.Disposable[];
  /** The exchanges the local model answered, so a later request (perhaps to Hybrid Cloud) keeps them local. */
  private readonly localTurns: LocalTurns;

  constructor(private readonly parts: NativeChatParts) {
    this.localTurns = new LocalTurns(undefined, parts.memory?.get(LOCAL_TURNS_KEY));
    this.subs = [this.changed, parts.config.onDidChange(() => this.changed.fire())];
  }

  /** Tells the editor the models are there (a picker opened before we registered would otherwise stay empty). */
  announce(): void {
    this.changed.fire();
  }

  dispose(): void {
    for (const d of this.subs) d.dispose();
  }

  provideLanguageModelChatInformation(): LmChatInformation[] {
    const s = this.parts.config.settings;
    const cloudWindow = contextWindowOf(s['cloud.model'], this.parts.spend.priceTable()) ?? 128_000;
    return HYBRID_MODELS.map((m) => ({
      id: m.id, name: m.name, family: 'hybrid', version: '1', detail: m.detail,
      tooltip: m.id === 'hybrid-private' ? `${s['local.chatModel']} at ${s['local.baseUrl']}`
        : m.id === 'hybrid-cloud' ? `${s['cloud.model']} (${s['cloud.provider']})` : `${s['local.chatModel']} or ${s['cloud.model']}`,
      maxInputTokens: m.id === 'hybrid-private' ? s['local.numCtx'] : cloudWindow,
      maxOutputTokens: ANSWER_TOKENS,
      capabilities: { toolCalling: true },
    }));
  }

  async provideLanguageModelChatResponse(model: LmChatInformation, messages: readonly LmRequestMessage[],
    options: { tools?: readonly { name: string; description: string; inputSchema?: object }[] },
    progress: { report(part: unknown): void }, token: vscode.CancellationToken): Promise<void> {
    const origin = originOfModel(model.id);
    if (!origin) throw new Error(`Hybrid: unknown model ${model.id}`);
    const tools = (options.tools ?? []).map((t) => ({ name: t.name, description: t.description, ...(t.inputSchema ? { inputSchema: t.inputSchema } : {}) }));
    const lm = messages.map(toLmMessage);
    const input = lmRequestToAsk(lm, origin, tools, workspaceRelative, this.localTurns);
    let local = false;
    let text = '';
    const callIds: string[] = [];
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    let answered = false;
    let problem: { message: string; refused: boolean } | undefined;
    try {
      for await (const e of this.parts.asker.ask(input, abort.signal)) {
        // Any local attempt makes the exchange local (an escalated answer still carries the local draft).
        if (e.type === 'route' && e.route === 'local') local = true;
        if (e.type === 'delta') { answered = true; text += e.text; progress.report(new vscode.LanguageModelTextPart(e.text)); }
        if (e.type === 'done') {
          for (const c of e.toolCalls ?? []) { answered = true; callIds.push(c.id); progress.report(new vscode.LanguageModelToolCallPart(c.id, c.name, parseToolInput(c.input))); }
          if (e.status === 'ok') problem = undefined;
        }
        if (e.type === 'error') problem = { message: e.message, refused: !e.failure || e.failure.code === 'blocked' };
      }
    } finally {
      sub.dispose();
      if (local) {
        this.localTurns.remember(questionText(lm), text, callIds);
        void this.parts.memory?.update(LOCAL_TURNS_KEY, this.localTurns.toJSON());
      }
    }
    if (!problem || answered) return;
    // A refusal is an answer the user must read ("Not sent: …"); a provider failure is an error the agent shows.
    if (problem.refused) progress.report(new vscode.LanguageModelTextPart(`**Hybrid — not sent.** ${problem.message}`));
    else throw new Error(`Hybrid: ${problem.message}`);
  }

  async provideTokenCount(_model: LmChatInformation, text: string | LmRequestMessage): Promise<number> {
    const plain = typeof text === 'string' ? text : toLmMessage(text).parts.map((p) => (p.kind === 'text' ? p.text : p.kind === 'toolResult' ? p.text : p.call.input)).join('\n');
    return countOrEstimate(this.parts.providers.tokens(), plain, this.parts.config.settings['cloud.model']);
  }
}
