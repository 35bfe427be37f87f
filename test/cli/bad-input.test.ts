// Every bad input gets a clear message and exit code 2, before anything starts.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchSync } from '../helpers/cli.js';

describe('bench: bad input', () => {
  it('an unknown scenario lists the valid ones', () => {
    const r = benchSync(['run', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown scenario "nope"; valid scenarios: .*smoke.*read-heavy.*write-heavy/);
  });

  it('an unknown target lists the valid ones', () => {
    const r = benchSync(['run', 'smoke', '--targets', 'monolith-nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown target "monolith-nope"; valid targets: .*monolith-fastify.*monolith-express/);
  });

  it.each([
    [['--duration', '0'], /--duration "0": expected a duration from 1s to 1h \(e\.g\. 500ms, 30s, 2m/],
    [['--duration', '30x'], /--duration "30x": expected a duration from 1s to 1h/],
    [['--duration', '2h'], /--duration "2h": expected a duration from 1s to 1h/],
    [['--warmup', '11m'], /--warmup "11m": expected a duration from 0s to 10m/],
    [['--request-timeout', '50ms'], /--request-timeout "50ms": expected a duration from 100ms to 2m/],
    [['--vus', '0'], /--vus "0": expected a whole number from 1 to 10000/],
    [['--vus', '4', '-c', '8'], /--vus 4 and --connections 8 disagree/],
    [['--duration', 'abc'], /--duration "abc"/],
    [['--connections', '0'], /--connections "0": expected a whole number from 1 to 10000/],
    [['--connections', '2.5'], /--connections "2.5"/],
    [['--trials', '1000'], /--trials "1000": expected a whole number from 1 to 100/],
    [['--warmup', '-1'], /--warmup "-1"/],
  ])('%j names the option and its range', (args, message) => {
    const r = benchSync(['run', 'smoke', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('a bad --where names the accepted axes', () => {
    const r = benchSync(['run', 'smoke', '--where', 'colour=blue']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--where "colour=blue".*topology/);
  });

  it('a baseline outside the selection is refused', () => {
    const r = benchSync(['run', 'smoke', '--targets', 'monolith-fastify', '--baseline', 'monolith-express']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--baseline "monolith-express" is not among the selected targets/);
  });

  it('an unknown option or command is a usage error', () => {
    expect(benchSync(['run', 'smoke', '--frobnicate']).code).toBe(2);
    expect(benchSync(['frobnicate']).code).toBe(2);
    expect(benchSync(['list', 'widgets']).code).toBe(2);
  });

  // Checked before the first trial: exit 2 and no results folder (they were failed runs, exit 1).
  it.each([
    ['a non-loopback address without --allow-remote', 'http://192.0.2.10:8080', /not a loopback address.*--allow-remote/s],
    ['a name that does not resolve', 'http://no-such-host.invalid:8080', /no-such-host\.invalid does not resolve/],
    ['a scheme that is not HTTP or gRPC', 'ftp://127.0.0.1:2121', /scheme must be http:\/\/, https:\/\/ or grpc:\/\/ \(got ftp:\)/],
    ['an address where nothing listens', 'http://127.0.0.1:1', /nothing accepts connections at 127\.0\.0\.1:1 \(ECONNREFUSED\)/],
  ])('--url: %s is a usage error before any trial, nothing written', (_what, url, message) => {
    const out = mkdtempSync(join(tmpdir(), 'archbench-url-'));
    rmSync(out, { recursive: true });
    const r = benchSync(['run', 'smoke', '--url', url, '--duration', '1', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('verify refuses a gRPC-only target instead of failing its HTTP checks', () => {
    const r = benchSync(['verify', '--targets', 'svc-users-grpc']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/svc-users-grpc serve gRPC, not the public HTTP API/);
  });

  it('gate-check and profile name a bad --target and a bad --slowdown in their own words', () => {
    for (const cmd of [['gate-check', '--target', 'nope'], ['profile', 'smoke', '--target', 'nope', '--tool', 'cpu-prof']]) {
      const r = benchSync(cmd);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/unknown --target "nope"; valid targets: .*monolith-fastify/);
    }
    const r = benchSync(['gate-check', '--slowdown', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--slowdown "0": expected percent from 1 to 1000/);
  });

  it('a bad --warmup-load or --test names the accepted values', () => {
    for (const cmd of [['run', 'smoke', '--warmup-load', 'fast'], ['gate-check', '--warmup-load', 'fast']]) {
      const r = benchSync(cmd);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('invalid --warmup-load "fast": expected one of scenario, max');
    }
    const t = benchSync(['gate-check', '--test', 'z']);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('invalid --test "z": expected one of paired-t, paired-yuen, welch, yuen, mann-whitney');
    for (const cmd of [['compare', 'a', 'b'], ['ab', 'smoke', '--base', 'x', '--head', 'y']]) {
      const p = benchSync([...cmd, '--paired-test', 'trimmed']);
      expect(p.code).toBe(2);
      expect(p.stderr).toContain('invalid --paired-test "trimmed": expected one of paired-t, paired-yuen');
    }
    const probe = benchSync(['gate-check', '--probe-rounds', '2']);
    expect(probe.code).toBe(2);
    expect(probe.stderr).toContain('invalid --probe-rounds 2: expected 0 (no probe) or 3..50');
    const cap = benchSync(['gate-check', '--trials', '5', '--max-trials', '4']);
    expect(cap.code).toBe(2);
    expect(cap.stderr).toContain('invalid --max-trials 4: expected at least --trials (5)');
    const effect = benchSync(['gate-check', '--min-effect', '0']);
    expect(effect.code).toBe(2);
    expect(effect.stderr).toContain('invalid --min-effect "0": expected a percentage above 0 and at most 100');
  });

  it('--help works on every command', () => {
    for (const cmd of [[], ['run'], ['list'], ['verify']]) {
      const r = benchSync([...cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: bench/);
    }
  });
});
