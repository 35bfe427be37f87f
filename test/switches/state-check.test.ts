// `bench verify --state` for real: it passes on the persistent reference targets (both
// frameworks, workers, a micro topology) and fails on the planted "current user" leak.
import { afterEach, describe, expect, it } from 'vitest';
import { findTarget } from '../../targets/catalog.js';
import { runConformance } from '../../targets/contracts/conformance.js';
import { startTarget, type Started } from '../lifecycle/start.js';

let started: Started | undefined;
afterEach(async () => {
  await started?.cleanup();
  started = undefined;
});

const stateCheck = (name: string) => (c: { name: string }) => c.name.startsWith('state: ') && c.name.includes(name);

describe.each(['monolith-fastify', 'monolith-express', 'monolith-fastify-w2', 'micro-rest-express'])('%s', (name) => {
  it('passes the state check', async () => {
    started = await startTarget(findTarget(name)!);
    const report = await runConformance(started.target.url, { state: true, ...(started.target.jwtSecret ? { jwtSecret: started.target.jwtSecret } : {}) });
    const state = report.checks.filter((c) => c.name.startsWith('state: '));
    expect(state).toHaveLength(2);
    expect(state.filter((c) => !c.ok)).toEqual([]);
    expect(report.passed).toBe(true);
  });
});

describe.each(['monolith-fastify', 'monolith-express-w2', 'micro-rest-fastify'])('%s --plant-leak', (name) => {
  it("fails the state check: one user's requests are served as another", async () => {
    started = await startTarget(findTarget(name)!, { plantLeak: true });
    const report = await runConformance(started.target.url, { state: true });
    const check = report.checks.find(stateCheck('interleaved'));
    expect(check?.ok).toBe(false);
    expect(check?.detail).toMatch(/carried another request's state/);
    expect(report.passed).toBe(false);
  });
});
