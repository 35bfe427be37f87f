// The selftest report as text: a pure function of the data.
import type { SelftestReport } from '../record/selftest.js';
import { alignTable } from './terminal.js';

const ms = (x: number | null) => (x === null ? '-' : x.toFixed(3));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const signed = (x: number | null) => (x === null ? '-' : (x >= 0 ? '+' : '') + x.toFixed(3));

export function selftestText(r: SelftestReport): string {
  const out: string[] = [
    `calibration target: ${r.latency}; measured vs what the server observed itself doing (nominal delay + its own timer lateness), tolerance ${r.tolerance.relative * 100}% or ${r.tolerance.absoluteMs} ms`,
    'judged: the engine (archbench\'s own generator); autocannon and wrk run the same closed case beside it, shown, not judged',
    '',
  ];
  for (const a of r.accuracy) {
    out.push(`${a.generator}, ${a.name}${a.judged ? '' : ' (peer, not judged)'}: ${a.workload}`);
    const lag = a.lagMs ? `, send lag p50/p99/p99.9 ${ms(a.lagMs.p50)}/${ms(a.lagMs.p99)}/${ms(a.lagMs.p999)} ms` : '';
    out.push(`  ${a.requests} requests, ${a.dropped} dropped${lag}, server timer late p99 ${a.serverLateUsP99} us`);
    const k = a.lagCheck;
    if (k) {
      out.push(
        `  host pauses on the generator's core: ${pct(k.hostPausedShare)} of a second lost, longest ${ms(k.hostLongestPauseMs)} ms; a perfect generator's lag p99/p99.9 ${ms(k.floorMs.p99)}/${ms(k.floorMs.p999)} ms; send lag ${k.ok ? 'ok' : 'OUT'} (may add ${k.marginMs.p99}/${k.marginMs.p999} ms)`,
      );
    }
    out.push(
      alignTable([
        ['  percentile', 'nominal ms', 'server-observed ms', 'measured ms', 'error ms', 'allowed ms', ''],
        ...a.checks.map((c) => [`  p${c.percentile}`, ms(c.nominalMs), ms(c.truthMs), ms(c.measuredMs), signed(c.errorMs), ms(c.toleranceMs), c.ok ? 'ok' : 'OUT']),
      ]),
    );
    out.push('');
  }
  for (const s of r.skippedPeers) out.push(`peer skipped: ${s}`);
  const t = r.stall.truth;
  out.push(`stall ${r.stall.spec}: truth p50 ${ms(t.p50Ms)} ms, p99 ${ms(t.p99Ms)} ms, ${pct(t.slowShare)} slower than ${r.stall.slowMs} ms (${pct(t.stalledShare)} of arrivals fell inside the stall)`);
  out.push(
    alignTable([
      ['  generator', 'requests', 'p50 ms', 'p99 ms', 'max ms', `> ${r.stall.slowMs} ms`],
      ...r.stall.cases.map((c) => [`  ${c.name}`, String(c.requests), ms(c.p50Ms), ms(c.p99Ms), ms(c.maxMs), pct(c.slowShare)]),
    ]),
  );
  out.push('');
  if (r.passed) out.push('selftest: PASS (every judged percentile and send lag within its tolerance)');
  else out.push(`selftest: FAIL${r.failures.length ? `, ${r.failures.length} check(s) outside the tolerance:` : ' (interrupted or nothing judged)'}`, ...r.failures.map((f) => `  ${f}`));
  return out.join('\n') + '\n';
}
