// Worker thread entry, bundled to dist/tokenWorker.js: tiktoken's WASM, the encoder JSON parse and every encode
// run here, so the extension host never blocks on them. Requests are handled concurrently; long counts yield
// between pieces, so a short request is answered in between.
import { parentPort, workerData } from 'node:worker_threads';
import { createEngine } from './bpeEngine';
import type { WorkerInit, WorkerReply, WorkerRequest } from './protocol';

const port = parentPort;
if (!port) throw new Error('tokenWorker must run as a worker thread');

const engine = createEngine((workerData as WorkerInit).assetsDir);

async function answer(req: WorkerRequest): Promise<WorkerReply> {
  try {
    const result = req.op === 'count'
      ? await engine.count(req.text, req.enc)
      : await engine.trim(req.text, req.maxTokens, req.enc, req.keep);
    return { id: req.id, ok: true, result, loaded: engine.isLoaded() };
  } catch (err) {
    return { id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

port.on('message', (req: WorkerRequest) => {
  void answer(req).then((reply) => port.postMessage(reply));
});
