// The fake Ollama the transport A/Bs stream from, as source for a worker thread (`new Worker(src, { eval: true })`)
// or a process of its own (`node -e src` with an IPC channel): 150 ms to the first token, 4 tokens 15 ms apart, the
// final chunk and the response's end written apart as Ollama flushes them. It posts its port once listening, and
// on any message posts (and clears) what it saw: per request, when the headers came (`at`) and its last write (`w`).

/** `clock` is a JavaScript expression giving milliseconds on the clock the caller compares with. */
export function fakeOllamaSource(clock: string): string {
  return `const http = require('node:http'); const wt = require('node:worker_threads');
const post = wt.parentPort ? (m) => wt.parentPort.postMessage(m) : (m) => process.send(m);
const onMsg = (f) => wt.parentPort ? wt.parentPort.on('message', f) : process.on('message', f);
const now = () => ${clock};
const log = [];
const line = (o) => JSON.stringify({ model: 'm', created_at: new Date().toISOString(), ...o }) + '\\n';
const s = http.createServer((req, res) => {
  const at = now(); req.resume();
  req.on('end', () => {
    if (req.url === '/api/show') { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ capabilities: ['completion', 'insert'], model_info: {} })); return; }
    const rec = { at, w: 0 }; log.push(rec);
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    const toks = ['const', ' total', ' =', ' sum(lines);'];
    let i = 0;
    setTimeout(function tick() {
      if (i < toks.length) { res.write(line({ response: toks[i++], done: false })); setTimeout(tick, 15); return; }
      rec.w = now();
      res.write(line({ response: '', done: true, done_reason: 'stop', prompt_eval_count: 1300, eval_count: 4 }));
      res.end();
    }, 150);
  });
});
s.keepAliveTimeout = 300000; s.listen(0, '127.0.0.1', () => post(s.address().port));
onMsg(() => post(log.splice(0)));`;
}
