// What the spend panel needs from the spend model. The lead's wiring implements it over the ledger and the
// SpendModel: snapshot() = { ...model.snapshot(now), budget: budgetState(...), priceTableDate, cloudModel }.

import type * as vscode from 'vscode';
import type { SpendSnapshot } from '../../core/spend/spendModel';
import type { SpendPanelSnapshot, SpendSnapshotView } from '../../shared/protocol/spend';

/** Plain JSON the panel renders. */
export type SpendSnapshotJson = SpendPanelSnapshot;

export interface SpendSource {
  snapshot(): SpendSnapshotJson;
  /** Fires when a request completes (a ledger record was added) or budgets/prices change. */
  onDidChange(listener: () => void): vscode.Disposable;
  /** The whole ledger (or the months the source holds) as CSV / JSON text; never prompt text. */
  exportCsv(): Promise<string> | string;
  exportJson(): Promise<string> | string;
}

// Compile-time proof that the core snapshot is what the webview protocol declares.
export const spendSnapshotFitsProtocol: (s: SpendSnapshot) => SpendSnapshotView = (s) => s;
