// Where does one request's CPU go? Starts each target with `--cpu-prof` in every process,
// drives GET /users/:id (or another path) for a few seconds, stops it (the profiles are written
// on exit), then charges the sampled CPU to packages (fastify, undici, @grpc/grpc-js, zod,
// better-sqlite3 ...), our own folders, node internals and GC, in microseconds per request.
//   node --import tsx scripts/profile-request.ts --targets monolith-fastify,micro-grpc-fastify [--seconds 5]
import autocannon from 'autocannon';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type * as Catalog from '../targets/catalog.js';

// The built catalog when there is one: its targets then spawn compiled .js, as `bench run` does,
// instead of .ts through the tsx loader (whose hooks would show up in the profiles).
const built = new URL('../dist/targets/catalog.js', import.meta.url);
const { findTarget, targets } = (await import(existsSync(built) ? built.href : '../targets/catalog.js')) as typeof Catalog;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const { values } = parseArgs({
  options: {
    targets: { type: 'string', default: 'monolith-fastify,monolith-fastify-boot,micro-rest-fastify,micro-grpc-fastify' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '16' },
    top: { type: 'string', default: '12' },
  },
});
const seconds = Number(values.seconds);
if (!(seconds >= 1 && seconds <= 60)) throw new Error('--seconds must be in 1..60');
const names = values.targets!.split(',');
for (const n of names) if (!findTarget(n)) throw new Error(`unknown target "${n}"; valid: ${targets.map((t) => t.name).join(', ')}`);

/** The bucket a frame's self time is charged to. */
function category(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : `native ${fn || '(anonymous)'}`;
  const nm = url.lastIndexOf('node_modules/');
  if (nm !== -1) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) {
    const parts = url.slice(5).split('/');
    return `node:${parts[0] === 'internal' && parts.length > 1 ? `internal/${parts[1]}` : parts[0]}`;
  }
  const ours = /\/(targets|harness|runners|reports)\/([^/]+)\//.exec(url);
  if (ours) return `ours: ${ours[1]}/${ours[2]}`;
  return url.replace(/^file:\/\//, '');
}

/**
 * Self time in microseconds per bucket, from the sample stream, counting only samples inside
 * the load window. The window is placed from the profile's end (the process exit, which
 * target.stop() awaited): [end - sinceStart, end - sinceEnd]. Start-up and seeding fall outside.
 */
function selfTimeUs(p: CpuProfile, sinceStartUs: number, sinceEndUs: number): Map<string, number> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>();
  const from = p.endTime - sinceStartUs;
  const to = p.endTime - sinceEndUs;
  let t = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i] ?? 0;
    if (t < from || t > to) continue;
    const node = byId.get(p.samples[i]!)!;
    const dt = p.timeDeltas[i + 1] ?? 0;
    const key = category(node.callFrame.url, node.callFrame.functionName);
    if (key === '(idle)') continue;
    out.set(key, (out.get(key) ?? 0) + dt);
  }
  return out;
}

async function profile(name: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `archbench-prof-${name}-`));
  const profDir = join(dir, 'profiles');
  const abort = new AbortController();
  const target = await findTarget(name)!.start({
    dataDir: dir,
    host: '127.0.0.1',
    signal: abort.signal,
    readyTimeoutMs: 60_000,
    options: { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--cpu-prof-interval=200'] },
  });
  let requests = 0;
  let loadStart = 0;
  let loadEnd = 0;
  try {
    const res = await fetch(`${target.url}/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Profiled', email: `profiled-${Date.now()}@example.com`, password: 'profiled-password' }),
    });
    const user = (await res.json()) as { id: string };
    loadStart = performance.now();
    const result = await autocannon({ url: `${target.url}/users/${user.id}`, connections: Number(values.connections), duration: seconds });
    loadEnd = performance.now();
    requests = result.requests.total;
    console.log(`\n${name}: GET /users/:id, ${requests} requests in ${seconds}s (${result.requests.average.toFixed(0)} req/s), non-2xx ${result.non2xx}`);
  } finally {
    await target.stop();
    abort.abort();
  }
  const stopped = performance.now();
  const files = readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile'));
  const totals = new Map<string, number>();
  let all = 0;
  for (const f of files) {
    const prof = JSON.parse(readFileSync(join(profDir, f), 'utf8')) as CpuProfile;
    for (const [k, us] of selfTimeUs(prof, (stopped - loadStart) * 1000, (stopped - loadEnd) * 1000)) {
      totals.set(k, (totals.get(k) ?? 0) + us);
      all += us;
    }
  }
  console.log(`  ${files.length} process profiles, ${(all / Math.max(requests, 1)).toFixed(0)} us sampled CPU per request (load window only)`);
  const top = [...totals].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top));
  for (const [k, us] of top) console.log(`  ${(us / Math.max(requests, 1)).toFixed(1).padStart(8)} us/req  ${((100 * us) / all).toFixed(1).padStart(5)}%  ${k}`);
  rmSync(dir, { recursive: true, force: true });
}

for (const n of names) await profile(n);
