// bench selftest: the measurement checked against ground truth (the calibration target).
import type { Command } from 'commander';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../common/errors.js';
import { placeProcesses } from '../harness/placement.js';
import { DEFAULT_CONNECTIONS, DEFAULT_RATES, SELFTEST_LATENCY, runSelftest } from '../harness/selftest.js';
import { selftestText } from '../reports/selftest.js';
import { listOption, secondsOption } from './options.js';
import { onInterrupt } from './signals.js';

interface SelftestFlags {
  duration: number;
  rates: number[];
  connections: number[];
  latency: string;
  pin?: boolean;
}

/** A comma-separated list of whole numbers in [min, max]. */
function numbersOption(name: string, min: number, max: number) {
  return (raw: string): number[] => {
    const list = listOption(raw).map(Number);
    if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n < min || n > max)) {
      throw new UsageError(`invalid ${name} "${raw}": expected whole numbers from ${min} to ${max}, comma-separated`);
    }
    return list;
  };
}

export function registerSelftest(program: Command, setExit: (code: number) => void): void {
  program
    .command('selftest')
    .description('measure the calibration target (known latencies), open and closed, with wrk and autocannon beside the engine; print truth, measured value and error per percentile')
    .option('-d, --duration <duration>', 'measured window of each accuracy case, 2s..5m', secondsOption('--duration', 2, 300), 5)
    .option('--rates <list>', `open-model arrival rates per second, 1..50000 (default ${DEFAULT_RATES.join(',')})`, numbersOption('--rates', 1, 50_000), DEFAULT_RATES)
    .option('-c, --connections <list>', `closed-model connection counts, 1..256 (default ${DEFAULT_CONNECTIONS.join(',')})`, numbersOption('--connections', 1, 256), DEFAULT_CONNECTIONS)
    .option('--latency <mix>', 'the calibration mixture, PERCENT%:DURATION,... (keep every checked percentile inside a class)', SELFTEST_LATENCY)
    .option('--pin', 'generator and calibration server on separate cores (taskset)')
    .action(async (flags: SelftestFlags) => {
      const placement = placeProcesses(flags.pin === true);
      process.stderr.write(`placement: ${placement.description}\n`);
      const controller = new AbortController();
      const release = onInterrupt(controller);
      try {
        const report = await runSelftest({
          durationS: flags.duration,
          rates: flags.rates,
          connections: flags.connections,
          latency: flags.latency,
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
