import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { isUsageError } from '../../common/errors.js';
import { exportK6 } from '../../interop/k6/export.js';
import { k6Executor, k6Options } from '../../interop/k6/k6-options.js';
import { bundleRequestBuilders } from '../../interop/k6/bundle-requests.js';
import { defineScenario, scenarioProtocol, type HttpRequestDefinition, type RequestContext, type Scenario } from '../../scenarios/define.js';
import type { ExecutorConfig } from '../../scenarios/executor.js';
import { findScenario, scenarios } from '../../scenarios/registry.js';
import { typeCheckK6 } from './k6-typecheck.js';

const dir = mkdtempSync(join(tmpdir(), 'k6-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const httpScenarios = scenarios.filter((s) => scenarioProtocol(s) === 'http');

function writeExport(s: Scenario, parallelism = 1): string {
  const out = join(dir, s.name);
  mkdirSync(out, { recursive: true });
  const files = exportK6({ scenario: s, source: s.name, url: 'http://127.0.0.1:3000', parallelism, command: `bench export k6 ${s.name}` });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(out, f), text);
  return out;
}

function usageErrorOf(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    expect(isUsageError(err)).toBe(true);
    return (err as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('k6 export: type-checked against @types/k6', () => {
  it('every built-in HTTP scenario exports a script without a type error', () => {
    expect(httpScenarios.length).toBeGreaterThanOrEqual(9);
    const scripts = httpScenarios.map((s) => join(writeExport(s), 'script.js'));
    expect(typeCheckK6(scripts)).toEqual([]);
  });

  it('the check catches a wrong k6 API and a wrong option (so the test above can fail)', () => {
    const good = readFileSync(join(writeExport(findScenario('smoke')!), 'script.js'), 'utf8');
    const broken = join(dir, 'smoke', 'broken.js');
    writeFileSync(broken, good.replace('http.request(', 'http.send(').replace('exec.scenario.iterationInTest', 'exec.scenario.iterationNumber').replace(/"executor": ?"constant-vus"/, '"executor": "constant-vuz"'));
    const diagnostics = typeCheckK6([broken]).join('\n');
    expect(diagnostics).toMatch(/Property 'send' does not exist/);
    expect(diagnostics).toMatch(/Property 'iterationNumber' does not exist/);
    expect(diagnostics).toMatch(/constant-vuz/);
  });
});

describe('k6 export: options', () => {
  it('maps every executor with its parameters, archbench defaults written out', () => {
    const cases: Array<[ExecutorConfig, Record<string, unknown>]> = [
      [{ type: 'constant-vus', vus: 4, duration: 20 }, { executor: 'constant-vus', vus: 4, duration: '20s' }],
      [{ type: 'ramping-vus', stages: [{ duration: '1m30s', target: 10 }] }, { executor: 'ramping-vus', startVUs: 0, stages: [{ duration: '90s', target: 10 }] }],
      [
        { type: 'constant-arrival-rate', rate: 300, duration: '10s', preAllocatedVUs: 50 },
        { executor: 'constant-arrival-rate', rate: 300, timeUnit: '1s', duration: '10s', preAllocatedVUs: 50, maxVUs: 50 },
      ],
      [
        { type: 'ramping-arrival-rate', timeUnit: '500ms', stages: [{ duration: '2s', target: 40 }], preAllocatedVUs: 8, maxVUs: 64 },
        { executor: 'ramping-arrival-rate', startRate: 0, timeUnit: '500ms', stages: [{ duration: '2s', target: 40 }], preAllocatedVUs: 8, maxVUs: 64 },
      ],
    ];
    for (const [e, k6] of cases) expect(k6Executor(e)).toEqual(k6);
  });

  it('runs the warm-up as its own k6 scenario before the measured one and scopes thresholds to the measured one', () => {
    const s = defineScenario({
      ...findScenario('read-heavy')!,
      thresholds: { 'latency{name:GET /users/:id}': ['p(99)<50'], errors: ['rate<0.01'], 'requests{name:GET /users/:id/invoices}': ['count>10'], dropped: ['count==0'] },
    });
    const o = k6Options(s);
    expect(Object.keys(o.scenarios)).toEqual(['warmup', 'measure']);
    expect(o.scenarios.measure!.startTime).toBe('5s');
    expect(o.thresholds).toEqual({
      'http_req_duration{name:GET /users/:id,scenario:measure,expected_response:true}': ['p(99)<50'],
      'http_req_failed{scenario:measure}': ['rate<0.01'],
      'http_reqs{name:GET /users/:id/invoices,scenario:measure}': ['count>10'],
      'dropped_iterations{scenario:measure}': ['count==0'],
    });
    expect(o.summaryTrendStats).toContain('p(99.9)');
  });

  it('refuses by name what k6 cannot express', () => {
    const base = findScenario('get-user')!;
    expect(usageErrorOf(() => k6Options(findScenario('grpc-get-user')!))).toMatch(/grpc-get-user.*gRPC/);
    expect(usageErrorOf(() => k6Options({ ...base, executor: { ...base.executor, gracefulStop: '3s' } as ExecutorConfig }))).toMatch(/"gracefulStop"/);
    expect(usageErrorOf(() => k6Options({ ...base, thresholds: { cpu_ms_per_request: ['value<1'] } }))).toMatch(/cpu_ms_per_request.*target process/);
    expect(usageErrorOf(() => k6Options({ ...base, thresholds: { errors: ['count<5'] } }))).toMatch(/no count/);
    expect(usageErrorOf(() => k6Options({ ...base, thresholds: { requests: ['rate>100'] } }))).toMatch(/whole test/);
    expect(usageErrorOf(() => exportK6({ scenario: base, source: base.name, url: 'http://x', parallelism: 64, command: '' }))).toMatch(/--parallelism 64 exceeds the 32 VUs/);
  });
});

describe('k6 export: checks and setup', () => {
  const base = findScenario('smoke')!;
  const withChecks = defineScenario({
    ...base,
    name: 'smoke-checks',
    requests: (base.requests as HttpRequestDefinition[]).map((r, i) => (i === 0 ? { ...r, checks: { 'status is 200': (res) => res.status === 200 } } : r)),
    thresholds: { checks: ['rate>0.99'] },
  });

  it("checks become k6's check() on the response and the checks threshold k6's, scoped to the measured scenario; the script type-checks", () => {
    const files = exportK6({ scenario: withChecks, source: base.name, url: 'http://x', parallelism: 1, command: '' });
    expect(files['script.js']).toContain('if (c) check(res, c, { name: MIX[i].name });');
    expect(k6Options(withChecks).thresholds).toEqual({ 'checks{scenario:measure}': ['rate>0.99'] });
    const out = join(dir, 'smoke-checks');
    mkdirSync(out, { recursive: true });
    for (const [f, text] of Object.entries(files)) writeFileSync(join(out, f), text);
    expect(typeCheckK6([join(out, 'script.js')])).toEqual([]);
  });

  it("refuses setup() and a checks count by name", () => {
    expect(usageErrorOf(() => exportK6({ scenario: { ...base, setup: () => 1 }, source: base.name, url: 'http://x', parallelism: 1, command: '' }))).toMatch(/has a setup\(\) step, which cannot be exported to k6/);
    expect(usageErrorOf(() => k6Options({ ...withChecks, thresholds: { checks: ['fails<1'] } }))).toMatch(/checks is a rate metric/);
  });
});

describe('k6 export: requests and manifests', () => {
  it("the bundled builders are the scenario's own: same context, same request", async () => {
    const s = findScenario('smoke')!;
    const file = join(dir, 'smoke-builders.mjs');
    writeFileSync(file, bundleRequestBuilders(s, s.name));
    const { builders } = (await import(pathToFileURL(file).href)) as { builders: Record<string, (ctx: RequestContext) => unknown> };
    const ctx = (): RequestContext => {
      let n = 0;
      let r = 0;
      return { userId: () => 'u1', invoiceId: () => 'i1', actor: () => ({ userId: 'u1', authorization: 'Bearer t' }), ownedInvoice: () => ({ invoiceId: 'i1', authorization: 'Bearer t' }), authorization: 'Bearer t', unique: () => `x${n++}`, random: () => (r = (r + 0.37) % 1), setupData: undefined };
    };
    for (const def of s.requests as HttpRequestDefinition[]) expect(builders[def.name]!(ctx())).toEqual(def.request(ctx()));
  });

  it('writes script, builders, ConfigMap and TestRun with parallelism and the json output the import reads', async () => {
    const out = join(dir, 'cli-export');
    const code = await main(['node', 'bench', 'export', 'k6', 'signup-burst', '--url', 'http://10.0.0.5:8080', '--parallelism', '4', '--out', out]);
    expect(code).toBe(0);
    const testRun = readFileSync(join(out, 'testrun.yaml'), 'utf8');
    expect(testRun).toMatch(/apiVersion: k6\.io\/v1alpha1\nkind: TestRun/);
    expect(testRun).toMatch(/parallelism: 4/);
    expect(testRun).toMatch(/arguments: --out json=\/results\/points-\$\(POD_NAME\)\.json\.gz/);
    const configMap = readFileSync(join(out, 'configmap.yaml'), 'utf8');
    expect(configMap).toMatch(/kind: ConfigMap[\s\S]*  script\.js: \|\n    \/\/ k6 script/);
    expect(configMap).toContain('  signup-burst.requests.js: |');
    const script = readFileSync(join(out, 'script.js'), 'utf8');
    expect(script).toContain('"http://10.0.0.5:8080"');
    // The totals stay in the script: k6-operator splits them with execution segments.
    expect(script).toMatch(/"maxVUs": ?512/);
  });

  it('a gRPC scenario exits 2 with its name', async () => {
    expect(await main(['node', 'bench', 'export', 'k6', 'grpc-get-user', '--out', join(dir, 'grpc')])).toBe(2);
  });
});
