import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Logger } from '../core/ports';
import { ledgerCsv, ledgerJson } from '../core/spend/ledgerExport';
import type { BudgetState, Kind, LedgerRecord, Route } from '../core/request';
import type { HybridSettings } from '../core/settings';
import { budgetState, budgetWarnings, BUNDLED_PRICES, cacheSavingsUsd, computeTco, cloudEquivalent, Ledger, LedgerTail, localDayKey, msUntilNextLocalDay, nodeLedgerFs, pricesAt, SpendModel, unreadableFileNotice, unreadableLinesNotice, withOverrides, describeLedgerError as describe, type PriceTable } from '../core/spend';
import { InflightJournal, recordOrphans } from '../core/spend/inflightJournal';
import { Disposable } from './disposable';
import { watchLedgerDir } from './spend/ledgerWatch';
import type { SpendSnapshotJson, SpendSource } from './spend/spendSource';

const WARNED_KEY = 'hybrid.budgetWarned';

/**
 * Owns the ledger (append-only JSONL in global storage) and the in-memory spend model built from it.
 * Opening and loading happen after activation; records made before that are queued, never lost.
 */
export class SpendStore extends Disposable implements SpendSource {
  private readonly model = new SpendModel({ recent: 50, priceTable: () => this.priceTable() });
  private ledger: Promise<Ledger> | undefined;
  private opened: Ledger | undefined;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  private readonly recorded = this.register(new vscode.EventEmitter<LedgerRecord>());
  /** Each record as it is appended (OpenTelemetry export). */
  readonly onDidRecord = this.recorded.event;
  /** This session's records only (the full history stays on disk; exports read it from there). */
  private readonly sessionRecords: LedgerRecord[] = [];
  /** Records the disk refused (full, read-only): kept so exports still include them. */
  private readonly unwritten: LedgerRecord[] = [];
  /** The newest completed request (for the status bar). */
  last: LedgerRecord | undefined;

  constructor(
    private readonly storageDir: string,
    private readonly state: vscode.Memento,
    private readonly settings: () => HybridSettings,
    private readonly logger: Logger,
    private readonly warn: (message: string) => void,
  ) {
    super();
    this.inflight = new InflightJournal(path.join(storageDir, 'ledger-inflight'));
    this.register({ dispose: () => clearTimeout(this.dayTimer) });
    this.atNextDay();
  }

  private dayTimer: ReturnType<typeof setTimeout> | undefined;

  /** "Today" ends at local midnight even when no request comes: the status bar, the panel and the budget recompute. */
  private atNextDay(): void {
    // A second late, so the views' clock is past midnight; a timer that fires late (sleep) still lands on the new day.
    this.dayTimer = setTimeout(() => { if (!this.isDisposed) { this.changed.fire(); this.atNextDay(); } }, msUntilNextLocalDay(new Date()) + 1000);
    this.dayTimer.unref?.();
  }

  /**
   * Opens the ledger and loads the records (started once, off the activation path), then follows what other
   * windows append to the same folder.
   */
  load(): Promise<Ledger> {
    this.ledger ??= (async () => {
      const dir = path.join(this.storageDir, 'ledger');
      const ledger = await Ledger.open(dir, { onWarning: (m) => this.warn(m) });
      const t0 = Date.now();
      this.tail = new LedgerTail(dir, nodeLedgerFs);
      const loaded = await this.tail.read();
      for (const r of loaded.records) this.model.add(r);
      this.logger.info(`ledger: ${loaded.records.length} records in ${Date.now() - t0} ms from ${dir}` +
        (loaded.skipped ? `, ${loaded.skipped} unreadable lines skipped (${loaded.damaged} damaged records)` : ''));
      this.noteDamaged(this.tail);
      this.noteUnreadable(ledger);
      await this.recoverInterrupted(ledger);
      this.opened = ledger;
      if (!this.isDisposed) this.register(watchLedgerDir(dir, () => void this.refresh()));
      this.changed.fire();
      return ledger;
    })();
    return this.ledger;
  }

  private tail: LedgerTail | undefined;
  /** How many answers a closed window left unfinished were recorded at this start (the status bar says so). */
  interruptedRecorded = 0;
  private readonly inflight: InflightJournal;

