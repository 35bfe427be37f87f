// bench profile with each tool, end to end through the CLI: the profiler's files are written,
// listed in results.json, linked from report.html, and no process of the target is left.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Results } from '../../record/results.js';
import { bench, benchSync, isAlive, processesMatching } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'archbench-profile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function profile(target: string, tool: string): Promise<{ out: string; dir: string; results: Results; report: string }> {
  const out = join(root, `${target}-${tool}`);
  // A bound, not a timing assertion: clinic instrumenting a micro target's three processes
  // took over 50 s while other test files ran beside it.
  const r = await bench(['profile', 'smoke', '--target', target, '--tool', tool, '-d', '1', '-w', '0', '-o', out], { timeoutMs: 110_000 });
  expect(r.code, r.stderr + r.stdout).toBe(0);
  const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results;
  expect(results.status).toBe('ok');
  // Nothing of the target outlives the command: the processes it sampled, and anything started
  // with the output folder on its command line (the clinic hosts, --cpu-prof-dir).
  for (const p of results.runs[0]!.rssMb!.processes) expect(isAlive(p.pid), `pid ${p.pid} (${p.command}) still alive`).toBe(false);
  expect(processesMatching(out)).toEqual([]);
  return { out, dir: join(out, 'profiles', `${target}-${tool}`), results, report: readFileSync(join(out, 'report.html'), 'utf8') };
}

function expectLinked(out: string, results: Results, report: string, tool: string, paths: string[]): void {
  expect(results.profiles!.map((p) => p.path).sort()).toEqual([...paths].sort());
  for (const p of results.profiles!) {
    expect(p).toMatchObject({ trial: 1, tool });
    expect(statSync(join(out, p.path)).size).toBeGreaterThan(1000);
    expect(report).toContain(`<a href="${p.path}">`);
  }
}

const clinicData = { doctor: ['systeminfo', 'processstat', 'traceevent'], flame: ['systeminfo', 'samples', 'inlinedfunctions'] };

describe('bench profile', () => {
  it('--tool cpu-prof: a V8 .cpuprofile of the target process', async () => {
    const { out, dir, results, report } = await profile('monolith-fastify', 'cpu-prof');
    const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
    expect(files).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, files[0]!), 'utf8'))).toHaveProperty('nodes');
    expectLinked(out, results, report, 'cpu-prof', files.map((f) => `profiles/monolith-fastify-cpu-prof/${f}`));
  }, 60_000);

  for (const tool of ['doctor', 'flame'] as const) {
    it(`--tool clinic-${tool}: clinic's data folder and its own HTML, linked`, async () => {
      const { out, dir, results, report } = await profile('monolith-fastify', `clinic-${tool}`);
      const data = join(dir, `monolith-fastify.clinic-${tool}`);
      for (const kind of clinicData[tool]) expect(statSync(join(data, `monolith-fastify.clinic-${tool}-${kind}`)).size, kind).toBeGreaterThan(0);
      const html = readFileSync(`${data}.html`, 'utf8');
      expect(html).toMatch(/<html/i);
      expect(readdirSync(dir).sort()).toEqual([`monolith-fastify.clinic-${tool}`, `monolith-fastify.clinic-${tool}.html`]);
      expectLinked(out, results, report, `clinic-${tool}`, [`profiles/monolith-fastify-clinic-${tool}/monolith-fastify.clinic-${tool}.html`]);
    }, 60_000);
  }

  it('clinic profiles every service process of a micro target, one report each, named after the service', async () => {
    const { out, results, report } = await profile('micro-rest-fastify', 'clinic-doctor');
    const base = 'profiles/micro-rest-fastify-clinic-doctor/micro-rest-fastify';
    expectLinked(out, results, report, 'clinic-doctor', ['gateway', 'users-1', 'billing-1'].map((s) => `${base}-${s}.clinic-doctor.html`));
  }, 120_000);

  it('an unknown tool lists the valid ones; clinic refuses cluster workers and per-request processes (exit 2)', () => {
    const unknown = benchSync(['profile', 'smoke', '--target', 'monolith-fastify', '--tool', 'perf']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown --tool "perf"; valid tools: cpu-prof, clinic-doctor, clinic-flame/);
    for (const [target, why] of [
      ['monolith-fastify-w2', /node:cluster/],
      ['monolith-fastify-process', /per-request processes/],
    ] as const) {
      const r = benchSync(['profile', 'smoke', '--target', target, '--tool', 'clinic-flame']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`clinic flame cannot profile ${target}: .*${why.source}.*--tool cpu-prof`));
    }
  });
});
