// Bundles the extension host code (node, cjs) and the webview code (browser, iife).
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
// Type checking is a separate step (`npm run check-types`), as in the esbuild sample.
'use strict';
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Reports errors in the format VS Code's esbuild problem matcher understands. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/** tiktoken's WASM and the BPE ranks load from dist/ at run time (lazily), not from node_modules. */
function copyTokenizerAssets() {
  const dist = path.join(__dirname, 'dist');
  fs.mkdirSync(dist, { recursive: true });
  const tk = path.join(__dirname, 'node_modules', 'tiktoken');
  fs.copyFileSync(path.join(tk, 'lite', 'tiktoken_bg.wasm'), path.join(dist, 'tiktoken_bg.wasm'));
  for (const enc of ['o200k_base', 'cl100k_base']) {
    fs.copyFileSync(path.join(tk, 'encoders', `${enc}.json`), path.join(dist, `${enc}.tiktoken.json`));
  }
}

/** tree-sitter's runtime WASM and the grammars the repo map parses with load from dist/ at run time (lazily). */
const TREE_SITTER_GRAMMARS = ['typescript', 'tsx', 'javascript', 'python', 'go', 'java', 'c-sharp', 'rust'];
function copyTreeSitterAssets() {
  const dist = path.join(__dirname, 'dist');
  const ts = path.join(__dirname, 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm');
  fs.copyFileSync(path.join(ts, 'tree-sitter.wasm'), path.join(dist, 'tree-sitter.wasm'));
  for (const g of TREE_SITTER_GRAMMARS) fs.copyFileSync(path.join(ts, `tree-sitter-${g}.wasm`), path.join(dist, `tree-sitter-${g}.wasm`));
}

const webviews = fs.existsSync(path.join(__dirname, 'src', 'webview'))
  ? fs.readdirSync(path.join(__dirname, 'src', 'webview'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(__dirname, 'src', 'webview', d.name, 'main.ts')))
      .map((d) => d.name)
  : [];

async function main() {
  copyTokenizerAssets();
  copyTreeSitterAssets();
  const common = {
    bundle: true,
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'silent',
    plugins: [problemMatcher],
  };
  const contexts = [
    await esbuild.context({
      ...common,
      entryPoints: ['src/extension.ts'],
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      outfile: 'dist/extension.js',
      external: ['vscode'],
    }),
    // tiktoken runs in this worker thread, never in the extension host; its bundled tiktoken/lite finds
    // tiktoken_bg.wasm through __dirname (dist/), like the extension bundle.
    await esbuild.context({
      ...common,
      entryPoints: ['src/core/tokens/worker.ts'],
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      outfile: 'dist/tokenWorker.js',
    }),
  ];
  for (const name of webviews) {
    contexts.push(await esbuild.context({
      ...common,
      entryPoints: [`src/webview/${name}/main.ts`],
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      outfile: `dist/webview-${name}.js`,
    }));
  }
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
  } else {
    await Promise.all(contexts.map((c) => c.rebuild()));
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
