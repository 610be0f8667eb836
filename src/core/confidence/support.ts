// Which local server + model returns token log-probabilities. Support differs per server (old Ollama releases
// ignore the field, some OpenAI-compatible servers reject it with 400) and per model, so it is learned from
// answers rather than configured: ask until a reply shows the server ignores or rejects the field, then stop.

export type SupportState = 'unknown' | 'yes' | 'no';

export class LogprobSupport {
  private readonly known = new Map<string, SupportState>();

  private key(baseUrl: string, model: string): string {
    return `${baseUrl.replace(/\/+$/, '')}|${model}`;
  }

  state(baseUrl: string, model: string): SupportState {
    return this.known.get(this.key(baseUrl, model)) ?? 'unknown';
  }

  /** Whether the next request to this server/model should ask for log-probabilities. */
  shouldAsk(baseUrl: string, model: string): boolean {
    return this.state(baseUrl, model) !== 'no';
  }

  /** Forget what was learned (settings changed, or a test starts fresh). */
  clear(): void {
    this.known.clear();
  }

  /** After a completed answer: tokens were generated, and log-probabilities came back for them or not. */
  record(baseUrl: string, model: string, gotLogprobs: boolean): void {
    this.known.set(this.key(baseUrl, model), gotLogprobs ? 'yes' : 'no');
  }
}
