// setup and checks are user input too: their shape is checked before anything starts, and a
// builder reading ctx.setupData can be dry-run although setup() has not run yet.
import { describe, expect, it } from 'vitest';
import { scenarioProblems } from '../../scenarios/validate.js';

const base = { name: 's', description: 'd', executor: { type: 'constant-vus', vus: 1, duration: '1s' } };

describe('setup and checks validation', () => {
  it('a builder using setupData passes the dry run (a placeholder stands in for the data)', () => {
    const problems = scenarioProblems({
      ...base,
      setup: () => ({ user: { id: 'u1' } }),
      requests: [{ name: 'a', weight: 1, request: (ctx: { setupData: { user: { id: string } } }) => ({ method: 'GET', path: `/users/${ctx.setupData.user.id}` }) }],
    });
    expect(problems).toEqual([]);
  });

  it('names a setup that is not a function, checks that are not functions, and checks on gRPC calls', () => {
    const problems = scenarioProblems({
      ...base,
      setup: 'login',
      requests: [
        { name: 'a', weight: 1, request: () => ({ method: 'GET', path: '/' }), checks: { 'is 200': 200 } },
      ],
    });
    expect(problems).toContain('setup must be a function (api) => data');
    expect(problems.join('\n')).toContain(`requests["a"].checks must map a check name to a function (res) => boolean`);
    const grpc = scenarioProblems({ ...base, requests: [{ name: 'g', weight: 1, grpc: { service: 'a.B', method: 'C', message: () => ({}) }, checks: { x: () => true } }] });
    expect(grpc.join('\n')).toContain('requests["g"].checks: checks read HTTP responses; gRPC calls have none');
  });
});
