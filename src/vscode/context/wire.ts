// Connects the repo map to the Ask pipeline. Constructing it does no work: the index is built on the first
// question that needs it, and the local embedding model is looked for then.
import type * as vscode from 'vscode';
import { checkLocalEndpoint } from '../../core';
import type { LocalChat } from '../../core/context/rerank';
import type { Logger } from '../../core/ports';
import type { Services } from '../services';
import { createCodebaseHook } from './codebaseContext';
import { CodebaseIndexService } from './codebaseIndex';
import { SemanticStage } from './semanticStage';

export function wireCodebaseContext(context: vscode.ExtensionContext, services: Services, logger: Logger): CodebaseIndexService {
  const semantic = new SemanticStage({
    server: () => {
      const s = services.settings;
      return {
        kind: s['local.provider'], baseUrl: s['local.baseUrl'], apiKey: process.env.HYBRID_LOCAL_API_KEY,
        isLocalEndpoint: (url: string) => checkLocalEndpoint(url, s['privacy.trustedHosts']),
      };
    },
    rerank: () => (services.settings['context.localRerank'] ? localChat(services) : undefined),
  }, logger);
  const index = new CodebaseIndexService(context.extensionPath, context.globalStorageUri.fsPath, logger, semantic);
  services.contextProvider = createCodebaseHook(index, {
    settings: () => services.settings, pathPolicy: () => services.pathPolicy(),
    estimateTokens: (text) => services.tokens().estimate(text), logger,
  });
  return index;
}

/** One short, non-streamed-to-the-user request to the private tier (which refuses to run unless it is local). */
function localChat(services: Services): LocalChat {
  return async (system, prompt, signal) => {
    const provider = services.local();
    if (provider.location !== 'local') throw new Error('the rerank runs on the local tier only');
    const stream = provider.stream({
      model: services.settings['local.chatModel'], system, messages: [{ role: 'user', content: prompt }], maxTokens: 60, temperature: 0,
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
