// CLI conventions end to end: duration strings, --vus, --json, --quiet, grouped help, bench list.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Results } from '../../record/results.js';
import { bench, benchSync } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'archbench-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bench run: output modes and k6 names', () => {
  it('--json prints the results alone on stdout; duration strings and --vus reach the run', async () => {
    const out = join(dir, 'json');
    const r = await bench(['run', 'smoke', '-t', 'monolith-fastify', '-d', '1500ms', '-w', '500ms', '--vus', '3', '--json', '-o', out]);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as Results;
    expect(printed).toEqual(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')));
    expect(printed.scenario.warmupS).toBe(0.5);
    expect(printed.runs[0]!.workload.connections).toBe(3);
    expect(printed.env.options).toMatchObject({ duration: 1.5, warmup: 0.5, connections: 3 });
    // Progress and where the files went: stderr, plain lines (not a terminal).
    expect(r.stderr).toMatch(/^target 1\/1 monolith-fastify, trial 1\/1: start 0 s, ETA \d\d:\d\d$/m);
    expect(r.stderr).toContain(`results: ${join(out, 'results.json')}`);
    expect(r.stderr).not.toContain('\r');
  }, 60_000);

  it('--quiet prints only the verdict lines: no progress, no tables', async () => {
    const r = await bench(['run', 'smoke', '-t', 'monolith-fastify', '-d', '1s', '-w', '0', '--quiet', '-o', join(dir, 'quiet')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^monolith-fastify: baseline: [\d.]+ CPU ms per request, \d+ req\/s, [\d.]+ ms p99\n$/);
  }, 60_000);
});

describe('bench run --help', () => {
  it('lists the common options first, then the expert ones under headings, with examples', () => {
    const r = benchSync(['run', '--help']);
    expect(r.code).toBe(0);
    const at = (s: string) => r.stdout.indexOf(s);
    const headings = ['Common options:', 'Output:', 'Selecting targets:', 'Your own service:', 'Load and timing:', 'Our targets:', 'Examples:'];
    expect(headings.map(at)).toEqual([...headings.map(at)].sort((a, b) => a - b));
    expect(at('Common options:')).toBeGreaterThan(-1);
    const common = r.stdout.slice(at('Common options:'), at('Output:'));
    for (const flag of ['--targets', '--duration', '--connections', '--vus', '--rate', '--trials', '--out']) expect(common).toContain(flag);
    expect(common).not.toContain('--generator-threads');
    expect(r.stdout).toMatch(/Durations take a unit \(500ms, 30s, 2m, 1m30s\)/);
  });
});

describe('bench list', () => {
  it('fits 100 columns off a terminal, each description under its scenario', () => {
    const r = benchSync(['list']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(100);
    const smoke = lines.indexOf('  smoke');
    expect(lines[smoke + 1]).toMatch(/^ {6}A few seconds of every request type/);
    expect(r.stdout).toMatch(/^ {2}monolith-fastify +monolith +- +fastify +persistent +1 +sqlite$/m);
  });
});
