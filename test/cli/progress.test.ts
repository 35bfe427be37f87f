// The progress line and its subscriber, driven by events and a hand-moved clock (no timers).
import { describe, expect, it } from 'vitest';
import { BenchmarkEvents } from '../../harness/events.js';
import { attachProgress } from '../../cli/progress.js';
import { ProgressState, clock } from '../../cli/progress-line.js';
import type { RunResult } from '../../record/results.js';

const plan = { targets: ['monolith-fastify', 'monolith-express'], trials: 2, warmupMs: 2000, measureMs: 10_000 };
const tick = (target: string, trial: number, elapsedMs: number, extra: { inFlight?: number } = {}) => ({
  target, trial, phase: 'measure' as const, elapsedMs, totalMs: 10_000, requests: 5000, errors: 3, rps: 812, ...extra,
});

describe('progress line', () => {
  it('says target i/N, trial j/M, the phase, requests in flight and the ETA', () => {
    const s = new ProgressState();
    s.plan(plan);
    s.phase({ target: 'monolith-fastify', trial: 1, phase: 'start' }, 0);
    // Before any run ended: four runs of warm-up plus window.
    expect(s.line(0)).toBe('target 1/2 monolith-fastify, trial 1/2: start 0 s, ETA 00:48');
    s.phase({ target: 'monolith-fastify', trial: 1, phase: 'seed' }, 1000);
    expect(s.line(4000)).toMatch(/: seed 3 s, ETA /);
    s.phase({ target: 'monolith-fastify', trial: 1, phase: 'measure' }, 6000);
    s.tick(tick('monolith-fastify', 1, 4000, { inFlight: 32 }));
    expect(s.line(10_000)).toBe('target 1/2 monolith-fastify, trial 1/2: measure 4/10 s, 812 req/s, 32 in flight, 3 errors, ETA 00:42');
    s.runEnded(20_000);
    // The next runs are expected to take as long as the first one did (20 s each).
    s.phase({ target: 'monolith-express', trial: 1, phase: 'start' }, 20_000);
    expect(s.line(20_000)).toBe('target 2/2 monolith-express, trial 1/2: start 0 s, ETA 01:00');
  });

  it('leaves out in-flight when the runner cannot tell, and skipped targets shorten the ETA', () => {
    const s = new ProgressState();
    s.plan(plan);
    s.phase({ target: 'monolith-fastify', trial: 1, phase: 'measure' }, 0);
    s.tick(tick('monolith-fastify', 1, 2000));
    expect(s.line(2000)).toMatch(/measure 2\/10 s, 812 req\/s, 3 errors, ETA/);
    s.runEnded(12_000);
    s.phase({ target: 'monolith-express', trial: 1, phase: 'start' }, 12_000);
    s.skipped('monolith-express');
    // Left: monolith-fastify's second trial only.
    expect(s.etaMs(12_000)).toBe(12_000);
  });

  it('formats the ETA as mm:ss, and h:mm:ss past an hour', () => {
    expect(clock(65_000)).toBe('01:05');
    expect(clock(3_725_000)).toBe('1:02:05');
  });
});

class FakeStream {
  text = '';
  constructor(readonly isTTY: boolean) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

const run = (target: string, trial: number): RunResult => ({ target, trial, status: 'ok', rps: 800 }) as RunResult;

describe('progress subscriber', () => {
  it('off a terminal, writes plain lines: one per phase, then one per few seconds, never a carriage return', () => {
    let now = 0;
    const events = new BenchmarkEvents();
    const out = new FakeStream(false);
    const detach = attachProgress(events, out, { now: () => now, plainEveryMs: 5000 });
    events.emit('plan', plan);
    events.emit('phase', { target: 'monolith-fastify', trial: 1, phase: 'seed' });
    now = 1000;
    events.emit('phase', { target: 'monolith-fastify', trial: 1, phase: 'measure' });
    for (let s = 2; s <= 11; s++) {
      now = s * 1000;
      events.emit('tick', tick('monolith-fastify', 1, now - 1000, { inFlight: 8 }));
    }
    events.emit('run', run('monolith-fastify', 1));
    detach();
    const lines = out.text.trimEnd().split('\n');
    expect(out.text).not.toContain('\r');
    expect(lines[0]).toMatch(/^target 1\/2 monolith-fastify, trial 1\/2: seed 0 s, ETA/);
    expect(lines[1]).toMatch(/: measure 0 s, ETA/);
    // Ten ticks over ten seconds: two lines, five seconds apart.
    expect(lines.slice(2, -1)).toEqual([
      expect.stringMatching(/measure 5\/10 s, 812 req\/s, 8 in flight, 3 errors, ETA/),
      expect.stringMatching(/measure 10\/10 s/),
    ]);
    expect(lines.at(-1)).toBe('monolith-fastify #1: ok, 800 req/s');
  });

  it('on a terminal, redraws one line and clears it before a result line', () => {
    const events = new BenchmarkEvents();
    const out = new FakeStream(true);
    const detach = attachProgress(events, out, { now: () => 0 });
    events.emit('plan', plan);
    events.emit('phase', { target: 'monolith-express', trial: 2, phase: 'verify' });
    events.emit('skip', { target: 'monolith-express', reason: 'broker down' });
    detach();
    expect(out.text).toBe('target 2/2 monolith-express, trial 2/2: verify 0 s, ETA 00:12\r\x1b[Kmonolith-express: skipped: broker down\n');
  });

  it('on a terminal, cuts the line to its width so that the redraw clears all of it', () => {
    const events = new BenchmarkEvents();
    const out = Object.assign(new FakeStream(true), { columns: 30 });
    const detach = attachProgress(events, out, { now: () => 0 });
    events.emit('phase', { target: 'monolith-express', trial: 1, phase: 'seed' });
    detach();
    expect(out.text).toBe('monolith-express, trial 1: se\r\x1b[K');
  });
});