  /** The record to keep if this window dies before the answer's own record (a reload mid-answer). */
  pending(r: LedgerRecord): void {
    try { this.inflight.keep(r); } catch (err) { this.logger.warn(`ledger: cannot keep request ${r.id} in flight (${err instanceof Error ? err.message : String(err)})`); }
  }

  /** Answers a closed window left unfinished: billed by the provider, so they join the ledger as estimates. */
  private async recoverInterrupted(ledger: Ledger): Promise<void> {
    const { kept, unwritten } = await recordOrphans(this.inflight, (r) => this.model.add(r), (r) => ledger.append(r));
    this.unwritten.push(...unwritten);
    this.interruptedRecorded = kept.length;
    if (kept.length) this.logger.info(`ledger: ${kept.length} cloud answer(s) a closed window left unfinished recorded as estimates (outcome "interrupted")`);
  }

  /**
   * Loads the ledger if that has not happened yet and folds in what other windows appended since the last look,
   * so a budget decision counts every window's spend, not only this one's.
   */
  async refresh(): Promise<void> {
    await this.load();
    if (!this.tail) return;
    const { records } = await this.tail.read();
    this.noteDamaged(this.tail);
    this.noteUnreadable(this.opened);
    let added = 0;
    for (const r of records) if (this.model.add(r)) added++;
    if (added) this.changed.fire();
  }

  /** Flushes pending appends and closes the file (on deactivate); later records stay in memory. */
  async close(): Promise<void> {
    const ledger = await this.ledger;
    await ledger?.close();
  }

  /** The bundled, dated prices with the user's `hybrid.pricing` on top (rebuilt only when that setting changes). */
  priceTable(): PriceTable {
    const overrides = this.settings().pricing;
    const key = JSON.stringify(overrides);
    if (!this.prices || this.prices.key !== key) this.prices = { key, table: withOverrides(BUNDLED_PRICES, overrides) };
    return this.prices.table;
  }

  private prices: { key: string; table: PriceTable } | undefined;

  /** This user's median answer length for pre-flight estimates (spend/preflight.ts). */
  expectedOutput(route: Route, kind: Exclude<Kind, 'completion'>): { tokens: number; basis: 'history' | 'default' } {
    return this.model.outputs.expected(route, kind);
  }

  async record(input: LedgerRecord): Promise<void> {
    // Every local record carries what it would have cost on the cloud model, whoever made it (Ask, completion),
    // so "saved vs all-cloud" covers them all.
    const r = input.route === 'local' && input.cloudEquivalentUsd === undefined
      ? { ...input, cloudEquivalentUsd: cloudEquivalent(input.tokens, this.settings()['cloud.model'], pricesAt(this.priceTable(), input.time)) ?? null }
      : input;
    const ledger = await this.load();
    // A record the ledger's validation refuses still happened and still cost money: it stays counted (in memory).
    let result: { written: boolean; error?: string };
    try { result = await ledger.append(r); } catch (err) { result = { written: false, error: err instanceof Error ? err.message : String(err) }; }
    if (!result.written) {
      this.logger.warn(`ledger: record ${r.id} kept in memory only (${result.error ?? 'unavailable'})`);
      this.unwritten.push(r);
    }
    this.model.add(r);
    try { this.inflight.settle(r.id); } catch { /* a journal file that cannot go is found again as this window's own */ }
    this.sessionRecords.push(r);
    this.last = r;
    this.logger.info(`request ${r.id}: ${r.origin} → ${r.route} ${r.provider}/${r.model} ${r.status}` +
      ` in ${r.totalMs} ms, ${r.tokens.input}+${r.tokens.output} tokens (${r.tokens.source}), cost ${r.costUsd ?? 'unknown'}`);
    this.warnBudget();
    this.recorded.fire(r);
    this.changed.fire();
  }

  /** The records made in this session, oldest first. */
  records(): readonly LedgerRecord[] {
    return this.sessionRecords;
  }

  /** Every record: the ledger files read afresh, plus any the disk refused this session. */
  private async everything(): Promise<LedgerRecord[]> {
    const ledger = await this.load();
    const { records } = await ledger.load();
    const seen = new Set(records.map((r) => r.id));
    return [...records, ...this.unwritten.filter((r) => !seen.has(r.id))];
  }

  private said = { damaged: 0, altered: 0, invalid: 0, newer: 0, conflicting: 0 };

