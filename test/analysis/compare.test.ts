import { describe, expect, it } from 'vitest';
import { CompareInputError, DEFAULT_ALPHA, DEFAULT_MIN_EFFECTS, SIGNIFICANCE_TESTS, compareResults, minTrialsFor } from '../../analysis/compare.js';
import { headline } from '../../reports/compare/format.js';
import { compareHtml } from '../../reports/compare/html.js';
import { compareJson, type CompareJson } from '../../reports/compare/json.js';
import { compareMarkdown } from '../../reports/compare/markdown.js';
import { MinEffectError, parseMinEffects } from '../../analysis/min-effects.js';
import { compareTerminal } from '../../reports/compare/terminal.js';
import type { MetricKey } from '../../record/results.js';
import { FASTIFY, makeResults } from '../reports/fixtures.js';

const verdict = (c: ReturnType<typeof compareResults>, m: MetricKey) => c.targets[0]!.metrics.find((x) => x.metric === m)!.verdict;

describe.each(SIGNIFICANCE_TESTS)('compare verdicts, %s test', (test) => {
  const opts = { alpha: DEFAULT_ALPHA, minEffects: DEFAULT_MIN_EFFECTS, test };
  const base = makeResults({ trials: 5, targets: [{ ...FASTIFY, noise: 0.01 }], seed: 1 });

  it('identical runs: nothing regresses, quiet metrics are unchanged', () => {
    const c = compareResults(base, structuredClone(base), opts);
    expect(c.regressions).toBe(0);
    expect(c.improvements).toBe(0);
    for (const m of ['rps', 'cpuMsPerRequest', 'rssMb', 'errorRate'] as MetricKey[]) expect(verdict(c, m)).toBe('unchanged');
  });

  it('an independent run of the same shape: no regression', () => {
    const again = makeResults({ trials: 5, targets: [{ ...FASTIFY, noise: 0.01 }], seed: 2 });
    expect(compareResults(base, again, opts).regressions).toBe(0);
  });

  it('clearly worse: CPU, latency and throughput regress', () => {
    const worse = makeResults({ trials: 5, targets: [{ ...FASTIFY, noise: 0.01, cpuMsPerRequest: 0.26, latencyMs: 2.6, rps: 3400 }], seed: 3 });
    const c = compareResults(base, worse, opts);
    expect(verdict(c, 'cpuMsPerRequest')).toBe('regressed');
    expect(verdict(c, 'p50')).toBe('regressed');
    expect(verdict(c, 'rps')).toBe('regressed');
    expect(c.regressions).toBeGreaterThanOrEqual(3);
    const cpu = c.targets[0]!.metrics.find((m) => m.metric === 'cpuMsPerRequest')!;
    expect(cpu.ratio!.median).toBeGreaterThan(1.2);
    if (test === 'mann-whitney') expect(cpu.p).toBeCloseTo(2 / 252, 6);
    else expect(cpu.p!).toBeLessThan(0.001);
    expect(c.test).toBe(test);
  });

  it('clearly better: improved, never regressed', () => {
    const better = makeResults({ trials: 5, targets: [{ ...FASTIFY, noise: 0.01, cpuMsPerRequest: 0.14, latencyMs: 1.4, rps: 5000 }], seed: 4 });
    const c = compareResults(base, better, opts);
    expect(c.regressions).toBe(0);
    expect(verdict(c, 'cpuMsPerRequest')).toBe('improved');
    expect(verdict(c, 'rps')).toBe('improved');
  });

  it('too noisy to tell: uncertain, not regressed', () => {
    const noisyBase = makeResults({ trials: 5, targets: [{ ...FASTIFY, noise: 0.4 }], seed: 5 });
    const noisyHead = makeResults({ trials: 5, targets: [{ ...FASTIFY, noise: 0.4, cpuMsPerRequest: 0.23 }], seed: 6 });
    const c = compareResults(noisyBase, noisyHead, opts);
    expect(verdict(c, 'cpuMsPerRequest')).toBe('uncertain');
    expect(c.regressions).toBe(0);
  });

  it('a real but small change is unchanged (below the minimum effect)', () => {
    // +2%: below CPU's default minimum effect of 3%.
    const slightly = makeResults({ trials: 5, targets: [{ ...FASTIFY, noise: 0.002, cpuMsPerRequest: 0.204 }], seed: 7 });
    const tight = makeResults({ trials: 5, targets: [{ ...FASTIFY, noise: 0.002 }], seed: 8 });
    const cpu = compareResults(tight, slightly, opts).targets[0]!.metrics.find((m) => m.metric === 'cpuMsPerRequest')!;
    expect(cpu.p!).toBeLessThanOrEqual(DEFAULT_ALPHA);
    expect(cpu.verdict).toBe('unchanged');
  });

  it('unusable input: different scenarios, too few trials', () => {
    const other = makeResults({ trials: 5, targets: [FASTIFY], scenario: 'read-heavy' });
    expect(() => compareResults(base, other, opts)).toThrow(/different scenarios: base ran "smoke", head ran "read-heavy"/);
    const few = test === 'mann-whitney' ? 3 : 2;
    const short = makeResults({ trials: few, targets: [FASTIFY] });
    expect(() => compareResults(base, short, opts)).toThrow(CompareInputError);
    expect(() => compareResults(base, short, opts)).toThrow(new RegExp(`${test} test needs at least ${minTrialsFor(DEFAULT_ALPHA, test)} usable trials per side.*\\n.*head has ${few}`));
  });
});

