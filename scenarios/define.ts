// The scenario API, for built-in scenarios and users' own files alike:
//   export default defineScenario({ name, requests, executor, ... })
import type { Duration } from './duration.js';
import type { ExecutorConfig } from './executor.js';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  path: string;
  headers?: Record<string, string>;
  /** Serialised as JSON when not a string. */
  body?: unknown;
}

/** What a request builder can draw from: the seeded data and unique values. */
export interface RequestContext {
  /** A random seeded user id. */
  userId(): string;
  /** A random seeded invoice id. */
  invoiceId(): string;
  /** A valid bearer token (already prefixed: "Bearer ..."). */
  readonly authorization: string;
  /** A string unique within the whole run, for e-mails and keys. */
  unique(): string;
  /** Uniform random number in [0, 1). */
  random(): number;
}

export interface RequestDefinition {
  /** Appears in results and thresholds: latency{name:GET /users/:id}. */
  name: string;
  /** Relative share of the mix. */
  weight: number;
  request(ctx: RequestContext): HttpRequest;
  /** Status codes that count as success; default any 2xx. */
  expect?: number[];
}

export interface SeedSpec {
  users: number;
  invoicesPerUser: number;
  /** Obtain a bearer token (POST /auth/token) for authenticated requests; default true. */
  auth?: boolean;
}

export interface ScenarioDefinition {
  name: string;
  description: string;
  /** Data created through the public API before load; none for a foreign service. */
  seed?: SeedSpec;
  requests: RequestDefinition[];
  executor: ExecutorConfig;
  /** Load before the measured window; not recorded. */
  warmup?: Duration;
  /** k6 syntax: { 'latency{name:GET /users/:id}': ['p(99)<50'], errors: ['rate<0.01'] } */
  thresholds?: Record<string, string[]>;
  /** What `bench run` uses when --targets / --baseline are not given (a comparison scenario names its set). */
  defaults?: { targets?: string[]; baseline?: string };
}

export type Scenario = Readonly<ScenarioDefinition>;

export function defineScenario(def: ScenarioDefinition): Scenario {
  const problems: string[] = [];
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(def.name)) problems.push(`name "${def.name}" must be letters, digits, . _ -`);
  if (def.requests.length === 0) problems.push('requests: at least one request is needed');
  const names = new Set<string>();
  for (const r of def.requests) {
    if (names.has(r.name)) problems.push(`requests: duplicate name "${r.name}"`);
    names.add(r.name);
    if (!(r.weight > 0) || !Number.isFinite(r.weight)) problems.push(`requests["${r.name}"].weight must be > 0`);
  }
  if (def.seed && (def.seed.users < 1 || def.seed.invoicesPerUser < 0)) {
    problems.push('seed: users must be >= 1 and invoicesPerUser >= 0');
  }
  if (problems.length) throw new Error(`invalid scenario "${def.name}":\n  ${problems.join('\n  ')}`);
  return Object.freeze({ ...def });
}
