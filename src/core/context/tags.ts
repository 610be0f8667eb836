// Definitions and references of one parsed file. Works on a minimal view of a tree-sitter node, so the walk is
// unit-tested without loading WASM and the core never depends on the parser's classes.

import type { LanguageSpec } from './languages';

export interface SyntaxNode {
  type: string;
  text: string;
  startPosition: { row: number };
  endPosition: { row: number };
  namedChildCount: number;
  namedChild(i: number): SyntaxNode | null;
  childForFieldName(name: string): SyntaxNode | null;
}

export interface Definition {
  name: string;
  kind: string;
  /** 1-based inclusive line range of the whole definition. */
  startLine: number;
  endLine: number;
  /** The first line of the definition, trimmed and shortened: what the map shows. */
  signature: string;
  /** Enclosing definition, e.g. the class of a method. */
  parent?: string;
}

export interface FileTags {
  defs: Definition[];
  /** Identifier → how often the file mentions it (definitions' own names excluded). */
  refs: Record<string, number>;
  /** The file's heading comment or module docstring (licence headers skipped): what the file says it is. */
  head?: string;
  /** Comment and docstring text, bounded: words the ranking matches, never rendered. */
  doc?: string;
  /** Module-level assigned names and identifier-like keys: how settings, constants and registries are found. */
  names?: string[];
  /** Prose in string literals (messages, descriptions) and environment variables read by name, bounded: matched, never rendered. */
  strings?: string;
}

