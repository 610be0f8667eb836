// Tells the user, once per setting and model in a session, that a cloud model setting names a deprecated Anthropic
// model (core/modelAdvice.ts), or that the gateway URL is no team gateway (core/team/cloudHosts.ts), with a button
// that opens that setting. The SDK's own console.warn goes to the
// extension host log; this is the warning a person sees.
import * as vscode from 'vscode';
import { deprecatedModelSettings, unwarned } from '../core/modelAdvice';
import type { HybridSettings } from '../core/settings';
import { settingQuery } from '../core/settingQuery';
import { cleartextProblem, gatewayUrlProblem } from '../core/team/cloudHosts';

const OPEN_SETTINGS = 'Open Settings';

/** Checks now and on every settings change: a table lookup, nothing read from disk or the network. */
export function watchDeprecatedModels(
  settings: () => HybridSettings, onDidChange: vscode.Event<HybridSettings>, log: (m: string) => void,
): vscode.Disposable {
  const seen = new Set<string>();
  const check = (s: HybridSettings): void => {
    // A gateway URL that is a provider's own API (the virtual key would go to that provider), or one off this machine
    // in clear text (the key and every request readable on the way; private ones are refused): said once per URL.
    const notGateway = gatewayUrlProblem(s['gateway.baseUrl']) ?? cleartextProblem(s['gateway.baseUrl'], s['privacy.trustedHosts']);
    if (notGateway && !seen.has(`gateway:${s['gateway.baseUrl']}`)) {
      seen.add(`gateway:${s['gateway.baseUrl']}`);
      log(notGateway);
      void vscode.window.showWarningMessage(`Hybrid: ${notGateway}.`, OPEN_SETTINGS).then((pick) => {
        if (pick === OPEN_SETTINGS) void vscode.commands.executeCommand('workbench.action.openSettings', settingQuery('hybrid.gateway.baseUrl'));
      });
    }
    for (const w of unwarned(seen, deprecatedModelSettings(s, Date.now()))) {
      log(w.message);
      const show = w.retired ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
      void show(`Hybrid: ${w.message}`, OPEN_SETTINGS).then((pick) => {
        if (pick === OPEN_SETTINGS) void vscode.commands.executeCommand('workbench.action.openSettings', settingQuery(w.setting));
      });
    }
  };
  check(settings());
  return onDidChange(check);
}
