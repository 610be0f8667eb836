import * as vscode from 'vscode';
import { checkLocalEndpoint } from '../core';
import type { LedgerRecord } from '../core/request';
import type { LocalHealth, LocalHealthReport } from './health';
import type { AskService } from './ask/askService';
import type { ConfigService } from './config';
import type { ProviderRegistry } from './providerRegistry';
import type { SpendStore } from './spendStore';
import type { StatusBar } from './statusBar';
import { cloudModelLine } from '../core/cloudDefaults';
import { cloudModelNote } from '../core/modelAdvice';
import { localProblemNotice } from '../core/presentation/localNotice';
import { describeGatewayBudget } from '../core/team/gateway';
import { privateTierModels } from '../core/team/gatewayCompletion';
import { isOllamaModelName, ollamaPullCommand } from '../core/terminal/ollamaPull';

/** Asks the local server whether both configured models can answer. */
export async function probeLocal(config: ConfigService, providers: ProviderRegistry): Promise<LocalHealthReport> {
  const s = config.settings;
  const tier = privateTierModels(s);
  if (tier.local.length === 0) {
    return { state: 'ready', message: `Private tier on the gateway: ${tier.gateway.join(', ')} (each request is checked against the gateway's /model/info)` };
  }
  const local = providers.local();
  if (!local.health) {
    return await checkLocalEndpoint(s['local.baseUrl'], s['privacy.trustedHosts'])
      ? { state: 'ready', message: `OpenAI-compatible server at ${s['local.baseUrl']}` }
      : { state: 'notLocal', message: `${s['local.baseUrl']} is not on this machine — add its host to hybrid.privacy.trustedHosts if you trust it.` };
  }
  // Gateway groups are judged when a request is made (providers/gatewayGroup.ts), not asked of Ollama.
  const models = tier.local;
  for (const model of models) {
    const h = await local.health(model);
    if (h.state !== 'ready') return { state: h.state, message: h.message, fixCommand: h.state === 'modelMissing' ? safePull(model) : undefined };
  }
  return { state: 'ready', message: `Ollama at ${s['local.baseUrl']}: ${models.join(', ')} ready${tier.gateway.length ? `; on the gateway: ${tier.gateway.join(', ')}` : ''}` };
}

/** One non-modal notice per outage, with the fix as a button. */
export function notifyLocalProblem(report: LocalHealthReport, health: () => LocalHealth): void {
  const actions = report.state === 'modelMissing' ? ['Pull in Terminal', 'Check Again'] : report.state === 'notLocal' ? ['Open Settings'] : ['Check Again', 'Show Logs'];
  void vscode.window.showWarningMessage(localProblemNotice(report.state, report.message), ...actions).then((pick) => {
    if (pick === 'Check Again') void health().recheck();
    if (pick === 'Show Logs') void vscode.commands.executeCommand('hybrid.showLogs');
    if (pick === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'hybrid.local');
    if (pick === 'Pull in Terminal' && report.fixCommand) {
      const t = vscode.window.createTerminal('Hybrid: ollama pull');
      t.show();
      t.sendText(report.fixCommand, false);
    }
  });
}

/** Keeps the status bar in step with health, spend, in-flight requests and settings. */
export function bindStatusBar(bar: StatusBar, from: { spend: SpendStore; providers: ProviderRegistry; asker: AskService; config: ConfigService; health: LocalHealth }): vscode.Disposable[] {
  const { spend, providers, asker, config, health } = from;
  const fromSpend = (): void => {
    const q = spend.quick();
    const last: LedgerRecord | undefined = spend.last;
    bar.update({
      todayUsd: q.today.cloudUsd, monthUsd: q.month.cloudUsd, savedMonthUsd: q.month.savedUsd,
      budget: spend.budget(), unknownPriceRequests: q.month.unknownPriceRequests, unknownTodayRequests: q.today.unknownPriceRequests,
      estimatedTodayRequests: q.today.estimatedCostRequests, estimatedMonthRequests: q.month.estimatedCostRequests,
      pricesChecked: spend.priceTable().pricesChecked, ledgerProblem: spend.ledgerProblem, cloudModel: cloudModelLine(config.settings) + cloudModelNote(config.settings, Date.now()),
      last: last && { route: last.route, totalMs: last.totalMs, model: last.model, reason: last.reasons[0], status: last.status, outcome: last.outcome, kind: last.kind, endedAt: Date.parse(last.time) + last.totalMs },
      interruptedRecorded: spend.interruptedRecorded,
    });
  };
  // Team mode: what the gateway says about the key's and team's budget (its answer is kept a minute).
  const fromGateway = (): void => {
    void providers.gatewayBudget().then((b) => bar.update({ gatewayBudget: b ? describeGatewayBudget(b) : undefined }), () => undefined);
  };
  fromSpend();
  fromGateway();
  return [
    spend.onDidChange(fromGateway),
    health.onDidChange((r) => {
      const back = r.state === 'ready' && bar.current.local !== 'ready' && bar.current.local !== 'unknown';
      bar.update({ local: r.state, localMessage: r.message, ...(back ? { localRecoveredAt: Date.now() } : {}) });
    }),
    spend.onDidChange(fromSpend),
    asker.onDidChangeBusy((busy) => bar.update({ busy })),
    asker.onDidFailLocally((localFailure) => bar.update({ localFailure })),
    config.onDidChange((s) => { bar.update({ completionEnabled: s['completion.enabled'] }); fromSpend(); }),
  ];
}

/** A model name that is not a valid Ollama name never reaches a terminal: no button instead of a risky command. */
function safePull(model: string): string | undefined {
  return isOllamaModelName(model.trim()) ? ollamaPullCommand(model) : undefined;
}