describe('trials each test needs', () => {
  it('Mann-Whitney: enough to reach alpha at all; the t-tests: a spread on each side', () => {
    expect(minTrialsFor(0.01, 'mann-whitney')).toBe(5);
    expect(minTrialsFor(0.05, 'mann-whitney')).toBe(4);
    expect(minTrialsFor(0.01, 'welch')).toBe(3);
    expect(minTrialsFor(0.01, 'yuen')).toBe(3);
  });
});

describe('--threshold minimum effects', () => {
  it('overrides per metric and per class, sign optional', () => {
    const m = parseMinEffects('p99=+15%,rps=-5%,cpu=20%,latency=12%');
    expect(m.p99).toBe(0.12);
    expect(m.p50).toBe(0.12);
    expect(m.rps).toBe(0.05);
    expect(m.cpuMsPerRequest).toBe(0.2);
    expect(parseMinEffects('p99=+15%').p99).toBe(0.15);
  });

  it('rejects unknown metrics, bad syntax and the wrong sign, naming what is accepted', () => {
    expect(() => parseMinEffects('p98=10%')).toThrow(/unknown metric "p98"; valid: rps, p50/);
    expect(() => parseMinEffects('p99=ten')).toThrow(MinEffectError);
    expect(() => parseMinEffects('rps=+5%')).toThrow(/a regression is a drop: write rps=-5%/);
  });
});

