// bench verify: the conformance suite against targets, check by check (TechEmpower's idea:
// one spec verified against every implementation before any load).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { assertLoopback } from '../common/loopback.js';
import { selectTargets, TargetSelectionError, targets as catalog } from '../targets/catalog.js';
import { runConformance } from '../targets/contracts/conformance.js';
import { externalTarget } from '../targets/external.js';
import type { TargetSpec } from '../targets/target.js';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../common/errors.js';
import { collect, listOption, secondsOption } from './options.js';
import { onInterrupt } from './signals.js';
import { addStorageOptions, type StorageFlags } from './storage-options.js';
import { addBrokerOptions, type BrokerFlags } from './broker-options.js';
import { brokerTargetOptions, storageTargetOptions } from '../harness/target-options.js';
import { TargetUnavailableError } from '../targets/target.js';

interface VerifyFlags extends StorageFlags, BrokerFlags {
  targets?: string[];
  where?: string[];
  url?: string;
  allowRemote?: boolean;
  readyTimeout: number;
  host: string;
}

export function registerVerify(program: Command, setExit: (code: number) => void): void {
  addBrokerOptions(addStorageOptions(program.command('verify')))
    .description('run the API conformance suite against targets and print every check')
    .option('-t, --targets <names>', 'targets or globs, comma-separated (default: every non-reference target)', listOption)
    .option('--where <axis=value>', 'keep targets whose axis has this value (repeatable)', collect)
    .option('--url <url>', 'verify your own running service instead')
    .option('--allow-remote', 'allow a non-loopback --url')
    .option('--host <addr>', 'interface our targets bind to', '127.0.0.1')
    .option('--ready-timeout <seconds>', 'time a target may take to start, 1..300 s', secondsOption('--ready-timeout', 1, 300), 30)
    .action(async (flags: VerifyFlags) => {
      let specs: TargetSpec[];
      try {
        specs = flags.url
          ? [externalTarget(flags.url)]
          : flags.targets || flags.where
            ? selectTargets(flags.targets ?? ['*'], flags.where ?? [])
            : catalog.filter((t) => !t.reference);
      } catch (err) {
        if (err instanceof TargetSelectionError || err instanceof TypeError) throw new UsageError(err.message);
        throw err;
      }
      // The conformance suite speaks the public HTTP API; a gRPC endpoint has nothing to answer it.
      const grpcOnly = specs.filter((t) => t.protocol === 'grpc');
      if (grpcOnly.length) {
        throw new UsageError(`${grpcOnly.map((t) => t.name).join(', ')} serve gRPC, not the public HTTP API: the conformance suite cannot run on them (their transport is verified through the micro-grpc-* targets)`);
      }
      const options = { ...storageTargetOptions(flags), ...brokerTargetOptions(flags) };
      const controller = new AbortController();
      const release = onInterrupt(controller);
      let failures = 0;
      try {
        for (const spec of specs) {
          if (controller.signal.aborted) break;
          const dataDir = mkdtempSync(join(tmpdir(), `archbench-verify-${spec.name}-`));
          try {
            const t = await spec.start({ dataDir, host: flags.host, signal: controller.signal, readyTimeoutMs: flags.readyTimeout * 1000, options });
            try {
              await assertLoopback(t.url, flags.allowRemote === true);
              const report = await runConformance(t.url, { signal: controller.signal, ...(t.jwtSecret ? { jwtSecret: t.jwtSecret } : {}) });
              const failed = report.checks.filter((c) => !c.ok).length;
              process.stdout.write(`${spec.name}: ${report.passed ? 'PASS' : 'FAIL'} (${report.checks.length - failed}/${report.checks.length} checks)\n`);
              for (const c of report.checks) {
                process.stdout.write(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}${c.detail && !c.ok ? `: ${c.detail}` : ''}\n`);
              }
              if (!report.passed) failures++;
            } finally {
              await t.stop();
            }
          } catch (err) {
            // An absent broker skips its targets with one line; the others are still verified.
            if (err instanceof TargetUnavailableError) {
              process.stdout.write(`${spec.name}: SKIPPED (${err.message})\n`);
              continue;
            }
            failures++;
            process.stdout.write(`${spec.name}: FAIL (${err instanceof Error ? err.message : String(err)})\n`);
          } finally {
            rmSync(dataDir, { recursive: true, force: true });
          }
        }
      } finally {
        release();
      }
      setExit(failures === 0 && !controller.signal.aborted ? EXIT_OK : EXIT_FAILED);
    });
}
