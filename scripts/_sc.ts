import { scanSensitive } from '../src/core';
const t = process.argv[2];
console.log(JSON.stringify(scanSensitive(t).map((f: any) => ({ kind: f.kind, v: t.slice(f.start, f.end) }))));
