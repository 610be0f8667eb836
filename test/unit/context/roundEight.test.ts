// The eighth blind round's mechanisms (rustls, gorilla/websocket, Python-Markdown), each with cases beyond the
// question that showed it: Rust tests inside source files, body-less `mod` declarations, versions written apart from
// their name, two-letter abbreviations at the head of run-together names, descriptions before a copyright line.
import * as assert from 'node:assert/strict';
import { TREE_SITTER_WASM_DIR } from '../../../bench/diskWorkspace';
import { createTagParser, rankRepo, RepoIndex } from '../../../src/core/context';
import { compoundSplitter, joinedTerms, questionTerms } from '../../../src/core/context/terms';

const parser = createTagParser(TREE_SITTER_WASM_DIR);
const tags = async (p: string, text: string) => { const t = await parser.tags(p, text); assert.ok(t); return t; };

suite('context: round 8 (Rust structure, versions, abbreviations, headers)', function () {
  this.timeout(30_000);

  test('Rust unit tests inside a source file are not its names or uses; cfg(not(test)) and other attributes are kept', async () => {
    const t = await tags('deframer.rs', [
      '/// Splits the byte stream into records.',
      '#[derive(Debug)]',
      'pub struct Deframer { buf: Vec<u8> }',
      'impl Deframer {',
      '    pub fn pop(&mut self) -> Option<Record> { split_record(&self.buf) }',
      '    #[cfg(test)]',
      '    fn only_for_tests(&self) -> usize { zebra_helper() }',
      '}',
      '#[cfg(not(test))]',
      'fn production_path() {}',
      '#[test]',
      'fn top_level_test() { assert_gorilla(); }',
      '#[cfg(test)]',
      'mod tests {',
      '    use super::*;',
      '    #[test]',
      '    fn test_invalid_length() { check_incremental(Deframer::new()); }',
      '    #[tokio::test]',
      '    async fn test_async() { ticket_switcher(); }',
      '}',
    ].join('\n'));
    const defs = t.defs.map((d) => d.name);
    assert.deepEqual(defs, ['Deframer', 'pop', 'production_path']);
    for (const used of ['zebra_helper', 'assert_gorilla', 'check_incremental', 'ticket_switcher']) assert.equal(t.refs[used], undefined, used);
    assert.ok(t.refs.split_record && t.refs.Record, 'uses outside tests are kept');
  });

  test('a body-less `mod x;` names another file (no definition); `mod x { … }` and const/static are kept', async () => {
    const t = await tags('lib.rs', '//! A TLS library.\nmod anchors;\npub mod client;\npub mod danger {\n    pub fn off() {}\n}\npub static TLS13: Version = Version(0x0304);\nconst DEFAULT_BUFFER_LIMIT: usize = 65536;\n');
    assert.deepEqual(t.defs.map((d) => `${d.kind} ${d.name}`), ['mod danger', 'fn off']);
    assert.ok(t.refs.anchors && t.refs.client, 'a declared module is a use of that name');
    assert.ok(t.names?.includes('TLS13') && t.names.includes('DEFAULT_BUFFER_LIMIT'));
  });

  test('a name and its version written apart meet the joined word, only when the index holds it', () => {
    const known = new Set(['tls13', 'tls12', 'http2', 'python3']);
    const joined = (q: string) => joinedTerms(q, (t) => known.has(t)).map((t) => t.term);
    assert.deepEqual(joined('How do I restrict a connection to TLS 1.3 only?'), ['tls13']);
    assert.deepEqual(joined('Does it speak HTTP/2, and TLS1.2 or TLSv1.3?'), ['http2', 'tls12', 'tls13']);
    assert.deepEqual(joined('Is Python 3 required?'), ['python3']);
    assert.deepEqual(joined('What changed in version 1.3 and in 2024?'), [], 'no such joined word in the index');
    assert.deepEqual(joined('Set the timeout to 30 seconds'), []);
  });

  test('two-letter heads of run-together names: only known abbreviations', () => {
    const split = compoundSplitter(new Set(['joiner', 'config', 'match', 'omic']));
    assert.deepEqual(split('hsjoiner'), ['hs', 'joiner']);
    assert.deepEqual(split('tsconfig'), ['ts', 'config']);
    assert.deepEqual(split('fnmatch'), ['fn', 'match']);
    assert.equal(split('isconfig'), undefined, '"is" is no abbreviation');
    assert.equal(split('atomic'), undefined);
  });

  test('handshake meets hs, key exchange kx, table of contents toc', () => {
    const terms = (q: string) => questionTerms(q).map((t) => t.term);
    assert.ok(terms('Which curves are offered for the key exchange?').includes('kx'));
    assert.ok(terms('How do I get a table of contents?').includes('toc'));
    assert.deepEqual(terms('hs'), terms('handshake'));
  });

  test('a module docstring keeps its description before its copyright; a licence header alone gives no heading', async () => {
    const described = await tags('fenced.py', '"""\nFenced Code Extension for Python Markdown\n\nThis extension adds fenced code blocks.\n\nCopyright 2008 The Project\nLicense: BSD\n"""\nimport re\n');
    assert.equal(described.head, 'Fenced Code Extension for Python Markdown This extension adds fenced code blocks.');
    const licence = await tags('b.py', '# Copyright 2020 Acme Inc.\n# Licensed under the Apache License, Version 2.0\nimport os\n');
    assert.equal(licence.head, undefined);
    const gpl = await tags('c.py', '# This file is part of Foo.\n# Foo is free software: you can redistribute it\nimport os\n');
    assert.equal(gpl.head, 'This file is part of Foo.', 'cut before the legal words');
    const short = await tags('d.py', '"""Foo (c) 2020 Bar."""\nimport os\n');
    assert.equal(short.head, undefined, 'too little said before the legal words');
  });

  test('ranking: a Rust file whose test module repeats the question words does not outrank the file that does it', async () => {
    const index = new RepoIndex();
    const put = async (p: string, text: string) => index.set(p, { ...(await tags(p, text)), stamp: '1' });
    await put('src/ticketer.rs', '/// Rotates the key that encrypts session tickets.\npub struct TicketSwitcher;\nimpl TicketSwitcher {\n    pub fn rotate_ticket_key(&self) {}\n}\n');
    const noise = Array.from({ length: 12 }, (_, i) => `    #[test]\n    fn ticket_key_rotation_case_${i}() { let ticket = rotate_ticket_key_for_test(session_ticket_encrypt()); }`).join('\n');
    await put('src/record.rs', `pub struct RecordLayer;\nimpl RecordLayer {\n    pub fn encrypt(&self) {}\n}\n#[cfg(test)]\nmod tests {\n${noise}\n}\n`);
    await put('src/versions.rs', '/// Versions this library speaks.\npub static TLS13: Version = Version::TLSv1_3;\npub static TLS12: Version = Version::TLSv1_2;\npub struct EnabledVersions;\n');
    await put('src/conn.rs', 'pub struct Connection;\nimpl Connection {\n    pub fn restrict(&self) { tls_state() }\n}\n');
    assert.equal(rankRepo(index, { question: 'How is the session ticket key rotated?' }).files[0].path, 'src/ticketer.rs');
    assert.equal(rankRepo(index, { question: 'How do I allow only TLS 1.3?' }).files[0].path, 'src/versions.rs');
  });
});
