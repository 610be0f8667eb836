// How question words meet code words (issue #23's classes): compound identifiers, one stemmer on both sides,
// weak verbs, abbreviations and acronyms, run-together names split by the workspace's vocabulary, the package's own
// name in every path, hubs, and settings modules found by their keys.
import * as assert from 'node:assert/strict';
import { TREE_SITTER_WASM_DIR } from '../../../bench/diskWorkspace';
import { createTagParser, rankRepo, RepoIndex } from '../../../src/core/context';
import { DEFAULT_FUSION } from '../../../src/core/context/rank';
import { codeTerms, compoundSplitter, identifierWords, joinedTerms, questionTerms, stem } from '../../../src/core/context/terms';

function def(name: string, kind = 'function') {
  return { name, kind, startLine: 1, endLine: 2, signature: `${kind} ${name}()` };
}

suite('context: words as code writes them', () => {
  test('identifiers split by camel, snake and kebab case', () => {
    assert.deepEqual(identifierWords('parseHTTPRequest_body-size'), ['parse', 'http', 'request', 'body', 'size']);
    // A word after a version number is a word (Ajv's ucs2length.ts was not found for "the length of a string").
    assert.deepEqual(identifierWords('ucs2length h2stream utf8 h2c base64'), ['ucs2', 'length', 'h2', 'stream', 'utf8', 'h2c', 'base64']);
  });

  test('a plural acronym is its singular word: URLs, IDs, URIs', () => {
    assert.deepEqual(identifierWords('How are URLs turned into links?'), ['how', 'are', 'url', 'turned', 'into', 'links']);
    assert.deepEqual(identifierWords('allowedURLsFor parseIDs'), ['allowed', 'url', 'for', 'parse', 'id']);
    assert.equal(stem(identifierWords('URIs')[0]), stem('uri'), '`uris` ends in -is, which the stemmer keeps (analysis, basis)');
    assert.equal(stem('urls'), stem('url'));
  });

  test('one stemmer: inflections, -er, -ation/-ate and British spellings meet', () => {
    for (const group of [['limiting', 'limited', 'limits', 'limit', 'limiter'], ['parse', 'parsing', 'parsed', 'parser'],
      ['validation', 'validate', 'validated', 'validator'], ['serialise', 'serialize', 'serialised', 'serialization']]) {
      assert.equal(new Set(group.map(stem)).size, 1, group.join(' '));
    }
  });

  test('-ion nouns meet their verbs and -ify verbs their nouns; short stems are left alone', () => {
    // Ajv's `coerceData` was #6 for "when coercion is turned on"; markdown-it's linkify.mjs #14 for "turned into links".
    for (const group of [['coercion', 'coerce', 'coerced'], ['compression', 'compress', 'compressed'], ['selection', 'select'],
      ['linkify', 'link', 'links', 'linkified'], ['stringify', 'string', 'stringified']]) {
      assert.equal(new Set(group.map(stem)).size, 1, group.join(' '));
    }
    for (const [a, b] of [['notify', 'not'], ['verify', 'ver'], ['modify', 'mod'], ['union', 'un'], ['region', 'reg']]) assert.notEqual(stem(a), stem(b), a);
  });

  test('adverbs meet their adjectives and -ive adjectives their -ion nouns; words that only end in -ly are left alone', () => {
    // Click's _AtomicFile was #6 for "a file written atomically"; msal's interactive errors for "sign in interactively".
    for (const group of [['atomically', 'atomic'], ['interactively', 'interactive', 'interaction'], ['recursively', 'recursive', 'recursion'], ['silently', 'silent'], ['concurrently', 'concurrent'],
      ['automatically', 'automatic'], ['strictly', 'strict'], ['optionally', 'optional']]) {
      assert.equal(new Set(group.map(stem)).size, 1, group.join(' '));
    }
    for (const [a, b] of [['assembly', 'assemb'], ['family', 'fam'], ['anomaly', 'anoma'], ['supply', 'supp']]) assert.notEqual(stem(a), stem(b), a);
  });

  test("'settings' means configuration, 'set' and setters do not", () => {
    assert.equal(stem('settings'), stem('config'));
    assert.equal(stem('setting'), stem('config'));
    assert.notEqual(stem('set'), stem('config'));
    assert.notEqual(stem('setter'), stem('config'));
  });

  test('two question words that code writes as one are joined, when the index holds the joined word', () => {
    const known = new Set([stem('filename'), stem('readonly'), stem('commonmark'), stem('selector')]);
    const joined = (q: string) => joinedTerms(q, (t) => known.has(t)).map((t) => t.term);
    assert.deepEqual(joined('How is a file name from an upload cleaned?'), [stem('filename')]);
    assert.equal(joinedTerms('a file name', (t) => known.has(t))[0].text, 'file name', 'the explanation quotes the question');
    assert.deepEqual(joined('How is the server made read-only?'), [stem('readonly')]);
    assert.deepEqual(joined('What does the strict CommonMark mode turn on?'), [stem('commonmark')]);
    assert.deepEqual(joined('Is it checked with select or poll?'), [], 'a two-letter word joins nothing: `select or` is not `selector`');
    assert.deepEqual(joined('How is the user name checked?'), [], 'not joined when the index lacks the joined word');
  });

  test('words the question writes together with a slash, dot or hyphen join whatever their length', () => {
    // afero's iofs.go was #15 for "the standard library's io/fs interface", JSZip's NodejsStreamInputAdapter #9 for
    // "a Node.js stream": two-letter words never join across a space, but here the question wrote one name.
    const known = new Set([stem('iofs'), stem('nodejs'), stem('inflight'), stem('uptodate'), stem('fsfs'), stem('eg')]);
    const joined = (q: string) => joinedTerms(q, (t) => known.has(t)).map((t) => t.term);
    assert.deepEqual(joined("code that expects the standard library's io/fs interface"), [stem('iofs')]);
    assert.deepEqual(joined('a Node.js readable stream'), [stem('nodejs')]);
    assert.equal(joinedTerms('a Node.js stream', (t) => known.has(t))[0].text, 'Node.js');
    assert.deepEqual(joined('How is an in-flight call cancelled? Is the cache up-to-date?'), [], 'a stop word makes an English compound, not a name');
    assert.deepEqual(joined('e.g. this'), [], 'fewer than four letters joined');
    assert.deepEqual(joined('see http://localhost/fs/fs'), [], 'a URL path is not one name');
    assert.deepEqual(joined('the io / fs split'), [], 'spaced apart: two words');
  });

  test('abbreviations meet their spelled-out forms, acronyms their phrases', () => {
    assert.equal(new Set(['cfg', 'config', 'configuration', 'settings'].map(stem)).size, 1);
    assert.equal(new Set(['ctx', 'context'].map(stem)).size, 1);
    assert.ok(questionTerms('How does the command line interface parse flags?').some((t) => t.term === stem('cli')));
    assert.ok(codeTerms('reads server-sent events').includes(stem('sse')) || questionTerms('server-sent events').some((t) => t.term === 'sse'));
    // Ajv's `compileAsync` was #7 for "schemas … fetched asynchronously before compiling": the word never met `async`.
    assert.ok(questionTerms('How are schemas fetched asynchronously?').some((t) => t.term === stem('async')));
    assert.equal(new Set(['sync', 'synchronous', 'synchronously'].map(stem)).size, 1);
    // afero's os.go (the real disk) was #25 for "the real operating system disk": code says `os`, `fd`.
    assert.ok(questionTerms('How is the real operating system disk wrapped?').some((t) => t.term === stem('os')));
    assert.ok(questionTerms("Why is the 'bad file descriptor' error different?").some((t) => t.term === stem('fd')));
    // afero's memmap.go (MemMapFs) was #32 for "a filesystem that lives entirely in memory".
    assert.equal(stem('memory'), stem('mem'));
    // openai's encodeURIPath (internal/utils/path.ts) was #8 for "path parameters … interpolated into endpoint URLs".
    assert.equal(new Set(['url', 'uri', 'URLs', 'URIs'].flatMap((w) => questionTerms(w).map((t) => t.term))).size, 1);
  });

  test('stop words are dropped and weak verbs (get, add, new, make, like) weigh a fraction', () => {
    const terms = new Map(questionTerms('How do we get a new token and make it like the old one?').map((t) => [t.term, t.weight]));
    assert.ok(!terms.has('how') && !terms.has('the'));
    for (const w of ['get', 'new', 'make', 'like']) assert.ok((terms.get(stem(w)) ?? 0) < 0.5, w);
    assert.equal(terms.get(stem('token')), 1);
    // 'split' is an operation code names (split_arg_string), so it is kept, as weak as 'get' ("split the module").
    const split = questionTerms('Where is a command line split into words?').find((t) => t.term === stem('split'));
    assert.ok(split && split.weight < 0.5);
  });

  test("run-together names split by the workspace's own vocabulary", () => {
    const split = compoundSplitter(new Set(['rate', 'limiter', 'auth', 'middleware', 'pool']));
    assert.deepEqual(split('ratelimiter'), ['rate', 'limiter']);
    assert.deepEqual(split('authmiddleware'), ['auth', 'middleware']);
    assert.equal(split('ratelimit'), undefined);
  });

  test('a split of an ordinary word adds no stop words: "without" is not "with" + "out"', () => {
    const split = compoundSplitter(new Set(['with', 'out', 'router']));
    assert.deepEqual(split('without'), ['with', 'out']);
    const terms = questionTerms('Combined without a router', split).map((t) => t.term);
    assert.ok(terms.includes(stem('without')) && !terms.includes('with') && !terms.includes('out'), terms.join(' '));
  });
});

