// The one command the extension types into a terminal. The model name comes from a setting or the webview, so it is
// checked against Ollama's name grammar (host[:port]/namespace/model:tag, letters, digits, . _ -) rather than
// quoted: quoting rules differ between bash, PowerShell and cmd, but a name with no metacharacters is safe in all.

const PART = '[A-Za-z0-9][A-Za-z0-9._-]*';
const MODEL_NAME = new RegExp(`^(?:${PART}(?::\\d{1,5})?/)?(?:${PART}/)?${PART}(?::[A-Za-z0-9_][A-Za-z0-9._-]{0,127})?$`);

export class OllamaModelNameError extends Error {}

export function isOllamaModelName(name: string): boolean {
  return name.length <= 200 && MODEL_NAME.test(name) && !name.split(/[/:]/).some((p) => p === '..' || p === '.');
}

/** `ollama pull <model>`, or throws OllamaModelNameError naming the bad value. */
export function ollamaPullCommand(model: string): string {
  const name = model.trim();
  if (!isOllamaModelName(name)) {
    throw new OllamaModelNameError(`"${name.slice(0, 80)}" is not a valid Ollama model name (letters, digits, . _ - with an optional namespace/ and :tag); check hybrid.local.chatModel and hybrid.local.completionModel.`);
  }
  return `ollama pull ${name}`;
}
