// The `bench` command: one file per subcommand; this file only wires them and maps
// errors to exit codes (0 ok, 1 run failed or gate regressed, 2 usage error).
import { Command, CommanderError } from 'commander';
import { packageVersion } from '../harness/env.js';
import { EXIT_OK, EXIT_USAGE, exitCodeOf } from '../common/errors.js';
type Register = (program: Command, setExit: (code: number) => void) => void;

// The one registry of subcommands, in help order. Each is imported only when it is the command
// being run (all of them for help or an unknown name): loading every command's dependencies cost
// 1.7 s and 100 MB before `bench --version` could answer.
const COMMANDS: ReadonlyArray<[string, () => Promise<Register>]> = [
  ['run', async () => (await import('./run.js')).registerRun],
  ['list', async () => (await import('./list.js')).registerList],
  ['verify', async () => (await import('./verify.js')).registerVerify],
  ['selftest', async () => (await import('./selftest.js')).registerSelftest],
  ['calibration-server', async () => (await import('./calibration-server.js')).registerCalibrationServer],
  ['compare', async () => (await import('./compare.js')).registerCompare],
  ['report', async () => (await import('./report.js')).registerReport],
  ['gate-check', async () => (await import('./gate-check.js')).registerGateCheck],
  ['profile', async () => (await import('./profile.js')).registerProfile],
  ['ab', async () => (await import('./ab.js')).registerAb],
  ['serve', async () => (await import('./serve.js')).registerServe],
  ['merge', async () => (await import('./merge.js')).registerMerge],
  ['publish', async () => (await import('./publish.js')).registerPublish],
  ['export', async () => (await import('./export.js')).registerExport],
  ['import', async () => (await import('./import.js')).registerImport],
];

/** The program with the subcommand `argv` names registered, or every one when it names none. */
export async function buildProgram(setExit: (code: number) => void, argv: readonly string[] = []): Promise<Command> {
  const program = new Command('bench')
    .description('archbench: what an architecture costs in latency, throughput and CPU')
    .version(packageVersion())
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const named = COMMANDS.filter(([name]) => name === argv[2]);
  for (const [, load] of named.length ? named : COMMANDS) (await load())(program, setExit);
  for (const c of program.commands) c.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  let code = EXIT_OK;
  try {
    const program = await buildProgram((c) => (code = c), argv);
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
