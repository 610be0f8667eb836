// spend8 audit, part 4: a second batch written after the first batch's fixes, aimed at the mechanisms they changed
// (inference geography, cached image tokens, a zero prompt side, the cached count's bound, credentials kept off the
// ledger, the sliced read of a month file). First-run result in docs/spend.md ("Eighth audit").
// Prices typed from /work/shared/data/prices-reference.json ($/Mtok):
//   claude-opus-4-6 in 5, out 25      claude-sonnet-4-6 in 3, write 5m 3.75, out 15      gpt-5 in 1.25, cached 0.125, out 10
//   gpt-realtime in 4, cached 0.4, image in 5, cached image 0.5, out 16
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { get_encoding } from 'tiktoken';
import type { HybridSettings } from '../../../src/core/settings';
import { BUNDLED_PRICES, Ledger, LedgerTail, cacheSavingsUsd, costNote, requestCost, usageFromProvider } from '../../../src/core/spend';
import { nodeLedgerFs } from '../../../src/core/spend/ledgerFs';
import { serializeRecord } from '../../../src/core/spend/ledgerRecord';
import { createTokenCounter } from '../../../src/core/tokens';
import { AskRig, sentText } from './fixtures/askRig';
import { near } from './fixtures/dayBook';
import { DEC, bill, sum, withDir } from './fixtures/ledgerDay';

const price = (provider: 'anthropic' | 'openai', model: string, raw: object) => requestCost({ route: 'cloud', model, usage: usageFromProvider(provider, raw), totalMs: 1, costPerHour: 0, cloudModel: model }).costUsd;
const realtime = { input_tokens: 2000, output_tokens: 100, total_tokens: 2100,
  input_token_details: { text_tokens: 1000, image_tokens: 1000, audio_tokens: 0, cached_tokens: 600, cached_tokens_details: { text_tokens: 200, image_tokens: 400 } },
  output_token_details: { text_tokens: 100, audio_tokens: 0 } };

suite('spend8 / second batch, after the fixes', function () {
  this.timeout(60_000);

  test('V1 inference_geo "US" (upper case) on Opus 4.6: unknown like "us", not 1000×5 + 100×25 = 7500 µ$', () => {
    assert.equal(price('anthropic', 'claude-opus-4-6', { input_tokens: 1000, output_tokens: 100, inference_geo: 'US' }), null);
  });

  test('V2 an inference geography the table has never heard of ("eu"): unknown, and the export\'s note names the geography', () => {
    const usage = usageFromProvider('anthropic', { input_tokens: 1000, output_tokens: 100, inference_geo: 'eu' });
    assert.equal(requestCost({ route: 'cloud', model: 'claude-sonnet-4-6', usage, totalMs: 1, costPerHour: 0, cloudModel: 'claude-sonnet-4-6' }).costUsd, null);
    assert.match(costNote(bill('geo', 1, { costUsd: null, tokens: usage })), /inference geography eu/);
  });

  test('V3 what the cache saved on gpt-realtime with cached images: uncached 1000×4 + 1000×5 + 100×16 = 10600 µ$, billed 8080 µ$, saved 2520 µ$', () => {
    const usage = usageFromProvider('openai', realtime);
    near(cacheSavingsUsd('gpt-realtime', usage, BUNDLED_PRICES), 2520, 'V3');
  });

  test('V4 gpt-5 in the Responses shape with a cached count (1000) above input_tokens (800): 800×0.125 + 100×10 = 100 + 1000 = 1100 µ$', () => {
    near(price('openai', 'gpt-5', { input_tokens: 800, input_tokens_details: { cached_tokens: 1000 }, output_tokens: 100, total_tokens: 900 }), 1100, 'V4');
  });

  test('V5 cached image tokens reported above the cached count (900 of 600): only the 600 cached are billed at the image cache price — 1000×4 + 400×5 + 600×0.5 + 100×16 = 4000 + 2000 + 300 + 1600 = 7900 µ$', () => {
    const raw = { ...realtime, input_token_details: { ...realtime.input_token_details, cached_tokens_details: { text_tokens: 0, image_tokens: 900 } } };
    near(price('openai', 'gpt-realtime', raw), 7900, 'V5');
  });

  test('V11 Stop on a private team-gateway group (route local, $0 of ours, no usage came): the export says the gateway may bill the part streamed; a finished one with the gateway\'s figure, and a stopped cloud gateway estimate, say otherwise', () => {
    const stopped = bill('gw-stop', 1, { route: 'local', provider: 'litellm-private', model: 'team-qwen', costUsd: 0, status: 'cancelled', outcome: 'cancelled' });
    assert.match(costNote(stopped), /team gateway: it may bill the part streamed/);
    assert.equal(costNote({ ...stopped, status: 'ok', outcome: 'stop', costUsd: 0.0004, tableCostUsd: null }), '');
    const cloudStop = bill('gw-cloud', 2, { provider: 'litellm', model: 'claude-opus-4-5-20251101', status: 'cancelled', tokens: { input: 900, output: 5, cacheRead: 0, cacheWrite: 0, source: 'estimate' } });
    assert.doesNotMatch(costNote(cloudStop), /may bill/);
    assert.match(costNote(cloudStop), /estimate/);
  });

  test('V6 a proxy echoing a key as the served model, through the ledger: unknown price, the key never on disk, the record counted', () => withDir('spend8-after-', async (dir) => {
    const key = `sk-ant-api03-${randomBytes(70).toString('base64url').slice(0, 93)}AA`;
    const w = await Ledger.open(dir);
    assert.equal((await w.append(bill('echo', 1, { model: `${key}-2025-04-14`, costUsd: null }))).written, true);
    await w.close();
    assert.ok(!fs.readFileSync(path.join(dir, DEC), 'utf8').includes(key.slice(14, 50)));
    const l = await (await Ledger.open(dir)).load();
    assert.equal(l.records.length, 1);
    assert.equal(l.records[0]!.costUsd, null);
  }));

  test('V7 3000 records glued on one 3 MB line (line breaks stripped), longer than a read slice: all 3000 × 1000 µ$ counted by the export and the panel', () => withDir('spend8-after-', async (dir) => {
    const line = Array.from({ length: 3000 }, (_, i) => serializeRecord(bill(`g-${i}`, i % 3600, { reasons: ['r'.repeat(230), 'q'.repeat(230), 's'.repeat(230)] })).trimEnd()).join('');
    assert.ok(line.length > 2 << 20);
    fs.writeFileSync(path.join(dir, DEC), line + '\n' + serializeRecord(bill('after', 5)));
    const l = await (await Ledger.open(dir)).load();
    near(sum(l.records), 3_001_000, 'export');
    const t = await new LedgerTail(dir, nodeLedgerFs).read();
    near(sum(t.records), 3_001_000, 'panel');
  }));

  test('V8 a month file saved by an editor with a BOM and CRLF line ends, 600 records over several read slices: 600 × 1000 µ$ in both views', () => withDir('spend8-after-', async (dir) => {
    const text = '\ufeff' + Array.from({ length: 600 }, (_, i) => serializeRecord(bill(`c-${i}`, i, { reasons: ['x'.repeat(230), 'y'.repeat(230), 'z'.repeat(230)] })).replace('\n', '\r\n')).join('');
    assert.ok(Buffer.byteLength(text) > 512 << 10);
    fs.writeFileSync(path.join(dir, DEC), text);
    const l = await (await Ledger.open(dir)).load();
    near(sum(l.records), 600_000, 'export');
    const t = await new LedgerTail(dir, nodeLedgerFs).read();
    near(sum(t.records), 600_000, 'panel');
  }));
});

