// The heading of a turn's error card. A refusal is the product keeping its promise (a private file, a budget, a
// missing key), not a failure: it says nothing was sent rather than "The request failed".

import type { FixName } from '../../shared/protocol/chat';

/**
 * Failures that, after some words came, mean the answer broke off (the words stay above the card). Said "broke off",
 * not "stopped": "Stopped" is what a turn the user ended with Stop says, and the card read as if they had.
 */
const BREAKS_OFF = new Set(['connection', 'server', 'protocol', 'stalled', 'unknown']);

export function errorTitle(code: string | undefined, refused = false, partial = false, message = ''): string {
  if (refused) return 'Not sent';
  if (partial && BREAKS_OFF.has(code ?? 'unknown')) return 'The answer broke off part-way';
  // The server was reached and answered, then the connection broke: "Could not reach" above "was lost" contradicts it.
  if (code === 'connection' && /\bconnection to .+ was lost\b|\bclosed the connection\b/.test(message)) return 'The connection was lost';
  switch (code) {
    case 'connection': return 'Could not reach the model';
    case 'timeout': return 'The model took too long';
    // The words so far stay above the card: say that the answer broke off, not that nothing came.
    case 'stalled': return 'The answer broke off part-way';
    case 'auth': return 'Cloud API key missing or refused';
    // Ollama without the model, or a cloud provider that does not know the name: "not installed" fits only the first.
    case 'modelMissing': return 'Model not found';
    case 'tooLarge': return 'The request is too large for the model';
    case 'rateLimited': return 'Rate limited';
    // "Provider" is our word, not the user's: say whose quota and which side failed.
    case 'quota': return 'Cloud quota reached';
    // An overloaded server (Anthropic's 529) is busy, not broken: "had an error" above "is overloaded"
    // contradicts the line under it and hides that trying later is the fix.
    case 'server': return /\boverloaded\b/.test(message) ? 'The model server is busy' : 'The model server had an error';
    case 'notApi': return 'That address is not the model\'s API';
    case 'notLocal': return 'The "local" endpoint is not local';
    case 'blocked': return 'Blocked by the privacy gate';
    // A budget (ours, or a team budget the gateway enforces) refuses before anything is generated.
    case 'budget': return 'Not sent';
    default: return 'The request failed';
  }
}

/**
 * The command a terminal fix copies: the one the message names (a refusal names the model to pull, e.g.
 * run "ollama pull qwen2.5-coder:7b"), else the generic form.
 */
export function terminalCommand(message: string, generic: string): string {
  const verb = generic.split(' <')[0]!;
  const m = new RegExp(`"(${verb.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} [^"\\s]+)"`).exec(message);
  return m ? m[1]! : generic;
}

/**
 * The setting an "Open Settings" fix should open: the first hybrid.* id the message names ("check
 * hybrid.local.baseUrl"), so the button lands on it rather than on all of the extension's settings (the host
 * opens it only if it is one of ours: core/settingQuery).
 */
export function settingNamed(message: string): string | undefined {
  // Not inside a path or a longer word ("docs/hybrid.md", "myhybrid.x"); the host checks it is one of ours.
  return /(?<![\w./\\-])(hybrid(?:\.[A-Za-z]\w*){1,4})(?![\w/\\-])/.exec(message)?.[1];
}

/** Fixes that mean something is broken or missing on the user's side: a refusal offering one is a problem to fix. */
const SET_UP_FIXES: ReadonlySet<FixName> = new Set<FixName>(['startOllama', 'pullModel', 'retry', 'setApiKey']);

/**
 * How a refusal's card looks. A privacy rule or a budget refusing is the product keeping its promise: a notice in
 * the quote colours. A refusal whose way out is to start Ollama, pull the model or set a key ("Not sent" because the
 * local model is down and the question is private) is a set-up problem, and keeps the error colours.
 */
export function refusalLook(fixes: readonly FixName[]): 'notice' | 'problem' {
  return fixes.some((f) => SET_UP_FIXES.has(f)) ? 'problem' : 'notice';
}
