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
}

const IDENTIFIER = /(?:^|_)identifier$|^identifier$|^type_identifier$|^property_identifier$|^field_identifier$|^constant$/;
const MAX_SIGNATURE = 160;
/** Names too common to link files meaningfully. */
const STOP = new Set(['self', 'this', 'cls', 'super', 'constructor', 'new', 'init', 'main', 'get', 'set', 'value', 'err', 'e', 'i', 'x', 'id', 'ok']);

export function extractTags(root: SyntaxNode, spec: LanguageSpec, lines: string[]): FileTags {
  const defs: Definition[] = [];
  // No prototype: identifiers such as `toString` or `__proto__` are names in code, not Object members.
  const refs: Record<string, number> = Object.create(null) as Record<string, number>;
  const own = new Set<string>();
  // Iterative walk: deeply nested generated code must not overflow the stack.
  const stack: Array<{ node: SyntaxNode; parent?: string }> = [{ node: root }];
  while (stack.length > 0) {
    const { node, parent } = stack.pop()!;
    let childParent = parent;
    const kind = spec.definitions[node.type];
    if (kind) {
      const name = definitionName(node);
      // A variable is a definition only when it holds a function or class (module-level API), not every local.
      if (name && (node.type !== 'variable_declarator' || holdsCallable(node))) {
        const row = node.startPosition.row;
        defs.push({
          name, kind, parent, startLine: row + 1, endLine: node.endPosition.row + 1,
          signature: (lines[row] ?? '').trim().slice(0, MAX_SIGNATURE),
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
      if (c) stack.push({ node: c, parent: childParent });
    }
  }
  // A definition's own name appears once as an identifier: that is not a use.
  for (const name of own) {
    if (refs[name] !== undefined && --refs[name] <= 0) delete refs[name];
  }
  return { defs, refs };
}

function definitionName(node: SyntaxNode): string | undefined {
  const n = node.childForFieldName('name');
  if (n && n.namedChildCount === 0) return n.text;
  return undefined;
}

function holdsCallable(node: SyntaxNode): boolean {
  const v = node.childForFieldName('value');
  return !!v && /function|arrow_function|class/.test(v.type);
}
