// gRPC requests in the scenario API: defineScenario checks their shape (scenario files are user
// input, JavaScript too) and a scenario speaks one protocol.
import { describe, expect, it } from 'vitest';
import { defineScenario, scenarioProtocol, type ScenarioDefinition } from '../../../scenarios/define.js';
import { findScenario } from '../../../scenarios/registry.js';

const base = { name: 's', description: '', executor: { type: 'constant-vus', vus: 1, duration: '1s' } } satisfies Omit<ScenarioDefinition, 'requests'>;

describe('gRPC requests in scenarios', () => {
  it('lists every problem of a malformed gRPC request', () => {
    const bad = { name: 'x', weight: 1, expect: ['OK', 'GONE'], grpc: { service: 'not a service', method: '', message: 'no', proto: 'users.txt' } };
    expect(() => defineScenario({ ...base, requests: [bad as never] })).toThrow(
      /grpc\.service must be a fully qualified service name[\s\S]*grpc\.method must be a method name[\s\S]*grpc\.message must be a function[\s\S]*grpc\.proto must be a path to a \.proto file[\s\S]*unknown gRPC status GONE; valid: OK, CANCELLED/,
    );
  });

  it('refuses a request that is neither or both, and a mix of protocols', () => {
    expect(() => defineScenario({ ...base, requests: [{ name: 'x', weight: 1 } as never] })).toThrow(/needs request\(ctx\) for HTTP or grpc: \{ service, method, message\(ctx\) \}/);
    const grpc = { service: 'archbench.users.v1.Users', method: 'Get', message: () => ({}) };
    expect(() => defineScenario({ ...base, requests: [{ name: 'x', weight: 1, grpc, request: () => ({ method: 'GET', path: '/' }) } as never] })).toThrow(/has both request and grpc/);
    expect(() =>
      defineScenario({ ...base, requests: [{ name: 'a', weight: 1, grpc }, { name: 'b', weight: 1, request: () => ({ method: 'GET', path: '/' }) }] }),
    ).toThrow(/mix of HTTP and gRPC requests; a scenario speaks one protocol/);
  });

  it('knows each scenario protocol', () => {
    expect(scenarioProtocol(findScenario('grpc-get-user')!)).toBe('grpc');
    expect(scenarioProtocol(findScenario('get-user')!)).toBe('http');
  });
});
