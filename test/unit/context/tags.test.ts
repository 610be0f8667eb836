import * as assert from 'node:assert/strict';
import { TREE_SITTER_WASM_DIR } from '../../../bench/diskWorkspace';
import { createTagParser, languageFor } from '../../../src/core/context';

const parser = createTagParser(TREE_SITTER_WASM_DIR);

async function names(path: string, text: string): Promise<{ defs: string[]; refs: string[] }> {
  const t = await parser.tags(path, text);
  assert.ok(t, `no tags for ${path}`);
  return { defs: t.defs.map((d) => `${d.kind} ${d.parent ? `${d.parent}.` : ''}${d.name}@${d.startLine}`), refs: Object.keys(t.refs).sort() };
}

suite('context: tree-sitter tags', function () {
  this.timeout(30_000);

  test('TypeScript: classes, interfaces, methods, exported arrow functions; uses of other names', async () => {
    const r = await names('a.ts', 'export interface Store { save(x: Invoice): void }\nexport class Billing {\n  charge(s: Store) { return issueInvoice(s); }\n}\nexport const helper = () => Billing;\nconst limit = 3;\n');
    assert.deepEqual(r.defs, ['interface Store@1', 'method Store.save@1', 'class Billing@2', 'method Billing.charge@3', 'const helper@5']);
    assert.ok(r.refs.includes('Invoice') && r.refs.includes('issueInvoice') && r.refs.includes('Store'));
  });

  test('Python, Go, Java, C#, Rust each yield their definitions', async () => {
    assert.deepEqual((await names('a.py', 'class Repo:\n    def find(self, oid):\n        return load(oid)\n')).defs, ['class Repo@1', 'def Repo.find@2']);
    assert.deepEqual((await names('a.go', 'package b\ntype Invoice struct{}\nfunc (i *Invoice) Pay() error { return charge(i) }\n')).defs, ['type Invoice@2', 'func Pay@3']);
    assert.deepEqual((await names('A.java', 'class Stock {\n  int count(String sku) { return 0; }\n}\n')).defs, ['class Stock@1', 'method Stock.count@2']);
    assert.deepEqual((await names('A.cs', 'namespace N {\n public class Mailer {\n  public void Send() {}\n }\n}\n')).defs, ['class Mailer@2', 'method Mailer.Send@3']);
    assert.deepEqual((await names('a.rs', 'pub struct Index;\npub trait Search { fn find(&self); }\nfn tokenize() {}\n')).defs, ['struct Index@1', 'trait Search@2', 'fn Search.find@2', 'fn tokenize@3']);
  });

  test('unknown languages and .d.ts files are not parsed', async () => {
    assert.equal(languageFor('notes.md'), undefined);
    assert.equal(languageFor('types/vscode.d.ts'), undefined);
    assert.equal(await parser.tags('notes.md', '# hi'), undefined);
  });

  test('an environment variable read by name is kept for ranking; other upper-case strings in a function are not', async () => {
    // oauthlib's utils.py reads OAUTHLIB_INSECURE_TRANSPORT inside a function: "allow plain HTTP" never met "insecure".
    const py = await parser.tags('u.py', 'import os\ndef is_secure(uri):\n    if os.environ.get("OAUTHLIB_INSECURE_TRANSPORT"):\n        return True\n    raise Error("UND_ERR_SOCKET")\n');
    assert.match(py!.strings ?? '', /OAUTHLIB_INSECURE_TRANSPORT/);
    assert.doesNotMatch(py!.strings ?? '', /UND_ERR_SOCKET/, 'an error code is not a setting');
    const go = await parser.tags('m.go', 'package m\nimport "os"\nfunc mode() string { return os.Getenv("GIN_MODE") }\n');
    assert.match(go!.strings ?? '', /GIN_MODE/);
    const js = await parser.tags('c.js', 'function t() { return process.env["NODE_TLS_REJECT_UNAUTHORIZED"] === "0"; }');
    assert.match(js!.strings ?? '', /NODE_TLS_REJECT_UNAUTHORIZED/);
  });

  test('identifiers named like Object members are counted as names', async () => {
    const r = await parser.tags('a.js', 'function f(o) { return o.toString() + o.hasOwnProperty("x") + __proto__; }');
    assert.equal(r!.refs.toString, 1);
    assert.equal(r!.refs.__proto__, 1);
  });
});
