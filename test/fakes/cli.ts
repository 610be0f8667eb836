// Runs the fakes out of process for integration tests, e2e and `npm start -- --demo-servers`:
//   npx tsx test/fakes/cli.ts --ollama 11434 --anthropic 0 --openai 0 [--ttft 0] [--per-token 0] [--demo]
// (--demo: answers by kind, see demoAnswers.ts)
// prints {"ollama":"http://127.0.0.1:11434","anthropic":"http://127.0.0.1:p","openai":"http://127.0.0.1:q/v1"}
// on one line and stays up until SIGINT/SIGTERM (or its parent closes stdin when --exit-on-stdin-close).

import { startAll, type StartAllOptions } from './index';

function parseArgs(argv: string[]): { opts: StartAllOptions; exitOnStdinClose: boolean } {
  const ports: NonNullable<StartAllOptions['ports']> = {};
  const reply: NonNullable<StartAllOptions['reply']> = {};
  let exitOnStdinClose = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0 || v > 65535) throw new Error(`${arg} needs a port/number, got ${argv[i]}`);
      return v;
    };
    switch (arg) {
      case '--ollama': ports.ollama = next(); break;
      case '--anthropic': ports.anthropic = next(); break;
      case '--openai': ports.openai = next(); break;
      case '--ttft': reply.ttftMs = next(); break;
      case '--per-token': reply.perTokenMs = next(); break;
      case '--exit-on-stdin-close': exitOnStdinClose = true; break;
      case '--demo': reply.demo = true; break;
      default: throw new Error(`unknown argument ${arg}`);
    }
  }
  const none = ports.ollama === undefined && ports.anthropic === undefined && ports.openai === undefined;
  return { opts: { ports: none ? { ollama: 0, anthropic: 0, openai: 0 } : ports, reply }, exitOnStdinClose };
}

async function main(): Promise<void> {
  const { opts, exitOnStdinClose } = parseArgs(process.argv.slice(2));
  const fakes = await startAll(opts);
  process.stdout.write(`${JSON.stringify(fakes.urls)}\n`);
  let closing = false;
  const stop = (): void => {
    if (closing) return;
    closing = true;
    void fakes.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (exitOnStdinClose) { process.stdin.on('end', stop); process.stdin.resume(); }
}

main().catch((err: unknown) => {
  process.stderr.write(`fakes: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
