// Loads tree-sitter (WASM) and its grammars from a directory — dist/ in the packaged extension, the package's own
// wasm/ folder in tests — once, on the first file that needs them.

import * as path from 'node:path';
import { Language, Parser } from '@vscode/tree-sitter-wasm';
import { languageFor, type LanguageSpec } from './languages';
import { extractTags, type FileTags, type SyntaxNode } from './tags';

export interface TagParser {
  /** undefined when the file's language has no grammar. Throws only if the WASM itself cannot be loaded. */
  tags(filePath: string, text: string): Promise<FileTags | undefined>;
}

let runtime: Promise<void> | undefined;

export function createTagParser(wasmDir: string): TagParser {
  const languages = new Map<string, Promise<Language>>();
  let parser: Parser | undefined;
  const load = (spec: LanguageSpec): Promise<Language> => {
    let l = languages.get(spec.id);
    if (!l) {
      l = Language.load(path.join(wasmDir, spec.grammar));
      languages.set(spec.id, l);
    }
    return l;
  };
  return {
    async tags(filePath, text) {
      const spec = languageFor(filePath);
      if (!spec) return undefined;
      runtime ??= Parser.init({ locateFile: (file: string) => path.join(wasmDir, file) });
      await runtime;
      const language = await load(spec);
      parser ??= new Parser();
      parser.setLanguage(language);
      const tree = parser.parse(text);
      if (!tree) return undefined;
      try {
        return extractTags(tree.rootNode as unknown as SyntaxNode, spec, text.split('\n'));
      } finally {
        tree.delete(); // WASM memory is not garbage-collected
      }
    },
  };
}
