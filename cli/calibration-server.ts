// bench calibration-server: the calibration target in the foreground, to be loaded by --url
// (by this tool or any other: wrk, k6, autocannon) and compared with the known truth.
import type { Command } from 'commander';
import { DEFAULT_LATENCY, parseLatency, parseStall, type CalibrationSpec } from '../targets/calibration/latency-spec.js';
import { STATS_PATH, startCalibrationServer } from '../targets/calibration/server.js';
import { intOption } from './options.js';

interface ServerFlags {
  latency: string;
  stall?: string;
  host: string;
  port: number;
}

export function registerCalibrationServer(program: Command): void {
  program
    .command('calibration-server')
    .description('serve a known latency distribution (for --url and for other tools), until Ctrl-C')
    .option('--latency <mix>', 'delay mixture, PERCENT%:DURATION,... adding up to 100%', DEFAULT_LATENCY)
    .option('--stall <d@t>', 'freeze every response for d, t after the first request (e.g. 1s@3s)')
    .option('--host <addr>', 'interface to bind', '127.0.0.1')
    .option('--port <n>', 'port, 0..65535 (0 picks a free one)', intOption('--port', 0, 65535), 0)
    .action(async (flags: ServerFlags) => {
      const spec: CalibrationSpec = { latency: parseLatency(flags.latency), ...(flags.stall ? { stall: parseStall(flags.stall) } : {}) };
      const server = await startCalibrationServer(spec, { host: flags.host, port: flags.port });
      process.stdout.write(`calibration server on ${server.url} (${flags.latency}${flags.stall ? `, stall ${flags.stall}` : ''}); its own timing: ${server.url}${STATS_PATH}\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await server.close();
    });
}
