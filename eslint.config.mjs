// Layer rules, as the anchors enforce them (floors and cycles: eslint/floors.mjs): src/core is pure (no `vscode`), src/webview runs in a browser
// sandbox (no Node modules). Only these rules are on: the type checker already owns correctness.
import tseslint from 'typescript-eslint';
import { hybridRules } from './eslint/floors.mjs';

const NODE_ONLY = [
  'node:*', 'fs', 'fs/*', 'path', 'child_process', 'os', 'crypto', 'net', 'http', 'https', 'worker_threads',
  'stream', 'util', 'url', 'zlib', 'events', 'readline', 'tls', 'dgram', 'dns', 'cluster', 'process', 'buffer',
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'screenshots/**'] },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin, hybrid: hybridRules },
    // Floors and cycles (eslint/floors.mjs): core/ ordered from request/settings up to pipeline, then vscode.
    rules: { 'hybrid/floors': 'error', 'hybrid/no-cycle': 'error' },
    // The code carries disable comments for rules not turned on here; they are not errors.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/core is pure logic: reach VS Code through an adapter in src/vscode.' }],
      }],
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'webview code runs in the browser: talk to the host with postMessage.' }],
        patterns: [{ group: NODE_ONLY, message: 'webview code runs in a browser sandbox: Node modules are not there.' }],
      }],
    },
  },
);
