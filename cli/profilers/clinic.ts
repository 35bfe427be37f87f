// clinic doctor and clinic flame. Every service process of the target runs inside a clinic host
// (targets/lifecycle/clinic-host.ts), which collects <service>.clinic-<tool>/ in the profile
// folder; after the run, clinic renders each one to <service>.clinic-<tool>.html next to it,
// offline, in 1 to 3 s. Those HTML files are what the report links.
import { readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { childEntry } from '../../common/module-entry.js';
import type { Profiler } from './profiler.js';

type ClinicTool = 'doctor' | 'flame';

const DESCRIPTIONS: Record<ClinicTool, string> = {
  doctor: "clinic doctor: CPU, memory, event-loop delay and active handles over time, with clinic's diagnosis; one HTML per service process",
  flame: 'clinic flame: flame graph of where CPU time goes (V8 ticks through 0x); one HTML per service process',
};

// How long a host may take to write its data after SIGTERM: doctor moves one trace-event file;
// flame first turns the whole V8 tick log into samples, about 1 s per 10 s of load.
const STOP_GRACE_MS: Record<ClinicTool, number> = { doctor: 30_000, flame: 120_000 };

interface ClinicVisualizer {
  visualize(dataDir: string, outputFile: string, callback: (err: Error | null) => void): void;
}

/** clinic's own HTML for one data folder; written to a temporary name first (a failed render leaves half a page). */
async function render(tool: ClinicTool, dataDir: string, html: string): Promise<void> {
  // Loaded only here: @clinic/doctor pulls in TensorFlow.js.
  const Clinic = createRequire(import.meta.url)(`@clinic/${tool}`) as new () => ClinicVisualizer;
  const partial = `${html}.partial`;
  try {
    await new Promise<void>((resolve, reject) => new Clinic().visualize(dataDir, partial, (err) => (err ? reject(err) : resolve())));
    renameSync(partial, html);
  } finally {
    rmSync(partial, { force: true });
  }
}

function dataFolders(dir: string, tool: ClinicTool): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith(`.clinic-${tool}`) && statSync(join(dir, f)).isDirectory())
      .sort();
  } catch {
    return [];
  }
}

export function clinicProfiler(tool: ClinicTool): Profiler {
  return {
    describe: DESCRIPTIONS[tool],
    refuses(spec) {
      if (spec.axes.workers > 1) {
        return `clinic ${tool} cannot profile ${spec.name}: clinic refuses node:cluster workers (its preload throws on fork); use --tool cpu-prof`;
      }
      if (spec.axes.lifecycle === 'process') {
        return `clinic ${tool} cannot profile ${spec.name}: its per-request processes would inherit clinic's preloads; use --tool cpu-prof`;
      }
      return undefined;
    },
    targetOptions: (dir) => ({
      wrap: { entry: childEntry(import.meta.url, '../../targets/lifecycle/clinic-host.js'), args: [tool, dir], stopGraceMs: STOP_GRACE_MS[tool] },
    }),
    async outputs(dir) {
      // Scratch folders of the hosts: empty unless a host was killed before it could clean up.
      rmSync(join(dir, '.work'), { recursive: true, force: true });
      const files: string[] = [];
      const problems: string[] = [];
      for (const folder of dataFolders(dir, tool)) {
        const html = join(dir, `${folder}.html`);
        try {
          await render(tool, join(dir, folder), html);
          files.push(html);
        } catch (err) {
          problems.push(`clinic ${tool} could not render ${join(dir, folder)}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      return { files, problems };
    },
  };
}
