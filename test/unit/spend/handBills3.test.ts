// An independent audit: 48 bills priced by hand from the dated price reference (fixtures/hand-bills-3.json, each
// with its formula in tokens × $/MTok), run from the raw provider usage object through the providers' own
// conversion (usageFromProvider) and the ledger's pricing seam (requestCost). An unknown model must stay unknown.
import * as assert from 'node:assert/strict';
import { costOfProviderUsage, requestCost, usageFromProvider } from '../../../src/core/spend';
import type { UsageProvider } from '../../../src/core/spend';
import bills from './fixtures/hand-bills-3.json';

interface HandBill { name: string; provider: UsageProvider; model: string; usage: unknown; formula: string; usd: string }

const cases = (bills as { cases: HandBill[] }).cases;

suite('spend / hand-priced bills, third audit', () => {
  test('the fixture holds at least 40 bills of both providers', () => {
    assert.ok(cases.length >= 40);
    assert.ok(cases.some((c) => c.provider === 'anthropic') && cases.some((c) => c.provider === 'openai'));
  });

  for (const c of cases) {
    test(`${c.name}: ${c.formula} = ${c.usd}`, () => {
      const direct = costOfProviderUsage(c.provider, c.model, c.usage).costUsd;
      const usage = usageFromProvider(c.provider, c.usage);
      const ledger = requestCost({ route: 'cloud', model: c.model, usage, totalMs: 900, costPerHour: 0, cloudModel: c.model }).costUsd;
      if (c.usd === 'unknown') {
        assert.equal(direct, undefined, 'an unknown model has no price (never $0)');
        assert.equal(ledger, null, 'the ledger records "unknown", not $0');
        return;
      }
      const expected = Number(c.usd);
      for (const [what, got] of [['costOfProviderUsage', direct], ['requestCost', ledger]] as const) {
        assert.ok(typeof got === 'number', `${what}: price is ${got}`);
        assert.ok(Math.abs(got - expected) < 1e-9, `${what}: ${got} ≠ ${expected}`);
      }
    });
  }
});
