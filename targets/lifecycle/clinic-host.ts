// Wrapper process (lifecycle/wrap.ts) that runs one service under clinic doctor or clinic flame:
//   node clinic-host.js <doctor|flame> <output folder> <service name> -- <node> <args...>
// It uses clinic's programmatic packages (@clinic/doctor, @clinic/flame) with their collect
// step only; the harness renders the HTML after the run (cli/profilers/clinic.ts). The `clinic`
// CLI would add an update check, an Insight prompt that needs NO_INSIGHT=1 without a terminal,
// and three tools we do not use.
//
// How clinic is fitted in:
// - clinic spawns the service itself (stdio inherited, doctor's sampler in NODE_OPTIONS; 0x
//   adds --prof and its own pipes) and gives it no IPC channel. ipcOnNextSpawn() appends one
//   to that one spawn, and relayIpc() forwards ready, peer addresses and stats requests.
// - Each service runs in a scratch folder of its own: doctor collects node's trace-event files
//   from the current folder (and refuses to start if any are there) and 0x writes its V8 log
//   there, so two services side by side would mix or block each other.
// - Stop: the harness's SIGTERM reaches the whole group. The service shuts down and exits;
//   clinic then moves its data into <output>/<service>.clinic-<tool>/ (flame first turns the V8
//   log into samples, which takes a moment), and only then does this process exit, with the
//   service's exit code. spawnService waits `stopGraceMs` for that before SIGKILL.
import childProcess, { type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileSafe, parseWrapperArgv, relayIpc } from './wrap.js';

const TOOLS = ['doctor', 'flame'];

interface ClinicCollector {
  collect(args: string[], callback: (err: Error | null, dir: string) => void): void;
}
type ClinicConstructor = new (settings: { dest: string; name: string }) => ClinicCollector;

/** Append an IPC channel to the next child_process.spawn() call (clinic's spawn of the service). */
function ipcOnNextSpawn(onChild: (child: ChildProcess) => void): void {
  const original = childProcess.spawn;
  let armed = true;
  const patched = function (this: unknown, file: string, args: readonly string[], options: SpawnOptions = {}) {
    if (!armed) return original.call(this, file, args, options);
    armed = false;
    const stdio = Array.isArray(options.stdio) ? options.stdio : ['inherit', 'inherit', 'inherit'];
    const child = original.call(this, file, args, { ...options, stdio: [...stdio, 'ipc'] as SpawnOptions['stdio'] });
    onChild(child);
    return child;
  };
  // clinic is CommonJS: its require('child_process') is this same exports object.
  childProcess.spawn = patched as unknown as typeof childProcess.spawn;
}

/** `--import tsx` resolves from the current folder, which we change: make such specifiers absolute first. */
function absoluteImports(command: string[]): string[] {
  return command.map((arg, i) =>
    i > 0 && (command[i - 1] === '--import' || command[i - 1] === '--loader') && !/^[./]|^[a-z]+:/i.test(arg) ? import.meta.resolve(arg) : arg,
  );
}

function main(): void {
  const { args, service, command } = parseWrapperArgv(process.argv.slice(2));
  const [tool, outDir] = args;
  if (!tool || !TOOLS.includes(tool) || !outDir) throw new Error(`clinic-host: expected <${TOOLS.join('|')}> <output folder>, got ${JSON.stringify(args)}`);
  let name = fileSafe(service);
  if (existsSync(join(outDir, `${name}.clinic-${tool}`))) name = `${name}-${process.pid}`;
  const scratchRoot = join(outDir, '.work');
  mkdirSync(scratchRoot, { recursive: true });
  const scratch = mkdtempSync(join(scratchRoot, `${name}-`));
  const serviceCommand = absoluteImports(command);
  process.chdir(scratch);

  let serviceExit = 1;
  ipcOnNextSpawn((child) => {
    relayIpc(child);
    child.once('exit', (code) => (serviceExit = code ?? 1));
  });
  // Loaded after the patch: clinic takes `spawn` from child_process when it is loaded.
  const Clinic = createRequire(import.meta.url)(`@clinic/${tool}`) as ClinicConstructor;
  new Clinic({ dest: outDir, name }).collect(serviceCommand, (err) => {
    process.chdir(outDir);
    rmSync(scratch, { recursive: true, force: true });
    if (err) {
      console.error(`clinic ${tool} could not collect ${service}: ${err.message}`);
      process.exit(1);
    }
    process.exit(serviceExit);
  });
}

main();
