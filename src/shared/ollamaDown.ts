// The one wording of "Ollama is not running", for every surface that says it: the chat's error card and set-up
// list, VS Code's own Chat, the status bar and its tooltip, the completion notice, the Start Ollama button and the
// refusal reason. Four wordings ("not reachable", "not responding", "offline", "start Ollama") read as four
// different problems; one cause and one fix read as one.

export const OLLAMA_START_COMMAND = 'ollama serve';

export interface OllamaDown {
  /** "Ollama is not running at http://127.0.0.1:11434" (the address when known). */
  cause: string;
  /** "start it with `ollama serve` (or open the Ollama app)": backticks mark the command as code. */
  fix: string;
  /** The cause and the fix, one sentence. */
  text: string;
  /** For the status bar, where there is room for two words: the cause without the address. */
  short: string;
}

export function ollamaDown(baseUrl?: string): OllamaDown {
  const cause = `Ollama is not running${baseUrl ? ` at ${baseUrl}` : ''}`;
  const fix = `start it with \`${OLLAMA_START_COMMAND}\` (or open the Ollama app)`;
  return { cause, fix, text: `${cause} — ${fix}.`, short: 'Ollama not running' };
}

/** Whether a message is this one (a health report, a failure): the status bar then says the short form. */
export function isOllamaDown(message: string | undefined): boolean {
  return !!message && message.startsWith('Ollama is not running');
}
