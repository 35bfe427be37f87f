// The selftest report as text: a pure function of the data.
import type { SelftestReport } from '../harness/selftest.js';
import { ABS_TOLERANCE_MS, REL_TOLERANCE, SLOW_MS } from '../harness/selftest.js';
import { alignTable } from '../reports/terminal.js';

const ms = (x: number | null) => (x === null ? '-' : x.toFixed(3));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function selftestText(r: SelftestReport): string {
  const out: string[] = [
    `calibration target: ${r.latency}; measured vs what the server observed itself doing (nominal delay + its own timer lateness), tolerance ${REL_TOLERANCE * 100}% or ${ABS_TOLERANCE_MS} ms`,
    '',
  ];
  for (const a of r.accuracy) {
    out.push(`${a.name}: ${a.workload}`);
    out.push(`  ${a.requests} requests, ${a.dropped} dropped, generator lag p50/p99 ${ms(a.lagP50Ms)}/${ms(a.lagP99Ms)} ms, server timer late p99 ${a.serverLateUsP99} us`);
    out.push(
      alignTable([
        ['  percentile', 'nominal ms', 'server-observed ms', 'measured ms', 'error ms', ''],
        ...a.checks.map((c) => [`  p${c.percentile}`, ms(c.nominalMs), ms(c.truthMs), ms(c.measuredMs), c.errorMs === null ? '-' : (c.errorMs >= 0 ? '+' : '') + c.errorMs.toFixed(3), c.ok ? 'ok' : 'OUT']),
      ]),
    );
    out.push('');
  }
  const t = r.stall.truth;
  out.push(`stall ${r.stall.spec}: truth p50 ${ms(t.p50Ms)} ms, p99 ${ms(t.p99Ms)} ms, ${pct(t.slowShare)} slower than ${SLOW_MS} ms (${pct(t.stalledShare)} of arrivals fell inside the stall)`);
  out.push(
    alignTable([
      ['  generator', 'requests', 'p50 ms', 'p99 ms', 'max ms', `> ${SLOW_MS} ms`],
      ...r.stall.cases.map((c) => [`  ${c.name}`, String(c.requests), ms(c.p50Ms), ms(c.p99Ms), ms(c.maxMs), pct(c.slowShare)]),
    ]),
  );
  out.push('', r.passed ? 'selftest: PASS' : 'selftest: FAIL (a percentile is outside the tolerance)');
  return out.join('\n') + '\n';
}
