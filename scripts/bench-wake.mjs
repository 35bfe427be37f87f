// Wake-up lateness on this host: a thread sleeping in Atomics.wait until each deadline, or
// sleeping until SPIN us before it and spinning the rest; 'main' measures through postMessage
// to the main thread's event loop (the open model's path). Run pinned: taskset -c 0 node ...
//   node scripts/bench-wake.mjs [period_us=10000] [count=1000] [spin_us=0] [thread|main]
import { Worker } from 'node:worker_threads';
const periodUs = Number(process.argv[2] ?? 10000), n = Number(process.argv[3] ?? 1000), spinUs = Number(process.argv[4] ?? 0), viaMain = process.argv[5] === 'main';
const code = `
const { workerData, parentPort } = require('node:worker_threads');
const { periodUs, n, spinUs, viaMain } = workerData;
const ctl = new Int32Array(new SharedArrayBuffer(4));
const now = () => Number(process.hrtime.bigint() / 1000n);
const late = [];
let t = now() + periodUs;
for (let i = 0; i < n; i++) {
  const sleepUs = t - spinUs - now();
  if (sleepUs > 0) Atomics.wait(ctl, 0, 0, sleepUs / 1000);
  while (now() < t) {}
  if (viaMain) parentPort.postMessage(t); else late.push(now() - t);
  t += periodUs;
}
parentPort.postMessage({ late });
`;
const w = new Worker(code, { eval: true, workerData: { periodUs, n, spinUs, viaMain } });
const late = [];
w.on('message', (m) => {
  if (typeof m === 'number') { late.push(Number(process.hrtime.bigint() / 1000n) - m); return; }
  const xs = (viaMain ? late : m.late).sort((a, b) => a - b);
  const q = (p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];
  console.log(`period ${periodUs}us spin ${spinUs}us ${viaMain ? 'via main' : 'thread'}: late p50 ${q(0.5)} p99 ${q(0.99)} p99.9 ${q(0.999)} max ${xs[xs.length - 1]} us`);
  w.terminate();
});
