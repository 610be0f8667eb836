import * as vscode from 'vscode';
import type { CloudProviderId, KeySource } from '../core/ports';

const LABEL: Record<CloudProviderId, string> = { anthropic: 'Anthropic', openai: 'OpenAI (or OpenAI-compatible)', gateway: 'LiteLLM gateway (virtual key)' };
const ENV: Record<CloudProviderId, string> = { anthropic: 'ANTHROPIC_API_KEY', openai: 'OPENAI_API_KEY', gateway: 'LITELLM_API_KEY' };
const secretId = (p: CloudProviderId) => `hybrid.apiKey.${p}`;
/** How long a confirmation stays in the status bar. */
const CONFIRM_MS = 5000;

/** API keys live in SecretStorage only; the environment is honoured when nothing is stored. */
export class ApiKeys implements KeySource {
  private readonly changed = new vscode.EventEmitter<CloudProviderId>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(provider: CloudProviderId): Promise<string | undefined> {
    return (await this.lookup(provider)).key;
  }

  async lookup(provider: CloudProviderId): Promise<{ key: string | undefined; fromEnv?: string }> {
    const stored = await this.secrets.get(secretId(provider));
    if (stored) return { key: stored };
    const env = process.env[ENV[provider]]?.trim();
    return env ? { key: env, fromEnv: ENV[provider] } : { key: undefined };
  }

  async source(provider: CloudProviderId): Promise<'stored' | 'environment' | 'none'> {
    if (await this.secrets.get(secretId(provider))) return 'stored';
    return process.env[ENV[provider]]?.trim() ? 'environment' : 'none';
  }

  async promptAndStore(preferred?: CloudProviderId): Promise<CloudProviderId | undefined> {
    const provider = preferred ?? await pickProvider('Set the API key for');
    if (!provider) return undefined;
    const key = await vscode.window.showInputBox({
      title: `Hybrid: ${LABEL[provider]} API key`,
      prompt: `Stored in VS Code's SecretStorage (your OS keychain), never in settings or logs.`,
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => validateKey(provider, v),
    });
    if (!key) return undefined;
    await this.secrets.store(secretId(provider), key.trim());
    this.changed.fire(provider);
    // A confirmation, not news: it passes in the status bar instead of staying in the notification list. It names
    // the provider only; the key itself is never shown back.
    vscode.window.setStatusBarMessage(`$(check) Hybrid: ${LABEL[provider]} API key saved`, CONFIRM_MS);
    return provider;
  }

  async promptAndClear(): Promise<void> {
    const provider = await pickProvider('Clear the stored API key of');
    if (!provider) return;
    await this.secrets.delete(secretId(provider));
    this.changed.fire(provider);
    // Still using a key from the environment is worth a notification (the user may expect no key at all now).
    if (process.env[ENV[provider]]?.trim()) {
      void vscode.window.showInformationMessage(`Hybrid: ${LABEL[provider]} API key cleared. ${ENV[provider]} from the environment is still used.`);
    } else {
      vscode.window.setStatusBarMessage(`$(check) Hybrid: ${LABEL[provider]} API key cleared`, CONFIRM_MS);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

async function pickProvider(title: string): Promise<CloudProviderId | undefined> {
  const pick = await vscode.window.showQuickPick(
    (Object.keys(LABEL) as CloudProviderId[]).map((id) => ({ label: LABEL[id], id })),
    { title: `Hybrid: ${title}…` },
  );
  return pick?.id;
}

/** Shape checks only; the server is the judge. Keys of compatible servers may have any shape. */
export function validateKey(provider: CloudProviderId, value: string): string | undefined {
  const v = value.trim();
  if (!v) return 'Paste the key, or press Escape to cancel.';
  if (/\s/.test(v)) return 'The key must not contain spaces or line breaks.';
  if (/[^\x21-\x7e]/.test(v)) return 'The key contains a character no API key has (a typographic quote from copying?) — copy it again.';
  if (v.length < 8) return 'That is too short to be an API key.';
  if (provider === 'anthropic' && !v.startsWith('sk-ant-')) return 'Anthropic keys start with "sk-ant-".';
  return undefined;
}
