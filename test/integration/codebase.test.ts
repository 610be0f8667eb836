// Issue #15 in the real extension host: an architecture question about a multi-file workspace reaches the cloud
// fake with the repo map and the relevant definitions from other files — and never any content of a private file
// (deny-listed path, or a proprietary marker).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AllFakes } from '../fakes';
import type { HybridApi } from '../../src/extension';
import type { ChatViewProvider } from '../../src/vscode/chat/ChatViewProvider';
import { openWithFakes, type FakeWorkbench } from './fakeWorkbench';
import { activateExtension, waitFor, withSettings, workspaceRoot } from './helpers';

const rand = () => Math.random().toString(36).slice(2, 10);
// Canary names generated at run time: if any reaches the fake, private content leaked.
const deniedCanary = `billingVaultSecret_${rand()}`;
const markerCanary = `chargebackLedgerInternal_${rand()}`;
const outsideCanary = `outsideBillingKeys_${rand()}`;

const FILES: Record<string, string> = {
  'svc/billing/invoice.go': 'package billing\n\n// Invoice is what a customer owes for one order.\ntype Invoice struct {\n\tID string\n\tAmountCent int64\n\tPaid bool\n}\n\n// IssueInvoice creates the invoice for an order.\nfunc IssueInvoice(orderID string, amountCent int64) Invoice {\n\treturn Invoice{ID: "inv-" + orderID, AmountCent: amountCent}\n}\n',
  'svc/billing/charge.go': 'package billing\n\n// ChargeInvoice charges the customer and marks the invoice paid.\nfunc ChargeInvoice(inv Invoice, customerID string) Invoice {\n\tinv.Paid = true\n\treturn inv\n}\n',
  'svc/orders/service.py': 'from billing_client import IssueInvoice, ChargeInvoice\n\n\nclass OrderService:\n    def place_order(self, order_id, amount):\n        invoice = IssueInvoice(order_id, amount)\n        return ChargeInvoice(invoice, "c-1")\n',
  'svc/secrets/billing_vault.ts': `// deny-listed path (secrets/)\nexport function ${deniedCanary}(invoice: string): string {\n  return 'billing ' + invoice;\n}\n`,
  'svc/billing/ledger.go': `// CONFIDENTIAL — billing internals\npackage billing\n\nfunc ${markerCanary}(inv Invoice) Invoice {\n\treturn IssueInvoice("x", inv.AmountCent)\n}\n`,
};

