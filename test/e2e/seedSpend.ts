// Seeds the e2e profile before the workbench starts: this month's ledger with 20 local answers (so the spend
// panel's "Is local worth it?" has enough data for a projection) and the local cost settings it needs. The e2e
// test recomputes the panel's figures by hand from whatever the ledger holds when it looks.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { requestCost } from '../../src/core/spend/cost';
import { serializeRecord } from '../../src/core/spend/ledgerRecord';
import { ledgerFileName } from '../../src/core/spend/ledger';
import { usageFromProvider } from '../../src/core/spend/cost';
import type { LedgerRecord } from '../../src/core/request';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

export const EXTENSION_STORAGE = 'hybrid-assistant.hybrid-assistant';
export const TCO_SETTINGS = {
  'hybrid.local.hardwareUsd': 1800,
  'hybrid.local.amortizationMonths': 36,
  'hybrid.local.watts': 300,
  'hybrid.local.usdPerKwh': 0.4,
};
const CLOUD_MODEL = DEFAULT_SETTINGS['cloud.model']; // the e2e profile keeps the default hybrid.cloud.model

export function ledgerDir(userDataDir: string): string {
  return path.join(userDataDir, 'User', 'globalStorage', EXTENSION_STORAGE, 'ledger');
}

export function seedSpendLedger(userDataDir: string, now = new Date()): number {
  const dir = ledgerDir(userDataDir);
  fs.mkdirSync(dir, { recursive: true });
  const days = Math.max(1, now.getDate() - 1);
  const lines = new Map<string, string[]>();
  for (let i = 0; i < 20; i++) {
    const at = new Date(now.getFullYear(), now.getMonth(), 1 + (i % days), 9, i);
    const usage = usageFromProvider('ollama', { prompt_eval_count: 3000, eval_count: 500 });
    const cost = requestCost({ route: 'local', model: 'qwen2.5-coder:7b', usage, totalMs: 36_000, costPerHour: 0, cloudModel: CLOUD_MODEL });
    const r: LedgerRecord = {
      v: 1, id: `seed-${i}`, time: at.toISOString(), origin: 'askPrivate', kind: 'ask', route: 'local', provider: 'ollama',
      model: 'qwen2.5-coder:7b', tokens: usage, costUsd: cost.costUsd, cloudEquivalentUsd: cost.cloudEquivalentUsd,
      ttftMs: 300, totalMs: 36_000, status: 'ok', outcome: 'stop', reasons: ['Ask (private) always runs locally'],
    };
    const file = ledgerFileName(at.toISOString().slice(0, 7));
    lines.set(file, [...(lines.get(file) ?? []), serializeRecord(r)]);
  }
  for (const [file, ls] of lines) fs.appendFileSync(path.join(dir, file), ls.join(''));
  return 20;
}