  /**
   * Acknowledged records that no longer read are a loss, and records changed after they were written may be
   * counted wrong: each said once per session, and kept in the tooltip. The counts are the ledger's as last read
   * (a file read again after it shrank is not counted twice).
   */
  private noteDamaged(tail: LedgerTail): void {
    const now = { damaged: tail.damagedNow, altered: tail.alteredNow, invalid: tail.invalidNow, newer: tail.newerNow, conflicting: this.model.conflicting };
    const was = this.said;
    if ((Object.keys(now) as (keyof typeof now)[]).every((k) => now[k] === was[k])) return;
    const first = (Object.keys(now) as (keyof typeof now)[]).some((k) => now[k] > 0 && was[k] === 0);
    this.said = now;
    if (!Object.values(now).some((n) => n > 0)) return;
    this.logger.warn(`ledger: ${now.damaged} damaged, ${now.altered} altered, ${now.invalid} impossible, ${now.newer} newer and ${now.conflicting} conflicting replayed record line(s) in ${path.join(this.storageDir, 'ledger')}`);
    if (first) this.warn(unreadableLinesNotice(now)!);
  }

  /** Month files that would not read, each said once per session (its spend is missing from the totals). */
  private readonly saidUnreadable = new Set<string>();

  private noteUnreadable(ledger: Ledger | undefined): void {
    for (const name of this.tail?.unreadableNow ?? []) {
      if (this.saidUnreadable.has(name) || ledger?.named(name)) continue;
      this.saidUnreadable.add(name);
      const notice = unreadableFileNotice(path.join(this.storageDir, 'ledger'), name, this.tail!.unreadableCode(name) ?? 'unreadable');
      this.logger.warn(`ledger: ${notice}`);
      this.warn(notice);
    }
  }

  /** Why records are not reaching the disk, or records on it no longer read, if so. */
  get ledgerProblem(): string | undefined {
    const file = this.tail?.unreadableNow[0];
    const writing = this.opened?.problem;
    if (writing) return `${describe(writing)} — this session is kept in memory only`;
    return (file ? unreadableFileNotice(path.join(this.storageDir, 'ledger'), file, this.tail!.unreadableCode(file) ?? 'unreadable') : undefined) ??
      unreadableLinesNotice(this.said);
  }

  budget(): BudgetState {
    return budgetState(this.model.quick(new Date()), this.settings());
  }

  quick() {
    return this.model.quick(new Date());
  }

  onDidChange(listener: () => void): vscode.Disposable {
    return this.changed.event(listener);
  }

  snapshot(): SpendSnapshotJson {
    const s = this.settings();
    const now = new Date();
    const snap = this.model.snapshot(now);
    return {
      ...snap,
      tco: computeTco(snap.month, {
        hardwareUsd: s['local.hardwareUsd'], amortizationMonths: s['local.amortizationMonths'], watts: s['local.watts'],
        usdPerKwh: s['local.usdPerKwh'], costPerHour: s['local.costPerHour'],
        hoursOnPerDay: s['local.hoursOnPerDay'], idleWatts: s['local.idleWatts'],
      }, now, s['cloud.model']),
      budget: this.budget(),
      priceTableDate: BUNDLED_PRICES.pricesChecked,
      cloudModel: s['cloud.model'],
    } as SpendSnapshotJson;
  }

  async exportJson(): Promise<string> {
    return ledgerJson(await this.everything(), this.priceTable());
  }

  async exportCsv(): Promise<string> {
    return ledgerCsv(await this.everything(), this.priceTable());
  }

  private warnBudget(): void {
    const warned = new Set(this.state.get<string[]>(WARNED_KEY, []));
    const due = budgetWarnings(this.budget(), localDayKey(new Date()), warned);
    if (!due.length) return;
    for (const w of due) warned.add(w.key);
    void this.state.update(WARNED_KEY, [...warned].slice(-50));
    for (const w of due) {
      const show = w.threshold === 100 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
      void show(`Hybrid: ${w.message}`, 'Show Spend', 'Budget Settings').then((pick) => {
        if (pick === 'Show Spend') void vscode.commands.executeCommand('hybrid.showSpend');
        if (pick === 'Budget Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'hybrid.budget');
      });
    }
  }
}
