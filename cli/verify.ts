// bench verify: flags in, the conformance suite run by the harness (harness/verify.ts), every
// check printed.
import type { Command } from 'commander';
import { EXIT_FAILED, EXIT_OK } from '../common/errors.js';
import { DEFAULTS } from '../harness/plan.js';
import { planVerify, verifyTargets, type VerifyOutcome } from '../harness/verify.js';
import { collect, listOption, secondsOption } from './options.js';
import { onInterrupt } from './signals.js';
import { addStorageOptions, type StorageFlags } from './storage-options.js';
import { addBrokerOptions, type BrokerFlags } from './broker-options.js';
import { addSwitchOptions, switchRequest, type SwitchFlags } from './switch-flags.js';

interface VerifyFlags extends StorageFlags, BrokerFlags, SwitchFlags {
  state?: boolean;
  targets?: string[];
  where?: string[];
  url?: string;
  allowRemote?: boolean;
  readyTimeout: number;
  host: string;
}

export function registerVerify(program: Command, setExit: (code: number) => void): void {
  addSwitchOptions(addBrokerOptions(addStorageOptions(program.command('verify'))))
    .description('run the API conformance suite against targets and print every check')
    .option('-t, --targets <names>', 'targets or globs, comma-separated (default: every non-reference target)', listOption)
    .option('--where <axis=value>', 'keep targets whose axis has this value (repeatable)', collect)
    .option('--url <url>', 'verify your own running service instead')
    .option('--state', "also interleave two users' requests on persistent targets: fails when an answer carries the other user's identity or data")
    .option('--allow-remote', 'allow a non-loopback --url')
    .option('--host <addr>', 'interface our targets bind to', DEFAULTS.host)
    .option('--ready-timeout <duration>', 'time a target may take to start, 1s..5m', secondsOption('--ready-timeout', 1, 300), DEFAULTS.readyTimeoutS)
    .action(async (flags: VerifyFlags) => {
      const plan = await planVerify({ ...flags, ...switchRequest(flags), readyTimeoutS: flags.readyTimeout });
      const controller = new AbortController();
      const release = onInterrupt(controller);
      let outcomes;
      try {
        outcomes = await verifyTargets(plan, controller.signal, (o) => process.stdout.write(verifyText(o)));
      } finally {
        release();
      }
      const failures = outcomes.filter((o) => o.kind === 'error' || (o.kind === 'report' && !o.report.passed)).length;
      setExit(failures === 0 && !controller.signal.aborted ? EXIT_OK : EXIT_FAILED);
    });
}

function verifyText(o: VerifyOutcome): string {
  if (o.kind === 'skipped') return `${o.target}: SKIPPED (${o.reason})\n`;
  if (o.kind === 'error') return `${o.target}: FAIL (${o.message})\n`;
  const { report } = o;
  const failed = report.checks.filter((c) => !c.ok).length;
  const lines = [`${o.target}: ${report.passed ? 'PASS' : 'FAIL'} (${report.checks.length - failed}/${report.checks.length} checks)`];
  for (const c of report.checks) lines.push(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}${c.detail && !c.ok ? `: ${c.detail}` : ''}`);
  return lines.join('\n') + '\n';
}
