// bench serve <target>: one of our reference targets, verified by the conformance suite and
// seeded with a few users, kept up until Ctrl-C so people can poke it with curl, their own
// tools or k6. Prints the URL, a token and the seeded user.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { EXIT_FAILED, EXIT_OK } from '../common/errors.js';
import { seed } from '../runners/engine/http/seed.js';
import { runConformance } from '../targets/contracts/conformance.js';
import { addBrokerOptions, type BrokerFlags } from './broker-options.js';
import { brokerTargetOptions, storageTargetOptions } from '../harness/target-options.js';
import { intOption, oneTarget, secondsOption } from './options.js';
import { onInterrupt } from './signals.js';
import { addStorageOptions, type StorageFlags } from './storage-options.js';
import { addPlaybookOptions, playbookRequest, type PlaybookFlags } from './switch-flags.js';
import { playbookTargetOptions } from '../harness/switch-options.js';
import { effectiveAxes } from '../harness/effective-axes.js';

interface ServeFlags extends StorageFlags, BrokerFlags, PlaybookFlags {
  port?: number;
  host: string;
  users: number;
  readyTimeout: number;
}

/** The subject of a JWT, for printing; the harness does not verify its own token. */
function subjectOf(bearer: string): string | undefined {
  const payload = bearer.replace(/^Bearer /, '').split('.')[1];
  if (!payload) return undefined;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown };
  return typeof claims.sub === 'string' ? claims.sub : undefined;
}

export function registerServe(program: Command, setExit: (code: number) => void): void {
  addPlaybookOptions(addBrokerOptions(addStorageOptions(program.command('serve'))))
    .description('start one of our targets (verified and seeded) and keep it up until Ctrl-C, to load it with your own tools')
    .argument('<target>', 'a target name (see `bench list targets`), e.g. monolith-fastify')
    .option('--port <n>', 'port of its HTTP edge, 1..65535 (default: a free one)', intOption('--port', 1, 65535))
    .option('--host <addr>', 'interface it binds to', '127.0.0.1')
    .option('--users <n>', 'users to seed, 1..10000', intOption('--users', 1, 10000), 3)
    .option('--ready-timeout <duration>', 'time it may take to start, 1s..5m', secondsOption('--ready-timeout', 1, 300), 30)
    .action(async (name: string, flags: ServeFlags) => {
      const spec = oneTarget(name);
      const controller = new AbortController();
      const release = onInterrupt(controller);
      const dataDir = mkdtempSync(join(tmpdir(), `archbench-serve-${spec.name}-`));
      const base = { ...storageTargetOptions(flags), ...brokerTargetOptions(flags), ...(flags.port ? { port: flags.port } : {}) };
      try {
        const options = { ...base, ...(await playbookTargetOptions(playbookRequest(flags), [spec], base)) };
        const target = await spec.start({ dataDir, host: flags.host, signal: controller.signal, readyTimeoutMs: flags.readyTimeout * 1000, options });
        try {
          const axes = effectiveAxes(spec.axes, options);
          const report = await runConformance(target.url, { signal: controller.signal, ...(target.jwtSecret ? { jwtSecret: target.jwtSecret } : {}), graphql: axes.graphqlLoader !== undefined });
          if (!report.passed) {
            const failed = report.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail ?? 'failed'}`);
            throw new Error(`${spec.name} does not conform to the API contract:\n  ${failed.join('\n  ')}`);
          }
          const runId = `serve${Date.now().toString(36)}`;
          const data = await seed(target.url, { users: flags.users, invoicesPerUser: 1 }, runId, controller.signal);
          const sub = subjectOf(data.authorization);
          process.stdout.write(
            [
              `${spec.name} is up at ${target.url} (conformance: ${report.checks.length} checks passed)`,
              `token (subject ${sub ?? '?'}; expires in 15 min):`,
              `  ${data.authorization}`,
              `seeded user: ${data.userIds[0]} (seed-${runId}-0@example.test), ${data.userIds.length} users, ${data.invoiceIds.length} invoices`,
              `try: curl -s ${target.url}/users/${data.userIds[0]}`,
              'Ctrl-C stops it.',
              '',
            ].join('\n'),
          );
          const crashed = target.exited.then((e) => `${e.process} exited (code ${e.code}, signal ${e.signal})\n${target.stderrTail().slice(-15).join('\n')}`);
          const stopped = new Promise<void>((resolve) => controller.signal.addEventListener('abort', () => resolve(), { once: true }));
          // Our children are unref'd (a run must not wait for them): something has to keep us up.
          const keepAlive = setInterval(() => undefined, 60_000);
          const why = await Promise.race([crashed, stopped]).finally(() => clearInterval(keepAlive));
          if (typeof why === 'string') {
            process.stderr.write(`error: ${why}\n`);
            setExit(EXIT_FAILED);
          } else {
            setExit(EXIT_OK);
          }
        } finally {
          await target.stop();
        }
      } finally {
        release();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
}
