// What the status bar says after a local request failed while the health check still reads "ready": the cause in
// two words, whether the user must act, and the one click that leads to the fix. The cause and the fix in full
// are the provider's own failure message (providers/ollamaFailures.ts), shown as is in the tooltip.

/** The failure of the last local request, as the pipeline's error event carried it. */
import { ollamaDown } from '../../shared/ollamaDown';

export interface LocalFailure {
  /** The failure code (ProviderFailure.code): the ledger records it as the request's `outcome`. */
  code: string;
  /** The cause and the fix, one sentence each. */
  message: string;
  /** The one-click fix the UI offers (ProviderFailure.fix). */
  fix?: string;
}

export interface StatusCommand {
  id: string;
  title: string;
  args?: unknown[];
}

export interface LocalFailureView {
  /** Short status text (after the icon). */
  text: string;
  icon: string;
  /** The user must do something before local answers work again (start Ollama, pull the model): warning colour. */
  mustAct: boolean;
  tip: string[];
  command: StatusCommand;
}

export const CHECK_LOCAL: StatusCommand = { id: 'hybrid.checkLocal', title: 'Check the local model again' };

/** The setting a failure message names as its fix ("raise hybrid.timeouts.localFirstByteMs"), if any. */
function namedSetting(message: string): string | undefined {
  return /\bhybrid\.[a-zA-Z]+(?:\.[a-zA-Z]+)*/.exec(message)?.[0].replace(/\.$/, '');
}

/** The words for a failed local request: offline and a missing model need the user; a time-out only needs a retry. */
export function localFailureView(f: LocalFailure): LocalFailureView {
  const retry = 'The next request tries the local model again.';
  const tip = (click: string) => [`Local model: the last request failed. ${f.message}`, retry, click];
  if (f.code === 'modelMissing' || f.fix === 'pullModel') {
    return { text: 'model missing', icon: '$(warning)', mustAct: true, tip: tip('Click to check again and pull the model'), command: CHECK_LOCAL };
  }
  if (f.code === 'connection' && f.fix === 'startOllama') {
    return { text: `local · ${ollamaDown().short}`, icon: '$(warning)', mustAct: true, tip: tip('Click to check again once Ollama runs'), command: CHECK_LOCAL };
  }
  const setting = namedSetting(f.message);
  const command: StatusCommand = setting ? { id: 'workbench.action.openSettings', title: `Open ${setting}`, args: [setting] } : CHECK_LOCAL;
  const click = setting ? `Click to open ${setting}` : 'Click to check the local model again';
  // Not always Ollama (an OpenAI-compatible local server fails the same way), and not "start it": the message says what.
  if (f.code === 'connection') return { text: 'local server unreachable', icon: '$(warning)', mustAct: true, tip: tip(click), command };
  if (f.code === 'timeout' || f.code === 'stalled') {
    return { text: 'local timed out · will retry', icon: '$(clock)', mustAct: false, tip: tip(click), command };
  }
  return { text: 'local failed · will retry', icon: '$(lock)', mustAct: false, tip: tip(click), command };
}
