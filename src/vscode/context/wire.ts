// Connects the repo map to the Ask pipeline. Constructing it does no work: the index is built on the first
// question that needs it, and the local embedding model is looked for then.
import type * as vscode from 'vscode';
import { checkLocalEndpoint } from '../../core';
import type { LocalChat } from '../../core/context/rerank';
import type { Logger } from '../../core/ports';
import type { ContextHook } from '../ask/askService';
import type { ConfigService } from '../config';
import type { WorkspacePrivacy } from '../privacy/workspacePrivacy';
import type { ProviderRegistry } from '../providerRegistry';
import { createCodebaseHook } from './codebaseContext';
import { CodebaseIndexService } from './codebaseIndex';
import { SemanticStage } from './semanticStage';

interface CodebaseParts { config: ConfigService; providers: ProviderRegistry; privacy: WorkspacePrivacy; logger: Logger }

/** The index (disposed with the extension) and the hook the ask service runs before classifying a question. */
export function createCodebaseContext(context: vscode.ExtensionContext, parts: CodebaseParts): { index: CodebaseIndexService; addContext: ContextHook } {
  const { config, providers, privacy, logger } = parts;
  const semantic = new SemanticStage({
    server: () => {
      const s = config.settings;
      return {
        kind: s['local.provider'], baseUrl: s['local.baseUrl'], apiKey: process.env.HYBRID_LOCAL_API_KEY,
        isLocalEndpoint: (url: string) => checkLocalEndpoint(url, s['privacy.trustedHosts']),
      };
    },
    rerank: () => (config.settings['context.localRerank'] ? localChat(config, providers) : undefined),
  }, logger);
  const index = new CodebaseIndexService(context.extensionPath, context.globalStorageUri.fsPath, logger, semantic);
  const addContext = createCodebaseHook(index, {
    settings: () => config.settings, pathPolicy: () => privacy.pathPolicy(),
    estimateTokens: (text) => providers.tokens().estimate(text), logger,
  });
  return { index, addContext };
}

/** One short, non-streamed-to-the-user request to the private tier (which refuses to run unless it is local). */
function localChat(config: ConfigService, providers: ProviderRegistry): LocalChat {
  return async (system, prompt, signal) => {
    const provider = providers.local();
    if (provider.location !== 'local') throw new Error('the rerank runs on the local tier only');
    const stream = provider.stream({
      model: config.settings['local.chatModel'], system, messages: [{ role: 'user', content: prompt }], maxTokens: 60, temperature: 0,
    }, signal ?? AbortSignal.timeout(20_000));
    let text = '';
    for (;;) {
      const next = await stream.next();
      if (next.done) break;
      text += next.value;
    }
    return text;
  };
}