suite('context: ranking against the classes of issue #23', () => {
  test('test files yield to the code they exercise', () => {
    const index = new RepoIndex();
    index.set('binding/form.go', { stamp: '1', defs: [def('bindForm')], refs: { values: 1 } });
    index.set('binding/form_test.go', { stamp: '1', defs: [def('TestBindForm'), def('bindFormValues')], refs: { bindForm: 3, form: 4, values: 2 } });
    const first = (question: string, tests?: number) => rankRepo(index, { question }, tests === undefined ? DEFAULT_FUSION : { ...DEFAULT_FUSION, tests }).files[0].path;
    assert.equal(first('How are form values bound?'), 'binding/form.go');
    assert.equal(first('How are form values bound?', 1), 'binding/form_test.go', 'without the scaling the test file leads');
  });

  test('examples, demos and fixtures yield to the code they use, as tests do', () => {
    // chi (Go): small apps in `_examples/` that define `Routes()` outranked the router's own walk over its routes.
    const index = new RepoIndex();
    index.set('tree.go', { stamp: '1', defs: [def('Walk')], refs: { Middlewares: 1, Routes: 1 } });
    for (const dir of ['_examples/rest', 'examples/todo', 'demo', 'testdata/app']) {
      index.set(`${dir}/main.go`, { stamp: '1', defs: [def('walkRoutes'), def('listMiddlewares')], refs: { Walk: 1 } });
    }
    const ranked = (tests: number) => rankRepo(index, { question: 'How are the routes and their middlewares walked?' }, { ...DEFAULT_FUSION, tests }).files[0].path;
    assert.equal(ranked(DEFAULT_FUSION.tests), 'tree.go');
    assert.notEqual(ranked(1), 'tree.go', 'without the scaling an example leads');
  });

  test('a file that declares only types yields to the code that does the work', () => {
    // msal-common: AzureRegion.ts and AuthorityOptions.ts (types alone) led over RegionDiscovery.ts for the region question.
    const index = new RepoIndex();
    index.set('authority/AzureRegionConfiguration.ts', { stamp: '1', defs: [def('AzureRegionConfiguration', 'type'), def('RegionDiscoveryOptions', 'interface')], refs: {} });
    index.set('authority/RegionDiscovery.ts', { stamp: '1', defs: [def('detectRegion', 'method'), def('RegionDiscovery', 'class')], refs: { AzureRegionConfiguration: 1 } });
    const first = (types: number) => rankRepo(index, { question: 'How is the Azure region discovered?' }, { ...DEFAULT_FUSION, types }).files[0].path;
    assert.equal(first(DEFAULT_FUSION.types), 'authority/RegionDiscovery.ts');
    assert.equal(first(1), 'authority/AzureRegionConfiguration.ts', 'without the scaling the declarations lead');
  });

  test('a question that asks for an interface keeps the file that declares only it', () => {
    // afero: afero.go (the Fs interface, types alone) was #10 for "the interface … every operation a backend must provide".
    const index = new RepoIndex();
    index.set('authority/AzureRegionConfiguration.ts', { stamp: '1', defs: [def('AzureRegionConfiguration', 'type'), def('RegionDiscoveryOptions', 'interface')], refs: {} });
    index.set('authority/RegionDiscovery.ts', { stamp: '1', defs: [def('detectRegion', 'method'), def('RegionDiscovery', 'class')], refs: { AzureRegionConfiguration: 1 } });
    const order = (question: string, types = DEFAULT_FUSION.types) => rankRepo(index, { question }, { ...DEFAULT_FUSION, types }).files.map((f) => f.path);
    const asked = 'Which interface holds the Azure region discovery options?';
    assert.deepEqual(order(asked), order(asked, 1));
    assert.equal(order(asked)[0], 'authority/AzureRegionConfiguration.ts');
    assert.equal(order('Where are the Azure region discovery options?')[0], 'authority/RegionDiscovery.ts', 'not asked for an interface: the declarations yield');
  });

  test('a run-together file name is found by its spelled-out words, and the reverse', () => {
    const index = new RepoIndex();
    index.set('app/gateway/ratelimiter.ts', { stamp: '1', defs: [def('allow')], refs: { tokens: 2 } });
    index.set('app/gateway/router.ts', { stamp: '1', defs: [def('route')], refs: { allow: 1 } });
    index.set('app/billing/rateTable.ts', { stamp: '1', defs: [def('rateFor')], refs: {} });
    index.set('app/util/limitBytes.ts', { stamp: '1', defs: [def('limitBytes')], refs: {} });
    index.set('app/util/rateLimiterOptions.ts', { stamp: '1', defs: [def('RateLimiterOptions', 'interface')], refs: {} });
    assert.equal(rankRepo(index, { question: 'How does rate limiting work in the gateway?' }).files[0].path, 'app/gateway/ratelimiter.ts');
  });

  test("a settings module is found by its assigned names and keys; the package's own name in every path counts for nothing", async () => {
    const parser = createTagParser(TREE_SITTER_WASM_DIR);
    const index = new RepoIndex();
    const put = async (p: string, text: string) => index.set(p, { ...(await parser.tags(p, text))!, stamp: '1' });
    await put('acme/settings.py', '"""Defaults."""\nDEFAULTS = {\n    "SESSION_TIMEOUT": 3600,\n    "MAX_UPLOAD_MB": 16,\n}\n');
    await put('acme/session.py', 'class Session:\n    def renew(self):\n        return self.timeout\n');
    await put('acme/upload.py', 'def acme_upload(acme):\n    return acme\n');
    const first = rankRepo(index, { question: 'Where is the default upload size limit in acme configured?' }).files[0];
    assert.equal(first.path, 'acme/settings.py', JSON.stringify(first));
    assert.ok(index.files.get('acme/settings.py')!.names!.includes('MAX_UPLOAD_MB'));
    assert.equal(index.files.get('acme/settings.py')!.head, 'Defaults.');
  });

  test('a large file whose one function names the question is found past small files that share its words', () => {
    // urllib3's util/retry.py (`get_backoff_time` among 30 methods) and Ajv's compile/validate/index.ts
    // (`checkStrictTypes`) lost to small files holding the same words in separate names.
    const index = new RepoIndex();
    const many = Array.from({ length: 30 }, (_, i) => def(`method${i}Helper`));
    index.set('util/retry.py', { stamp: '1', defs: [...many, def('get_backoff_time')], refs: Object.fromEntries(many.map((d) => [d.name, 3])) });
    index.set('util/pause.py', { stamp: '1', defs: [def('time_left'), def('wait')], refs: {} });
    index.set('util/sleep.py', { stamp: '1', defs: [def('sleep_backoff'), def('time_out')], refs: {} });
    index.set('util/clock.py', { stamp: '1', defs: [def('delay')], refs: { time: 2 } });
    for (let i = 0; i < 6; i++) index.set(`util/other${i}.py`, { stamp: '1', defs: [def(`other${i}`)], refs: {} });
    const first = (names: number) => rankRepo(index, { question: 'How is the backoff time computed?' }, { ...DEFAULT_FUSION, names }).files[0].path;
    assert.equal(first(DEFAULT_FUSION.names), 'util/retry.py');
    assert.notEqual(first(0), 'util/retry.py', 'without the definition-name leg a small file leads');
  });

  test('a hub every file uses does not outrank the file the question is about', () => {
    const index = new RepoIndex();
    index.set('core/types.ts', { stamp: '1', defs: [def('Request', 'interface'), def('Response', 'interface'), def('Context', 'interface')], refs: {} });
    for (let i = 0; i < 30; i++) index.set(`handlers/h${i}.ts`, { stamp: '1', defs: [def(`handle${i}`)], refs: { Request: 2, Response: 2, Context: 1 } });
    index.set('handlers/refund.ts', { stamp: '1', defs: [def('refundOrder')], refs: { Request: 1, Response: 1 } });
    const files = rankRepo(index, { question: 'How is a refund request turned into a response?' }).files.map((f) => f.path);
    assert.equal(files[0], 'handlers/refund.ts');
  });
});
