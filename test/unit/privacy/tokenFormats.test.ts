// Vendor token formats (detectors/tokenFormats.ts + the hand-written rules): each gets a generated true positive and a
// near miss at test time, and the whole value is covered. Plus the limits: decoding is bounded (a hostile blob
// fails closed, quickly) and a key cut by trimming at any position leaves nothing readable behind.
import * as assert from 'node:assert/strict';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { redact, scanSensitive } from '../../../src/core/privacy/scan';
import { SECRET_RULES } from '../../../src/core/privacy/detectors';
import { CLASS_SOURCE, TOKEN_FORMATS, type CharClass, type TokenFormat } from '../../../src/core/privacy/detectors/tokenFormats';
import { EgressGate } from '../../../src/core/egress/gate';
import { Rng } from '../../fixtures/privacy/corpus';

const CHARS: Record<CharClass, string> = Object.fromEntries(Object.entries(CLASS_SOURCE).map(([k, src]) => {
  let s = '';
  for (const part of src.match(/.-.|./g)!) {
    if (part.length === 3) for (let c = part.charCodeAt(0); c <= part.charCodeAt(2); c++) s += String.fromCharCode(c);
    else s += part;
  }
  return [k, s];
})) as Record<CharClass, string>;

/** A random value in the format; `short` makes the longest variable segment too short by half (a near miss). */
function sample(f: TokenFormat, rng: Rng, short = false): string {
  const longest = f.segments.reduce((best, s, i) => (typeof s !== 'string' && (best < 0 || (s[1] > (f.segments[best] as [CharClass, number])[1])) ? i : best), -1);
  return f.segments.map((s, i) => {
    if (typeof s === 'string') return s;
    const [cls, min, max] = s;
    let n = max === undefined ? min : rng.int(min, max);
    if (short && i === longest) n = Math.max(1, Math.floor(min / 2));
    const chars = CHARS[cls];
    // Draw until the value is not a placeholder-looking run (all one char).
    let v = rng.str(chars, n);
    while (n > 3 && /^(.)\1+$/.test(v)) v = rng.str(chars, n);
    return v;
  }).join('');
}

suite('privacy: vendor token formats', () => {
  const rng = new Rng(120);

  test('≥ 120 distinct token formats / rules', () => {
    const kinds = new Set(SECRET_RULES.map((r) => r.kind));
    console.log(`      secret rule kinds: ${kinds.size} (${TOKEN_FORMATS.length} from vendor prefix formats)`);
    assert.ok(kinds.size >= 120, `${kinds.size}`);
  });

  test('every format: a generated value is found and wholly redacted; a truncated near miss is not that format', () => {
    const missed: string[] = [];
    const nearHits: string[] = [];
    for (const f of TOKEN_FORMATS) {
      for (const wrap of [(v: string) => `value: ${v}\n`, (v: string) => `x = "${v}";`, (v: string) => `${v}`]) {
        const v = sample(f, rng);
        const text = wrap(v);
        const found = scanSensitive(text);
        const out = redact(text, found);
        if (!found.some((x) => x.kind === f.kind) || out.includes(v.slice(-8)) || out.includes(v.slice(f.segments[0].length, f.segments[0].length + 8))) missed.push(`${f.kind}: ${text}`);
      }
      const near = `build note ${sample(f, rng, true)} done`;
      if (scanSensitive(near).some((x) => x.kind === f.kind)) nearHits.push(`${f.kind}: ${near}`);
    }
    console.log(`      vendor formats: ${TOKEN_FORMATS.length * 3 - missed.length}/${TOKEN_FORMATS.length * 3} positives found, ${nearHits.length}/${TOKEN_FORMATS.length} near misses flagged as the format`);
    assert.deepEqual(missed, []);
    assert.deepEqual(nearHits, []);
  });
});

suite('privacy: scan limits', () => {
  test('a hostile 10 MB blob is unscannable and fails closed quickly', () => {
    const blob = Buffer.alloc(10 * 1024 * 1024, 'QUJD').toString();
    const t0 = Date.now();
    const f = scanSensitive(blob);
    assert.equal(f[0]?.kind, 'unscannable');
    assert.ok(Date.now() - t0 < 500, `${Date.now() - t0} ms`);
  });

  test('3 MB of base64 text exceeds the decode budget: unscannable, not slow', () => {
    const line = Buffer.from('plain words '.repeat(200)).toString('base64');
    const blob = Array.from({ length: Math.ceil((3 * 1024 * 1024) / line.length) }, () => line).join('\n');
    const t0 = Date.now();
    const f = scanSensitive(blob);
    assert.deepEqual(f.map((x) => x.kind), ['unscannable']);
    assert.match(f[0].label ?? '', /encoded/);
    assert.ok(Date.now() - t0 < 3000, `${Date.now() - t0} ms`);
  });

  test('a key trimmed at every cut position leaves no 8-char piece of its body on the wire', () => {
    const rng = new Rng(7);
    const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const priv = Array.from({ length: 3 }, () => rng.str(B64, 64));
    const pub = Array.from({ length: 2 }, () => rng.str(B64, 64));
    const putty = ['PuTTY-User-Key-File-3: ssh-rsa', 'Encryption: none', 'Comment: k', 'Public-Lines: 2', ...pub, 'Private-Lines: 3', ...priv, `Private-MAC: ${rng.str('0123456789abcdef', 64)}`].join('\n');
    const pem = ['-----BEGIN OPENSSH PRIVATE KEY-----', ...priv, '-----END OPENSSH PRIVATE KEY-----'].join('\n');
    const gate = new EgressGate({ mode: 'redact', markers: [], pathPolicy: createPathPolicy({ privateGlobs: [] }) });
    const bad: string[] = [];
    for (const [name, key] of [['putty', putty], ['pem', pem]] as const) {
      for (let cut = 1; cut <= key.length; cut++) {
        for (const piece of [key.slice(0, cut), key.slice(key.length - cut)]) {
          const r = gate.prepare({ model: 'm', system: 's', maxTokens: 10, messages: [{ role: 'user', content: `\`\`\` id.key\n${piece}\n\`\`\`\n\nwhat is this?` }] }, []);
          if (!r.ok) continue;
          const out = r.body.messages[0].content;
          for (const line of priv) {
            for (let i = 0; i + 8 <= line.length; i += 4) {
              if (piece.includes(line.slice(i, i + 8)) && out.includes(line.slice(i, i + 8))) { bad.push(`${name} cut ${cut}`); break; }
            }
          }
        }
      }
    }
    assert.deepEqual([...new Set(bad)].slice(0, 10), []);
  });
});
