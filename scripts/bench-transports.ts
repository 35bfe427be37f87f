// Transport micro-benchmark: echo a small user record, 64 calls in flight, client and server
// each pinned to its own core (taskset), one variant at a time, variants interleaved per trial.
// It measures what one service call costs before any business logic:
//   undici      HTTP/1.1 keep-alive JSON (node:http server), the rest transport
//   grpc-js     @grpc/grpc-js unary, one channel, a deadline per call (the obvious use)
//   grpc-js-4ch @grpc/grpc-js tuned: 4 channels round-robin, no per-call deadline/metadata
//   connect     @connectrpc/connect-node speaking the gRPC protocol (h2) on both sides
//   grpc-js>connect / connect>grpc-js  interop: the two implementations talk to each other
//   node --import tsx scripts/bench-transports.ts [--seconds 5] [--trials 3] [--only undici,connect]
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ECHO_VARIANTS, type EchoVariant } from './transport-echo/variants.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    trials: { type: 'string', default: '3' },
    inflight: { type: 'string', default: '64' },
    only: { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const warmup = Number(values.warmup);
const trials = Number(values.trials);
const inflight = Number(values.inflight);
if (!(seconds > 0 && seconds <= 60)) throw new Error('--seconds must be in 0..60');
if (!(trials >= 1 && trials <= 20)) throw new Error('--trials must be in 1..20');
if (!(inflight >= 1 && inflight <= 1024)) throw new Error('--inflight must be in 1..1024');
const names = values.only ? values.only.split(',') : Object.keys(ECHO_VARIANTS);
for (const n of names) {
  if (!(n in ECHO_VARIANTS)) throw new Error(`unknown variant "${n}"; valid: ${Object.keys(ECHO_VARIANTS).join(', ')}`);
}

const worker = fileURLToPath(new URL('./transport-echo/worker.ts', import.meta.url));
const pinned = availableParallelism() >= 2;
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) if (c.pid) c.kill('SIGKILL');
});

function start(role: 'server' | 'client', cpu: string, args: string[]): ChildProcess {
  const nodeArgs = ['--import', 'tsx', worker, role, ...args];
  const child = pinned
    ? spawn('taskset', ['-c', cpu, process.execPath, ...nodeArgs], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    : fork(worker, [role, ...args], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code) => reject(new Error(`worker exited (code ${code})`)));
  });
}

interface ClientReport {
  calls: number;
  errors: number;
  seconds: number;
  clientCpuUs: number;
}

async function measure(name: string): Promise<{ rps: number; clientUs: number; serverUs: number; errors: number }> {
  const variant: EchoVariant = ECHO_VARIANTS[name]!;
  const server = start('server', '1', [variant.server]);
  try {
    const { port } = await nextMessage<{ port: number }>(server);
    const client = start('client', '0', [variant.client, String(port), String(inflight), String(warmup), String(seconds)]);
    // The client says when its measured window starts and ends; the server's CPU is read then.
    await nextMessage<'start'>(client);
    server.send('cpu');
    const cpu0 = await nextMessage<number>(server);
    const report = await nextMessage<ClientReport>(client);
    server.send('cpu');
    const cpu1 = await nextMessage<number>(server);
    await new Promise((r) => client.once('exit', r));
    return {
      rps: report.calls / report.seconds,
      clientUs: report.clientCpuUs / report.calls,
      serverUs: (cpu1 - cpu0) / report.calls,
      errors: report.errors,
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

console.log(`transport echo, ${inflight} in flight, ${warmup}s warm-up + ${seconds}s measured, ${trials} interleaved trials, ` +
  (pinned ? 'client on cpu 0, server on cpu 1 (taskset)' : 'not pinned (fewer than 2 cores)'));
const rows = new Map<string, { rps: number[]; clientUs: number[]; serverUs: number[]; errors: number }>();
for (let t = 1; t <= trials; t++) {
  for (const name of names) {
    const m = await measure(name);
    const row = rows.get(name) ?? { rps: [], clientUs: [], serverUs: [], errors: 0 };
    row.rps.push(m.rps);
    row.clientUs.push(m.clientUs);
    row.serverUs.push(m.serverUs);
    row.errors += m.errors;
    rows.set(name, row);
    console.log(`  trial ${t} ${name.padEnd(16)} ${m.rps.toFixed(0).padStart(7)} calls/s  client ${m.clientUs.toFixed(1)} us/call  server ${m.serverUs.toFixed(1)} us/call  errors ${m.errors}`);
  }
}
const base = rows.get(names[0]!)!;
console.log(`\nmedians (ratio to ${names[0]})`);
console.log('variant            calls/s   client us/call  server us/call  errors');
for (const [name, r] of rows) {
  console.log(
    `${name.padEnd(16)} ${median(r.rps).toFixed(0).padStart(9)} (${(median(r.rps) / median(base.rps)).toFixed(2)})` +
      `  ${median(r.clientUs).toFixed(1).padStart(8)}        ${median(r.serverUs).toFixed(1).padStart(8)}      ${r.errors}`,
  );
}
