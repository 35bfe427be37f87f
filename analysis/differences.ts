// What differs between base and head besides the code under test: workload, scenario
// settings, the options the run was given, the machine. A comparison across such a
// difference still runs, but its reader must be told (a gate passed or failed because head
// ran with --inject-cpu-us, on another CPU or another node, is not a verdict on the change).
import type { Results } from '../record/results.js';

/**
 * Options that say where results go or which subset ran, not how anything was measured:
 * targets are matched by name already, and the trial count only narrows the intervals.
 */
export const VOLATILE_OPTIONS: readonly string[] = ['out', 'targets', 'where', 'trials', 'baseline', 'verify', 'quiet', 'progress'];

/** JSON with sorted keys, so {a,b} and {b,a} compare equal. */
function stable(v: unknown): string {
  if (v === undefined) return 'unset';
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${stable(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

function keyDifferences(base: Record<string, unknown>, head: Record<string, unknown>, skip: readonly string[] = []): string[] {
  const keys = [...new Set([...Object.keys(base), ...Object.keys(head)])].filter((k) => !skip.includes(k)).sort();
  return keys.filter((k) => stable(base[k]) !== stable(head[k])).map((k) => `${k}: base ${stable(base[k])}, head ${stable(head[k])}`);
}

export function settingDifferences(base: Results, head: Results): string[] {
  const out: string[] = [];
  const bw = base.runs[0]?.workload.description;
  const hw = head.runs[0]?.workload.description;
  if (bw !== hw) out.push(`workloads differ: base "${bw}", head "${hw}"`);
  // The description is prose; the name is already required to match.
  const scenario = keyDifferences(base.scenario, head.scenario, ['name', 'description']);
  if (scenario.length) out.push(`scenario settings differ: ${scenario.join('; ')}`);
  const options = keyDifferences(base.env.options, head.env.options, VOLATILE_OPTIONS);
  if (options.length) out.push(`run options differ: ${options.join('; ')}`);
  const machine = (['cpus', 'cpuModel', 'node', 'os', 'arch'] as const).filter((k) => base.env[k] !== head.env[k]);
  if (machine.length) {
    const describe = (r: Results) => `${r.env.cpus} x ${r.env.cpuModel}, node ${r.env.node}, ${r.env.os} (${r.env.arch})`;
    out.push(`machines differ (${machine.join(', ')}): base ${describe(base)}, head ${describe(head)}`);
  }
  return out;
}