describe('a gate that says when it cannot tell', () => {
  // Issue 16: 3+3 trials, head with ~+50% CPU per request planted but noisy, so most metrics
  // are uncertain; head ran with a different option.
  const base = makeResults({ trials: 3, targets: [{ ...FASTIFY, noise: 0.2 }], seed: 11 });
  const head = makeResults({ trials: 3, targets: [{ ...FASTIFY, noise: 0.2, cpuMsPerRequest: 0.3 }], seed: 12 });
  head.env.options = { ...head.env.options, injectCpuUs: 100, out: '/tmp/elsewhere', targets: ['monolith-fastify'] };
  const opts = { alpha: DEFAULT_ALPHA, minEffects: DEFAULT_MIN_EFFECTS };

  it('no regression but uncertain metrics: inconclusive, worded so, amber not green', () => {
    const c = compareResults(base, head, opts);
    expect(c.regressions).toBe(0);
    expect(c.uncertain).toBeGreaterThan(0);
    expect(c.gate).toBe('inconclusive');
    const line = headline(c);
    expect(line).toMatch(new RegExp(`^PASS \\(inconclusive: ${c.uncertain} of ${c.judged} uncertain\\): no regression shown`));
    expect(compareMarkdown(c)).toContain(`**⚠️ ${line}**`);
    expect(compareTerminal(c)).toContain(line);
    expect(compareHtml(c)).toContain('<span class="flag warn" id="gate">PASS (inconclusive');
  });

  it('--fail-on-uncertain fails the gate', () => {
    const c = compareResults(base, head, { ...opts, failOnUncertain: true });
    expect(c.gate).toBe('fail');
    expect(headline(c)).toMatch(/^FAIL \(inconclusive: \d+ of \d+ uncertain, --fail-on-uncertain\)/);
    expect(compareHtml(c)).toContain('<span class="flag bad" id="gate">FAIL');
  });

  it('a fully judged pass stays green', () => {
    const quiet = makeResults({ trials: 5, targets: [{ ...FASTIFY, noise: 0.01 }], seed: 1 });
    // The fixture's p99.9 of 4000 samples is too noisy for 10%: judge it at 50%.
    const c = compareResults(quiet, structuredClone(quiet), { ...opts, minEffects: { ...DEFAULT_MIN_EFFECTS, p999: 0.5 } });
    expect(c.gate).toBe('pass');
    expect(headline(c)).toMatch(/^PASS: no regression; 0 improved, \d+ unchanged, 0 uncertain$/);
    expect(compareHtml(c)).toContain('<span class="flag good" id="gate">');
  });

  it('warns when options, scenario settings or the machine differ; ignores volatile options', () => {
    const c = compareResults(base, head, opts);
    expect(c.warnings).toContain('run options differ: injectCpuUs: base unset, head 100');
    expect(c.warnings.join('\n')).not.toMatch(/out:|targets:/);
    const other = structuredClone(head);
    other.env.options = { ...base.env.options };
    other.scenario.warmupS = 5;
    other.env.node = 'v22.1.0';
    other.env.cpus = 8;
    const w = compareResults(base, other, opts).warnings;
    expect(w).toContain('scenario settings differ: warmupS: base 1, head 5');
    expect(w.find((x) => x.startsWith('machines differ (cpus, node)'))).toContain('head 8 x Test CPU, node v22.1.0');
    expect(compareResults(base, structuredClone(base), opts).warnings).toEqual([]);
  });

  it('compare.json: the documented shape', () => {
    const c = compareResults(base, head, opts);
    const j = JSON.parse(compareJson(c)) as CompareJson;
    expect(j.compareVersion).toBe(1);
    expect(j.gate).toMatchObject({ status: 'inconclusive', exitCode: 0, headline: headline(c), failOnUncertain: false, regressed: 0, uncertain: c.uncertain, judged: 8 });
    expect(j.gate.improved + j.gate.unchanged + j.gate.uncertain + j.gate.regressed).toBe(j.gate.judged);
    expect(j.method).toEqual({ test: 'welch', pairing: { paired: false, reason: 'unpaired: base and head are separate runs' }, alpha: DEFAULT_ALPHA, confidence: 0.95, minEffects: DEFAULT_MIN_EFFECTS, mdePower: 0.8 });
    expect(j.warnings).toEqual(c.warnings);
    const cpu = j.targets[0]!.metrics.find((m) => m.metric === 'cpuMsPerRequest')!;
    expect(Object.keys(cpu).sort()).toEqual(['base', 'better', 'difference', 'head', 'label', 'mde', 'metric', 'minEffect', 'p', 'ratio', 'reason', 'verdict']);
    expect(cpu.ratio).toMatchObject({ n: 3 });
    expect(cpu.ratio!.lo).toBeLessThan(cpu.ratio!.median);
  });

  it('terminal: ASCII only when asked; Markdown keeps emoji with words beside them', () => {
    const worse = makeResults({ trials: 5, targets: [{ ...FASTIFY, noise: 0.01, cpuMsPerRequest: 0.3 }], seed: 3 });
    const five = makeResults({ trials: 5, targets: [{ ...FASTIFY, noise: 0.01 }], seed: 1 });
    const c = compareResults(five, worse, opts);
    const ascii = compareTerminal(c, { ascii: true });
    expect(ascii).toMatch(/^[\x00-\x7f]*$/);
    expect(ascii).toContain('X regressed');
    expect(ascii).toContain('+/-10%');
    expect(compareTerminal(c)).toContain('❌ regressed');
    expect(compareMarkdown(c)).toContain('❌ regressed');
  });
});