suite('spend8 / second batch, through the Ask pipeline', function () {
  this.timeout(30_000);
  const rig = new AskRig('The map call returns a new array of the same length.', new Date(2026, 11, 7, 11).getTime());
  suiteSetup(() => rig.open());
  suiteTeardown(() => rig.close());
  const an = (model: string): Partial<HybridSettings> => ({ 'cloud.provider': 'anthropic', 'cloud.model': model, 'fallback.cloudToLocal': false });

  test('V9 a proxy\'s message_start says input 0 but names a 2000-token 5 m write in its split; message_delta gives input 500: 500×3 + 2000×3.75 + 11×15 = 1500 + 7500 + 165 = 9165 µ$, provider-counted', async () => {
    const r = (await rig.runOne(an('claude-sonnet-4-6'), { anthropic: { usage: { input: 0, cacheRead: 0, cacheWrite: 0 },
      extraUsage: { cache_creation: { ephemeral_5m_input_tokens: 2000, ephemeral_1h_input_tokens: 0 } }, deltaExtraUsage: { input_tokens: 500 } } })).record;
    near(r.costUsd, 9165, 'V9');
    assert.equal(r.tokens.source, 'provider');
  });

  test('V10 a gateway group "team-mini" answered by gpt-5-mini with no usage, on code nobody here wrote (the OpenAI SDK\'s api-promise.ts): counted with the served model\'s o200k, o200k(sent)×0.25 + o200k(answer)×2 µ$, labelled', async () => {
    const root = path.join(__dirname, '..', '..', '..');
    const code = fs.readFileSync(path.join(root, 'node_modules', 'openai', 'src', 'core', 'api-promise.ts'), 'utf8');
    const counter = createTokenCounter({ assetsDir: path.join(root, 'node_modules', 'tiktoken', 'encoders') });
    const o200k = get_encoding('o200k_base');
    try {
      // As the VS Code adapter counts (askService.ts): the model it is given, else hybrid.cloud.model.
      const run = await rig.run({ settings: { 'cloud.provider': 'openai', 'cloud.model': 'team-mini', 'fallback.cloudToLocal': false },
        input: { context: [{ source: 'file', path: 'api-promise.ts', text: code }] },
        countTokens: (text: string, model?: string) => counter.count(text, model ?? 'team-mini'), openai: { servedModel: 'gpt-5-mini-2025-08-07', noUsage: true } });
      const r = run.records[0]!;
      const sent = sentText(rig.openai.seen.at(-1)!.json);
      near(r.costUsd, o200k.encode(sent).length * 0.25 + o200k.encode(run.streamed).length * 2, 'V10');
      assert.equal(r.tokens.source, 'estimate');
    } finally { counter.dispose(); o200k.free(); }
  });
});
