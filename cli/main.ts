// The `bench` command: one file per subcommand; this file only wires them and maps
// errors to exit codes (0 ok, 1 run failed or gate regressed, 2 usage error).
import { Command, CommanderError } from 'commander';
import { packageVersion } from '../harness/env.js';
import { EXIT_OK, EXIT_USAGE, exitCodeOf } from '../common/errors.js';
import { registerAb } from './ab.js';
import { registerCompare } from './compare.js';
import { registerExport } from './export.js';
import { registerGateCheck } from './gate-check.js';
import { registerImport } from './import.js';
import { registerCalibrationServer } from './calibration-server.js';
import { registerList } from './list.js';
import { registerMerge } from './merge.js';
import { registerProfile } from './profile.js';
import { registerPublish } from './publish.js';
import { registerReport } from './report.js';
import { registerRun } from './run.js';
import { registerSelftest } from './selftest.js';
import { registerServe } from './serve.js';
import { registerVerify } from './verify.js';

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('bench')
    .description('archbench: what an architecture costs in latency, throughput and CPU')
    .version(packageVersion())
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerRun(program, setExit);
  registerList(program);
  registerVerify(program, setExit);
  registerSelftest(program, setExit);
  registerCalibrationServer(program);
  registerCompare(program, setExit);
  registerReport(program);
  registerGateCheck(program, setExit);
  registerProfile(program, setExit);
  registerAb(program, setExit);
  registerServe(program, setExit);
  registerMerge(program, setExit);
  registerPublish(program);
  registerExport(program);
  registerImport(program, setExit);
  for (const c of program.commands) c.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version are not errors.
      if (err.exitCode === 0) return EXIT_OK;
      return EXIT_USAGE;
    }
    // The one place where an error becomes an exit code (common/errors.ts lists the usage codes).
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    return exitCodeOf(err);
  }
}
