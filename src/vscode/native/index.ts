// Registers `@hybrid` and the Hybrid models only where the running editor has those APIs (features.ts), so one
// build serves VS Code 1.96 (neither: our chat view and commands only) up to current releases (both).

import * as vscode from 'vscode';
import type { Logger } from '../../core/ports';
import { lmRegistration, nativeSupport, type NativeSupport } from './features';
import { HybridModelProvider, LM_VENDOR, type NativeChatParts } from './modelProvider';
import { registerParticipant } from './participant';

export function registerNativeChat(parts: NativeChatParts, extensionUri: vscode.Uri, logger: Logger): { disposables: vscode.Disposable[]; support: NativeSupport } {
  const api = vscode as unknown as Parameters<typeof nativeSupport>[0];
  const support = nativeSupport(api);
  const disposables: vscode.Disposable[] = [];
  if (support.participant) disposables.push(...registerParticipant(parts.asker, extensionUri));
  const register = lmRegistration(api);
  if (register) {
    const provider = new HybridModelProvider(parts);
    disposables.push(provider, register(LM_VENDOR, provider) as vscode.Disposable);
    // The Chat view may have asked for models before this extension activated: tell it again once we are up.
    const timer = setTimeout(() => provider.announce(), 1_000);
    disposables.push({ dispose: () => clearTimeout(timer) });
  }
  logger.info(`native chat: @hybrid ${support.participant ? 'registered' : 'not available'}, model picker ${support.modelProvider ? 'registered' : 'not available'} (VS Code ${vscode.version})`);
  return { disposables, support };
}