const MAX_DOC = 8000;
const MAX_HEAD = 600;
const MAX_NAMES = 300;
const MAX_STRINGS = 4000;
// Two letters, separators, two letters: what `[A-Za-z]{2,}…[A-Za-z]{2,}` finds, without retrying every shorter
// word at every start (quadratic on a string literal of 100 k letters, which a 256 KB file can hold).
const PROSE = /[A-Za-z]{2}[ ,.:;!?'-]+[A-Za-z]{2}/;
const COMMENT = /comment$/;
const STRING = /^(?:string|interpreted_string_literal|raw_string_literal|string_literal)$/;
/** Nodes that open a function body: below them names are locals, not module or class data. */
const BODY = /function|method|lambda|arrow|func_literal|constructor/;
const LEGAL = /copyright|\(c\)|©|licen[cs]e|spdx|free software|redistribut|all rights reserved|permission is hereby/i;
const KEY = /^[A-Za-z_][\w.-]{1,40}$/;
const ENV_NAME = /^[rbufRBUF]*["'`][A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+["'`]$/;

const IDENTIFIER = /(?:^|_)identifier$|^identifier$|^type_identifier$|^property_identifier$|^field_identifier$|^constant$/;
const MAX_SIGNATURE = 160;
/** Where a line may be cut: whitespace and brackets/separators that no key, token or e-mail address contains. */
const BOUNDARY = /[\s,;(){}[\]<>"'`]/;
/** Names too common to link files meaningfully. */
const STOP = new Set(['self', 'Self', 'this', 'cls', 'super', 'constructor', 'new', 'init', 'main', 'get', 'set', 'value', 'err', 'e', 'i', 'x', 'id', 'ok']);

export function extractTags(root: SyntaxNode, spec: LanguageSpec, lines: string[]): FileTags {
  const defs: Definition[] = [];
  // No prototype: identifiers such as `toString` or `__proto__` are names in code, not Object members.
  const refs: Record<string, number> = Object.create(null) as Record<string, number>;
  const own = new Set<string>();
  const docs: string[] = [];
  let docLength = 0;
  let head: string | undefined;
  const names = new Set<string>();
  const strings: string[] = [];
  let stringsLength = 0;
  const addDoc = (raw: string) => {
    const text = raw.replace(/^[\s/*#"'`!-]+|[\s/*"'`]+$/g, '').replace(/\s+/g, ' ');
    if (text.length < 3) return;
    if (head === undefined && defs.length === 0) {
      // A docstring that says what the module is and then who owns it (Python-Markdown's: title, summary, copyright,
      // licence) keeps its description; a licence header alone (nothing before its first legal word) gives none.
      const legal = text.search(LEGAL);
      if (legal < 0) head = text.slice(0, MAX_HEAD);
      else if (legal >= 20) head = text.slice(0, legal).trim().slice(0, MAX_HEAD);
    }
    if (docLength < MAX_DOC) { docs.push(text.slice(0, MAX_DOC - docLength)); docLength += text.length; }
  };
  // Iterative walk: deeply nested generated code must not overflow the stack.
  const stack: Array<{ node: SyntaxNode; parent?: string; inBody?: boolean }> = [{ node: root }];
  while (stack.length > 0) {
    const { node, parent, inBody } = stack.pop()!;
    let childParent = parent;
    const childInBody = inBody || (node !== root && BODY.test(node.type));
    const kind = spec.definitions[node.type];
    if (COMMENT.test(node.type)) { addDoc(node.text); continue; }
    if (node.type === 'expression_statement' && node.namedChildCount === 1 && node.namedChild(0)?.type === 'string') {
      addDoc(node.text); // a Python docstring
      continue;
    }
    if (!inBody) moduleLevelName(node, names);
    if (STRING.test(node.type) || node.type === 'template_string') {
      if (stringsLength < MAX_STRINGS && (PROSE.test(node.text) || envName(node, lines))) { strings.push(node.text.slice(1, -1)); stringsLength += node.text.length; }
      if (node.type !== 'template_string') continue; // a template's substitutions are uses of names
    }
    if (kind) {
      const name = definitionName(node);
      // A variable is a definition only when it holds a function or class (module-level API), not every local. A Rust
      // `mod x;` without a body names another file, as an import does: rustls' lib.rs declared 30 such "definitions"
      // and came into the top five on a third of its questions.
      if (name && (node.type !== 'variable_declarator' || holdsCallable(node)) && (kind !== 'mod' || node.childForFieldName('body'))) {
        const row = node.startPosition.row;
        defs.push({
          name, kind, parent, startLine: row + 1, endLine: node.endPosition.row + 1,
          signature: cutSignature((lines[row] ?? '').trim()),
        });
        own.add(name);
        if (kind === 'class' || kind === 'interface' || kind === 'struct' || kind === 'trait' || kind === 'namespace' || kind === 'mod' || kind === 'record') childParent = name;
      }
    } else if (IDENTIFIER.test(node.type) && node.namedChildCount === 0) {
      const t = node.text;
      if (t.length > 1 && t.length < 80 && !STOP.has(t)) refs[t] = (refs[t] ?? 0) + 1;
    }
    for (let i = node.namedChildCount - 1; i >= 0; i--) {
      const c = node.namedChild(i);
      // Rust keeps unit tests inside the source file (`#[cfg(test)] mod tests`, `#[test] fn`): their names and uses
      // say what is tested, as a test file's do, and a file with a large test module matched every question it tested.
      if (c && !isTestAttribute(c) && !(i > 0 && isTestAttribute(node.namedChild(i - 1)))) stack.push({ node: c, parent: childParent, inBody: childInBody });
    }
  }
  // A definition's own name appears once as an identifier: that is not a use.
  for (const name of own) {
    if (refs[name] !== undefined && --refs[name] <= 0) delete refs[name];
  }
  const out: FileTags = { defs, refs };
  if (head) out.head = head;
  if (docs.length) out.doc = docs.join(' ');
  for (const d of defs) names.delete(d.name);
  if (names.size) out.names = [...names].slice(0, MAX_NAMES);
  if (strings.length) out.strings = strings.join(' ').slice(0, MAX_STRINGS);
  return out;
}

/** Assigned names (`const X =`, `X = …`, Go const/var, Rust const/static) and identifier-like string keys outside function bodies. */
function moduleLevelName(node: SyntaxNode, names: Set<string>): void {
  if (node.type === 'variable_declarator' || node.type === 'const_spec' || node.type === 'var_spec' || node.type === 'assignment' || node.type === 'const_item' || node.type === 'static_item') {
    const n = node.childForFieldName('name') ?? node.childForFieldName('left');
    if (n && n.namedChildCount === 0 && n.text.length < 80) names.add(n.text);
  } else if (STRING.test(node.type) && node.text.length < 44) {
    const key = node.text.replace(/^[rbuf]*["'`]|["'`]$/gi, '');
    if (KEY.test(key)) names.add(key);
  }
}

/**
 * A long first line shortened at a token boundary, never inside a token: a key straddling a fixed-width cut would
 * leave a prefix that no longer looks like a key to the scanner, and would still leak part of the value.
 */
export function cutSignature(line: string, max = MAX_SIGNATURE): string {
  if (line.length <= max) return line;
  let cut = max;
  while (cut > 0 && !(BOUNDARY.test(line[cut]) || BOUNDARY.test(line[cut - 1]))) cut--;
  return `${line.slice(0, cut).trimEnd()} …`;
}

function definitionName(node: SyntaxNode): string | undefined {
  const n = node.childForFieldName('name');
  if (n && n.namedChildCount === 0) return n.text;
  return undefined;
}

const TEST_ATTRIBUTE = /^#\[\s*(?:cfg\s*\(\s*test\s*\)|(?:\w+::)?test|bench)\s*\]$/;

function isTestAttribute(node: SyntaxNode | null): boolean {
  return node?.type === 'attribute_item' && TEST_ATTRIBUTE.test(node.text);
}

function holdsCallable(node: SyntaxNode): boolean {
  const v = node.childForFieldName('value');
  return !!v && /function|arrow_function|class/.test(v.type);
}

/**
 * An environment variable read by name (`os.environ.get('OAUTHLIB_INSECURE_TRANSPORT')`, `os.Getenv("GIN_MODE")`):
 * inside a function it is neither a module-level name nor prose, yet it is how such a setting is found. Only on a line
 * that says env: other upper-case strings (error codes such as 'UND_ERR_SOCKET') added noise on undici.
 */
function envName(node: SyntaxNode, lines: string[]): boolean {
  return ENV_NAME.test(node.text) && /env/i.test(lines[node.startPosition.row] ?? '');
}
