// Connects the repo map to the Ask pipeline. Constructing it does no work: the index is built on the first
// question that needs it.
import type * as vscode from 'vscode';
import type { Logger } from '../../core/ports';
import type { Services } from '../services';
import { createCodebaseHook } from './codebaseContext';
import { CodebaseIndexService } from './codebaseIndex';

export function wireCodebaseContext(context: vscode.ExtensionContext, services: Services, logger: Logger): CodebaseIndexService {
  const index = new CodebaseIndexService(context.extensionPath, context.globalStorageUri.fsPath, logger);
  services.contextProvider = createCodebaseHook(index, {
    settings: () => services.settings, pathPolicy: () => services.pathPolicy(),
    estimateTokens: (text) => services.tokens().estimate(text), logger,
  });
  return index;
}
