// bench selftest: the measurement checked against ground truth (the calibration target).
import type { Command } from 'commander';
import { placeProcesses } from '../harness/placement.js';
import { runSelftest } from '../harness/selftest.js';
import { EXIT_FAILED, EXIT_OK } from '../common/errors.js';
import { intOption, secondsOption } from './options.js';
import { selftestText } from './selftest-report.js';
import { onInterrupt } from './signals.js';

interface SelftestFlags {
  duration: number;
  rate: number;
  connections: number;
  pin?: boolean;
}

export function registerSelftest(program: Command, setExit: (code: number) => void): void {
  program
    .command('selftest')
    .description('measure the calibration target (known latencies) and print truth, measured value and error per percentile')
    .option('-d, --duration <seconds>', 'measured window of each accuracy run, 2..300 s', secondsOption('--duration', 2, 300), 8)
    .option('--rate <n>', 'open-model arrivals per second, 10..5000', intOption('--rate', 10, 5000), 300)
    .option('-c, --connections <n>', 'closed-model connections, 1..256', intOption('--connections', 1, 256), 8)
    .option('--pin', 'generator and calibration server on separate cores (taskset)')
    .action(async (flags: SelftestFlags) => {
      const placement = placeProcesses(flags.pin === true);
      process.stderr.write(`placement: ${placement.description}\n`);
      const controller = new AbortController();
      const release = onInterrupt(controller);
      try {
        const report = await runSelftest({
          durationS: flags.duration,
          rate: flags.rate,
          vus: flags.connections,
          ...(placement.targetCpus ? { targetCpus: placement.targetCpus } : {}),
          signal: controller.signal,
          onProgress: (line) => process.stderr.write(`${line}\n`),
        });
        process.stdout.write(selftestText(report));
        setExit(report.passed && !controller.signal.aborted ? EXIT_OK : EXIT_FAILED);
      } finally {
        release();
      }
    });
}
