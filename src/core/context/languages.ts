// Which grammar parses which file, and which syntax nodes of that grammar define a named symbol. Node types are
// read from the grammars VS Code ships (@vscode/tree-sitter-wasm); a walk over them replaces per-language tag
// queries, which those packages do not include.

export interface LanguageSpec {
  id: string;
  /** File name of the grammar inside the WASM directory. */
  grammar: string;
  /** Node type → the kind shown in the map. Each such node must have a `name` field (or a declarator holding it). */
  definitions: Record<string, string>;
}

const TS_DEFS: Record<string, string> = {
  class_declaration: 'class', abstract_class_declaration: 'class', interface_declaration: 'interface',
  type_alias_declaration: 'type', enum_declaration: 'enum', function_declaration: 'function',
  generator_function_declaration: 'function', method_definition: 'method', method_signature: 'method',
  abstract_method_signature: 'method', variable_declarator: 'const', module: 'namespace',
};

const SPECS: LanguageSpec[] = [
  { id: 'typescript', grammar: 'tree-sitter-typescript.wasm', definitions: TS_DEFS },
  { id: 'tsx', grammar: 'tree-sitter-tsx.wasm', definitions: TS_DEFS },
  { id: 'javascript', grammar: 'tree-sitter-javascript.wasm', definitions: TS_DEFS },
  { id: 'python', grammar: 'tree-sitter-python.wasm', definitions: { class_definition: 'class', function_definition: 'def' } },
  {
    id: 'go', grammar: 'tree-sitter-go.wasm',
    definitions: { function_declaration: 'func', method_declaration: 'func', type_spec: 'type' },
  },
  {
    id: 'java', grammar: 'tree-sitter-java.wasm',
    definitions: {
      class_declaration: 'class', interface_declaration: 'interface', enum_declaration: 'enum', record_declaration: 'record',
      method_declaration: 'method', constructor_declaration: 'constructor',
    },
  },
  {
    id: 'csharp', grammar: 'tree-sitter-c-sharp.wasm',
    definitions: {
      class_declaration: 'class', interface_declaration: 'interface', struct_declaration: 'struct', enum_declaration: 'enum',
      record_declaration: 'record', method_declaration: 'method', constructor_declaration: 'constructor',
    },
  },
  {
    id: 'rust', grammar: 'tree-sitter-rust.wasm',
    definitions: {
      function_item: 'fn', function_signature_item: 'fn', struct_item: 'struct', enum_item: 'enum', trait_item: 'trait',
      type_item: 'type', mod_item: 'mod',
    },
  },
];

const BY_EXTENSION: Record<string, string> = {
  ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'tsx', js: 'javascript', mjs: 'javascript',
  cjs: 'javascript', jsx: 'javascript', py: 'python', go: 'go', java: 'java', cs: 'csharp', rs: 'rust',
};

export function languageFor(path: string): LanguageSpec | undefined {
  if (/\.d\.ts$/.test(path)) return undefined; // declarations of other code bases: noise in a map of this one
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  const id = ext ? BY_EXTENSION[ext] : undefined;
  return SPECS.find((s) => s.id === id);
}

export const SOURCE_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);
export const LANGUAGES: readonly LanguageSpec[] = SPECS;