suite('codebase context (repo map) against the cloud fake', function () {
  this.timeout(120_000);
  let fakes: AllFakes;
  let bench: FakeWorkbench;
  let outside: string;

  suiteSetup(async () => {
    const root = workspaceRoot();
    for (const [rel, text] of Object.entries(FILES)) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, rel), Buffer.from(text));
    // Issue #21 item 5: links are judged by where they lead — into the deny-listed folder, and out of the workspace.
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-outside-'));
    fs.writeFileSync(path.join(outside, 'billing_keys.ts'), `export function ${outsideCanary}(invoice: string) { return invoice; }\n`);
    fs.symlinkSync(path.join(root.fsPath, 'svc/secrets/billing_vault.ts'), path.join(root.fsPath, 'svc/billing/vault_link.ts'));
    fs.symlinkSync(outside, path.join(root.fsPath, 'svc/billing/linked'));
    bench = await openWithFakes({ settings: { 'local.chatModel': undefined, 'context.codebase': 'auto' } });
    fakes = bench.fakes;
  });

  suiteTeardown(async () => {
    await bench?.close();
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), 'svc'), { recursive: true });
    if (outside) fs.rmSync(outside, { recursive: true, force: true });
  });

  const cloudCalls = () => fakes.anthropic!.fake.requests.filter((r) => r.path.endsWith('/v1/messages'));

  test('an architecture question gets the map and definitions from other files, and nothing private', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), 'svc/orders/service.py'));
    await vscode.window.showTextDocument(doc);
    fakes.anthropic!.fake.reset();
    await vscode.commands.executeCommand('hybrid.askCloud', 'How should we split the billing module out of this service into its own package?');
    const sent = await waitFor(() => (cloudCalls().length ? cloudCalls() : undefined), 60_000, 'the cloud request');
    assert.equal(sent.length, 1);
    const body = JSON.stringify(sent[0].body);
    assert.match(body, /repo map/);
    assert.match(body, /svc\/billing\/charge\.go/, 'the map lists the billing files');
    assert.match(body, /func ChargeInvoice\(inv Invoice, customerID string\) Invoice/, 'a definition from another file');
    assert.match(body, /func IssueInvoice\(orderID string, amountCent int64\) Invoice/, 'a definition from another file');
    assert.ok(!body.includes(deniedCanary), 'a deny-listed file reached the cloud');
    assert.ok(!body.includes('billing_vault'), 'a deny-listed path reached the cloud');
    assert.ok(!body.includes(markerCanary), 'a file with a proprietary marker reached the cloud');
    assert.ok(!body.includes('ledger.go'), 'a marked file was listed in the map');
    assert.ok(!body.includes(outsideCanary) && !body.includes('billing/linked'), 'a link out of the workspace reached the cloud');
    assert.ok(!body.includes('vault_link'), 'a link into a deny-listed folder was listed in the map');
  });

  test('hybrid.context.codebase = off attaches only the editor context', async () => {
    const undo = await withSettings({ 'context.codebase': 'off' });
    try {
      fakes.anthropic!.fake.reset();
      await vscode.commands.executeCommand('hybrid.askCloud', 'How should we split the billing module out of this service into its own package?');
      const sent = await waitFor(() => (cloudCalls().length ? cloudCalls() : undefined), 60_000, 'the cloud request');
      const body = JSON.stringify(sent[0].body);
      assert.doesNotMatch(body, /repo map/);
      assert.doesNotMatch(body, /func ChargeInvoice/);
    } finally {
      await undo();
    }
  });

  test('"Ask again without …" from the chat re-asks without the removed file and says so', async () => {
    const { api } = await activateExtension<HybridApi & { chatView?: ChatViewProvider }>();
    const view = api.chatView!;
    await view.newChat();
    // The entry point every webview message takes (after the isFromChat guard).
    const deliver = (m: unknown) => (view as unknown as { onMessage(m: unknown): void }).onMessage(m);
    fakes.anthropic!.fake.reset();
    deliver({ type: 'ask', question: 'How should we split the billing module out of this service into its own package?', mode: 'cloud' });
    await waitFor(() => view.turns.length === 1 && view.turns[0].status !== 'streaming', 60_000, 'the first answer');
    const first = view.turns[0];
    assert.equal(first.status, 'ok', JSON.stringify(first.error));
    assert.ok(first.route!.context.some((c) => c.path === 'svc/billing/charge.go'), 'charge.go was attached');
    assert.match(first.route!.reasons.join(' '), /attached a repo map of \d+ files/);

    deliver({ type: 'askWithout', turnId: first.id, paths: ['svc/billing/charge.go'] });
    await waitFor(() => view.turns.length === 2 && view.turns[1].status !== 'streaming', 60_000, 'the second answer');
    const second = view.turns[1];
    assert.equal(second.status, 'ok', JSON.stringify(second.error));
    assert.ok(!second.route!.context.some((c) => c.path === 'svc/billing/charge.go'));
    assert.match(second.route!.reasons.join(' '), /left out at your request: svc\/billing\/charge\.go/);
    const calls = cloudCalls();
    assert.equal(calls.length, 2);
    const body = JSON.stringify(calls[1].body);
    assert.doesNotMatch(body, /func ChargeInvoice\(/);
    assert.doesNotMatch(body, /svc\/billing\/charge\.go/);
  });

  test('remove before sending: Explain Route previews the attachments, × asks without one', async () => {
    const { api } = await activateExtension<HybridApi & { chatView?: ChatViewProvider }>();
    const view = api.chatView!;
    await view.newChat();
    const deliver = (m: unknown) => (view as unknown as { onMessage(m: unknown): void }).onMessage(m);
    fakes.anthropic!.fake.reset();
    await vscode.commands.executeCommand('hybrid.explainRoute', 'How should we split the billing module out of this service into its own package?');
    const preview = await waitFor(() => view.turns.find((t) => t.mode === 'explain' && t.status !== 'streaming'), 60_000, 'the preview');
    assert.equal(cloudCalls().length, 0, 'a preview sends nothing');
    assert.ok(preview.route!.context.some((c) => c.path === 'svc/billing/invoice.go'), 'the preview lists invoice.go');
    assert.match(preview.route!.reasons.join('\n'), /^why svc\/billing\/\w+\.go: /m, 'the preview says why each file was attached');
    assert.doesNotMatch(preview.route!.reasons.join('\n'), /secrets\/|vault|billing\/linked|ledger/);

    deliver({ type: 'askWithout', turnId: preview.id, paths: ['svc/billing/invoice.go'] });
    const asked = await waitFor(() => view.turns.find((t) => t.mode === 'auto' && t.status !== 'streaming'), 60_000, 'the answer');
    assert.equal(asked.status, 'ok', JSON.stringify(asked.error));
    const calls = cloudCalls();
    assert.equal(calls.length, 1, 'the architecture question went to the cloud once');
    const body = JSON.stringify(calls[0].body);
    assert.doesNotMatch(body, /svc\/billing\/invoice\.go|func IssueInvoice\(orderID/);
    assert.match(body, /repo map/);
  });
});
