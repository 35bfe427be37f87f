// Everything a scenario can get wrong, found before any target starts: its shape (files are
// user input, JavaScript too, and may skip defineScenario), its executor, its warm-up, and every
// request builder called once against a dry context. One ScenarioError lists every problem.
import { UsageError } from '../common/errors.js';
import { GRPC_STATUS_NAMES, type GrpcCall, type HttpRequest, type RequestDefinition, type Scenario } from './define.js';
import { dryContext } from './dry-context.js';
import { durationProblem } from './executors/checks.js';
import { validateExecutor } from './executors/registry.js';

export class ScenarioError extends UsageError {
  constructor(message: string) {
    super(message, 'ERR_SCENARIO');
  }
}

const METHODS: readonly string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'];

/** Every problem with a scenario value; empty when it is valid. */
export function scenarioProblems(value: unknown): string[] {
  if (!value || typeof value !== 'object') return ['the default export must be a scenario object: export default defineScenario({...})'];
  const def = value as Partial<Record<keyof Scenario, unknown>>;
  const problems: string[] = [];
  if (typeof def.name !== 'string' || !/^[a-z0-9][a-z0-9._-]*$/i.test(def.name)) problems.push(`name ${JSON.stringify(def.name)} must be letters, digits, . _ -`);
  if (def.description !== undefined && typeof def.description !== 'string') problems.push('description must be a string');
  problems.push(...requestsProblems(def.requests));
  problems.push(...validateExecutor(def.executor).map((p) => (p.startsWith('executor') ? p : `executor.${p}`)));
  if (def.warmup !== undefined) {
    const p = durationProblem('warmup', def.warmup as string | number, { min: 0 });
    if (p) problems.push(p);
  }
  const seed = def.seed as { users?: unknown; invoicesPerUser?: unknown } | undefined;
  if (seed !== undefined && (typeof seed !== 'object' || !(Number(seed.users) >= 1) || !(Number(seed.invoicesPerUser) >= 0))) {
    problems.push('seed: users must be >= 1 and invoicesPerUser >= 0');
  }
  if (def.setup !== undefined && typeof def.setup !== 'function') problems.push('setup must be a function (api) => data');
  if (def.thresholds !== undefined && (typeof def.thresholds !== 'object' || !Object.values(def.thresholds as object).every(Array.isArray))) {
    problems.push("thresholds must map a metric to a list of expressions, e.g. { 'latency': ['p(99)<50'] }");
  }
  return problems;
}

/** The scenario, or a ScenarioError naming `where` (the file) and every problem. */
export function validateScenario(value: unknown, where: string): Scenario {
  const problems = scenarioProblems(value);
  if (problems.length) throw new ScenarioError(`${where}: invalid scenario:\n  ${problems.join('\n  ')}`);
  return value as Scenario;
}

function requestsProblems(requests: unknown): string[] {
  if (!Array.isArray(requests) || requests.length === 0) return ['requests: at least one request is needed'];
  const problems: string[] = [];
  const names = new Set<string>();
  for (const r of requests as RequestDefinition[]) {
    if (!r || typeof r !== 'object' || typeof r.name !== 'string') {
      problems.push('requests: every request needs a name');
      continue;
    }
    if (names.has(r.name)) problems.push(`requests: duplicate name "${r.name}"`);
    names.add(r.name);
    if (!(r.weight > 0) || !Number.isFinite(r.weight)) problems.push(`requests["${r.name}"].weight must be > 0`);
    const shape = requestShapeProblems(r);
    problems.push(...(shape.length ? shape : dryRunProblems(r)));
  }
  const grpcCount = (requests as RequestDefinition[]).filter((r) => r?.grpc !== undefined).length;
  if (grpcCount > 0 && grpcCount < requests.length) problems.push('requests: mix of HTTP and gRPC requests; a scenario speaks one protocol');
  return problems;
}

// Scenario files are user input: check the shape the types promise.
function requestShapeProblems(r: RequestDefinition): string[] {
  const at = `requests["${r.name}"]`;
  const g: Partial<GrpcCall> | undefined = r.grpc;
  if (g === undefined) {
    const problems = typeof r.request === 'function' ? [] : [`${at}: needs request(ctx) for HTTP or grpc: { service, method, message(ctx) }`];
    const checks: unknown = r.checks;
    if (checks !== undefined && (!checks || typeof checks !== 'object' || !Object.values(checks).every((c) => typeof c === 'function'))) {
      problems.push(`${at}.checks must map a check name to a function (res) => boolean, e.g. { 'status is 200': (r) => r.status === 200 }`);
    }
    return problems;
  }
  const problems: string[] = [];
  if (r.request !== undefined) problems.push(`${at}: has both request and grpc; choose one`);
  if (r.checks !== undefined) problems.push(`${at}.checks: checks read HTTP responses; gRPC calls have none`);
  if (typeof g.service !== 'string' || !/^[A-Za-z_][\w.]*$/.test(g.service)) problems.push(`${at}.grpc.service must be a fully qualified service name, e.g. archbench.users.v1.Users`);
  if (typeof g.method !== 'string' || !/^[A-Za-z_]\w*$/.test(g.method)) problems.push(`${at}.grpc.method must be a method name, e.g. Get`);
  if (typeof g.message !== 'function') problems.push(`${at}.grpc.message must be a function (ctx) => message object`);
  if (g.proto !== undefined && (typeof g.proto !== 'string' || !g.proto.endsWith('.proto'))) problems.push(`${at}.grpc.proto must be a path to a .proto file`);
  const expects: readonly unknown[] = r.expect ?? [];
  const bad = expects.filter((e) => !(GRPC_STATUS_NAMES as readonly unknown[]).includes(e));
  if (bad.length) problems.push(`${at}.expect: unknown gRPC status ${bad.join(', ')}; valid: ${GRPC_STATUS_NAMES.join(', ')}`);
  return problems;
}

/** Calls the builder once against the dry context: a throw or a malformed request is a problem now, not mid-run. */
function dryRunProblems(r: RequestDefinition): string[] {
  const at = r.grpc ? `requests["${r.name}"].grpc.message(ctx)` : `requests["${r.name}"].request(ctx)`;
  let built: unknown;
  try {
    built = r.grpc ? r.grpc.message(dryContext()) : r.request(dryContext());
  } catch (err) {
    return [`${at} threw: ${err instanceof Error ? err.message : String(err)}`];
  }
  if (!built || typeof built !== 'object') return [`${at} must return ${r.grpc ? 'a message object' : '{ method, path }'}, got ${JSON.stringify(built)}`];
  if (r.grpc) return [];
  const h = built as Partial<HttpRequest>;
  const problems: string[] = [];
  if (typeof h.method !== 'string' || !METHODS.includes(h.method)) problems.push(`${at} returned method ${JSON.stringify(h.method)}; valid: ${METHODS.join(', ')}`);
  if (typeof h.path !== 'string' || !h.path.startsWith('/')) problems.push(`${at} returned path ${JSON.stringify(h.path)}; it must start with /`);
  return problems;
}
