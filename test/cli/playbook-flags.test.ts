// The playbook switches on `bench serve`, `bench profile` and `bench gate-check`: the same flags
// and the same validation as `bench run` (one parser, cli/switch-flags.ts), and a served target
// really carries them.
import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import { BIN, ROOT, benchSync, waitFor } from '../helpers/cli.js';

it.each([
  [['serve', 'monolith-fastify-boot', '--graphql-loader', 'on'], /--graphql-loader applies to persistent monolith and micro targets .*monolith-fastify-boot has the boot lifecycle/],
  [['profile', 'smoke', '-t', 'monolith-express-process', '--tick', '100ms:5ms'], /--tick\/--tick-in apply to persistent monolith and micro targets; monolith-express-process/],
  [['gate-check', 'smoke', '-t', 'monolith-fastify-boot', '--plant-leak'], /--plant-leak plants state in a container that lives across requests; monolith-fastify-boot/],
  [['gate-check', 'smoke', '-t', 'monolith-fastify', '--throttle', 'fast'], /invalid --throttle "fast": expected N\/S/],
  [['serve', 'monolith-fastify', '--cache', 'disk'], /invalid --cache "disk": expected one of none, memory, redis/],
])('bench %j: exit 2 naming the switch', (args, message) => {
  const r = benchSync(args);
  expect(r.stderr).toMatch(message);
  expect(r.code).toBe(2);
});

it('bench serve micro-rest-fastify --graphql-loader on --cache memory: verified with the GraphQL checks, serves POST /graphql', async () => {
  const child = spawn(process.execPath, [BIN, 'serve', 'micro-rest-fastify', '--graphql-loader', 'on', '--cache', 'memory'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c));
  child.stderr.on('data', (c: Buffer) => (stderr += c));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  try {
    expect(await waitFor(() => /Ctrl-C stops it/.test(stdout) || child.exitCode !== null, 60_000, 100), stderr).toBe(true);
    const url = /is up at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
    expect(url, stderr).toBeDefined();
    const userId = /seeded user: (\S+)/.exec(stdout)![1]!;
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ user(id: "${userId}") { id } }` }) });
    expect(await res.json()).toEqual({ data: { user: { id: userId } } });
  } finally {
    child.kill('SIGINT');
  }
  expect(await exited).toBe(0);
}, 90_000);
