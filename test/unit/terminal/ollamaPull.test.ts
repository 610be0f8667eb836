// Issue #16 item 6: text typed into a terminal comes from settings and the webview; only a valid Ollama model
// name may become a command, so no value can smuggle in a second command.
import * as assert from 'node:assert/strict';
import { ollamaPullCommand, OllamaModelNameError } from '../../../src/core/terminal/ollamaPull';

suite('terminal: ollama pull command', () => {
  test('valid model names, with namespace, tag and registry host', () => {
    assert.equal(ollamaPullCommand('qwen2.5-coder:1.5b'), 'ollama pull qwen2.5-coder:1.5b');
    assert.equal(ollamaPullCommand('library/llama3.2:3b-instruct-q4_K_M'), 'ollama pull library/llama3.2:3b-instruct-q4_K_M');
    assert.equal(ollamaPullCommand('registry.example.com:5000/team/model:v1'), 'ollama pull registry.example.com:5000/team/model:v1');
    assert.equal(ollamaPullCommand('  llama3  '), 'ollama pull llama3');
  });

  test('shell metacharacters, spaces, options and empty names are refused with a clear error', () => {
    for (const bad of ['llama3; rm -rf ~', 'llama3 && curl x|sh', '$(whoami)', '`id`', 'a b', '-rf', '--insecure', '', 'x\nrm -rf /', "llama3'", 'llama3"', 'a>b', 'ollama pull llama3', '../x']) {
      assert.throws(() => ollamaPullCommand(bad), (e: unknown) => e instanceof OllamaModelNameError && /model name/.test((e as Error).message), JSON.stringify(bad));
    }
  });
});
