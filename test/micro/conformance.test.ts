// Every micro target in the catalog, started the way the harness starts it, passes the same
// conformance suite as the monolith; with --replicas 2 too. Its RunningTarget covers every
// process of the topology and stopping it leaves none behind.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targets } from '../../targets/catalog.js';
import { runConformance } from '../../targets/contracts/conformance.js';
import type { RunningTarget, TargetOptions, TargetSpec } from '../../targets/target.js';
import { isAlive } from '../helpers/cli.js';
import { tempDir } from '../targets/fixtures.js';

// The direct-transport topologies (broker transports have their own tests; svc-* are single-service references).
const micro = targets.filter((t) => /^micro-(rest|grpc)-/.test(t.name));

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

const byName = (n: string) => micro.find((t) => t.name === n)!;
const cases: Array<[string, TargetSpec, TargetOptions]> = [
  ...micro.map((t): [string, TargetSpec, TargetOptions] => [t.name, t, {}]),
  ['micro-rest-fastify --replicas 2', byName('micro-rest-fastify'), { replicas: 2 }],
  ['micro-grpc-express --replicas 2', byName('micro-grpc-express'), { replicas: 2 }],
  // The real local server (127.0.0.1:5432, database test): each service its own schema.
  ['micro-grpc-fastify --storage postgres --replicas 2', byName('micro-grpc-fastify'), { storage: 'postgres', replicas: 2 }],
];

it('the catalog has micro-{rest,grpc}-{fastify,express}', () => {
  expect(micro.map((t) => t.name).sort()).toEqual(['micro-grpc-express', 'micro-grpc-fastify', 'micro-rest-express', 'micro-rest-fastify']);
  for (const t of micro) expect(t.axes).toMatchObject({ topology: 'micro', lifecycle: 'persistent', replicas: 1 });
});

describe.each(cases)('%s', (_label, spec, options) => {
  const replicas = options.replicas ?? 1;
  const dir = tempDir('archbench-micro-');
  const abort = new AbortController();
  let target: (RunningTarget & { jwtSecret?: string }) | undefined;
  let pids: number[] = [];

  beforeAll(async () => {
    target = await spec.start({ dataDir: dir.path, host: '127.0.0.1', signal: abort.signal, readyTimeoutMs: 30_000, options });
    pids = target.pids();
  });

  afterAll(async () => {
    await target?.stop();
    abort.abort();
    dir.remove();
  });

  it('runs a gateway plus N users and N billing processes, all in pids()', () => {
    expect(pids).toHaveLength(1 + 2 * replicas);
    const cmds = pids.map(cmdline);
    expect(cmds.filter((c) => c.includes('services/users/main')).length).toBe(replicas);
    expect(cmds.filter((c) => c.includes('services/billing/main')).length).toBe(replicas);
    expect(cmds.filter((c) => c.includes('services/gateway/main')).length).toBe(1);
  });

  it('passes the conformance suite', async () => {
    const report = await runConformance(target!.url, { jwtSecret: target!.jwtSecret! });
    const failed = report.checks.filter((c) => !c.ok);
    expect(failed).toEqual([]);
    expect(report.passed).toBe(true);
  });

  it('stop() ends every process of the topology', async () => {
    await target!.stop();
    expect(pids.filter(isAlive)).toEqual([]);
  });
});
