// `--threshold p99=+15%,rps=-5%`: the minimum effect per metric below which a real change is
// still "unchanged". The sign is optional; when given it must point the worse way.
import { METRICS } from './aggregate.js';
import type { MetricKey } from '../record/results.js';
import { DEFAULT_MIN_EFFECTS, type MinEffects } from './compare.js';
import { UsageError } from '../common/errors.js';

export class MinEffectError extends UsageError {
  constructor(message: string) {
    super(message, 'ERR_MIN_EFFECT');
  }
}

const NAMES: Record<string, MetricKey[]> = {
  rps: ['rps'],
  p50: ['p50'],
  p90: ['p90'],
  p99: ['p99'],
  p999: ['p999'],
  'p99.9': ['p999'],
  latency: ['p50', 'p90', 'p99', 'p999'],
  cpu: ['cpuMsPerRequest'],
  cpumsperrequest: ['cpuMsPerRequest'],
  rss: ['rssMb'],
  rssmb: ['rssMb'],
  errors: ['errorRate'],
  errorrate: ['errorRate'],
};

export const MIN_EFFECT_NAMES = Object.keys(NAMES);

export function parseMinEffects(spec: string | undefined, defaults: MinEffects = DEFAULT_MIN_EFFECTS): MinEffects {
  const out: MinEffects = { ...defaults };
  if (!spec) return out;
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([\w.]+)\s*=\s*([+-]?)(\d+(?:\.\d+)?)%$/.exec(part);
    if (!m) throw new MinEffectError(`invalid --threshold "${part}": expected METRIC=[+|-]N% (e.g. p99=+15%), METRIC one of ${MIN_EFFECT_NAMES.join(', ')}`);
    const keys = NAMES[m[1]!.toLowerCase()];
    if (!keys) throw new MinEffectError(`invalid --threshold "${part}": unknown metric "${m[1]}"; valid: ${MIN_EFFECT_NAMES.join(', ')}`);
    const pct = Number(m[3]);
    if (!(pct > 0 && pct <= 1000)) throw new MinEffectError(`invalid --threshold "${part}": expected a percentage from 0 (exclusive) to 1000%`);
    for (const key of keys) {
      const def = METRICS.find((d) => d.key === key)!;
      const worseSign = def.better === 'higher' ? '-' : '+';
      if (m[2] && m[2] !== worseSign) {
        throw new MinEffectError(`invalid --threshold "${part}": for ${def.label} ${def.better} is better, so a regression is ${worseSign === '-' ? 'a drop' : 'a rise'}: write ${m[1]}=${worseSign}${m[3]}%`);
      }
      // errorRate is judged on the absolute difference of rates: 1% = one percentage point.
      out[key] = pct / 100;
    }
  }
  return out;
}
