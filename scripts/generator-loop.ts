// The open runner's closed executor alone, without the harness: for profiling the generator's
// per-request CPU (`node --cpu-prof`) and quick A/B runs of its transports against any server.
//   taskset -c 0 node --import tsx --cpu-prof scripts/generator-loop.ts --url http://127.0.0.1:8080 --seconds 5
// ARCHBENCH_HTTP_TRANSPORT=undici|h1 picks the transport (default: h1 for http://).
// --mix static: one fixed GET (what bench-generator.sh sends); dynamic: a GET with a random id
// in the path, a GET with an authorization header and a POST with a fresh JSON body per request.
import { parseArgs } from 'node:util';
import { defineScenario, type Scenario } from '../scenarios/define.js';
import { createInvoice, getUser, listInvoices } from '../scenarios/requests.js';
import { requestContext } from '../runners/engine/context.js';
import { openShareSession, runShare } from '../runners/engine/engine.js';
import type { ExecutorConfig } from '../scenarios/executor.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '32' },
    mix: { type: 'string', default: 'static' },
  },
});
if (!values.url) throw new Error('--url is required');
const seconds = Number(values.seconds);
const vus = Number(values.connections);
const executor: ExecutorConfig = { type: 'constant-vus', vus, duration: `${seconds}s` };

const scenarios: Record<string, Scenario> = {
  static: defineScenario({ name: 'static', requests: [{ name: 'GET /', weight: 1, request: () => ({ method: 'GET', path: '/' }) }], executor }),
  dynamic: defineScenario({ name: 'dynamic', requests: [getUser(6), listInvoices(3), createInvoice(1)], executor }),
};
const scenario = scenarios[values.mix!];
if (!scenario) throw new Error(`--mix must be one of ${Object.keys(scenarios).join(', ')}`);
const ids = Array.from({ length: 1000 }, (_, i) => `u${i.toString(36).padStart(8, '0')}`);
const context = // A placeholder token per user: the generator's cost is measured, the answers are not checked.
const fakeToken = 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x';
const context = requestContext(
  { userIds: ids, invoiceIds: ids, authorization: fakeToken, authorizations: ids.map(() => fakeToken), invoiceOwners: ids.map((_, i) => i) },
  'gl',
);

const session = await openShareSession({ url: values.url, executor, scenario, context, timeoutMs: 10_000, allowRemote: false, index: 0, count: 1 });
const cpu0 = process.cpuUsage();
const out = await runShare({ executor, session, index: 0, count: 1 }, new AbortController().signal);
const cpu = process.cpuUsage(cpu0);
const s = out.recorder.finish(out.durationMs);
const rps = s.requests / (out.durationMs / 1000);
const cpuUsPerReq = (cpu.user + cpu.system) / Math.max(1, s.requests);
console.log(
  `mix ${values.mix} c=${vus}: ${rps.toFixed(0)} req/s, ${s.ok} ok, ${s.errors} errors ${JSON.stringify(s.errorsByKind)}, ` +
    `p50 ${(s.histogram.getValueAtPercentile(50) / 1000).toFixed(3)} ms, CPU ${cpuUsPerReq.toFixed(2)} us/req`,
);
