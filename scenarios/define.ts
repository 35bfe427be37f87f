// The scenario API, for built-in scenarios and users' own files alike:
//   export default defineScenario({ name, requests, executor, ... })
import type { Duration } from '../common/duration.js';
import type { ExecutorConfig } from './executor.js';
import { ScenarioError, scenarioProblems } from './validate.js';

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
  /** A random seeded user with that user's own bearer token: targets let a user act on their own resources only. */
  actor(): { userId: string; authorization: string };
  /** A random seeded invoice with its owner's bearer token. */
  ownedInvoice(): { invoiceId: string; authorization: string };
  /** A valid bearer token of one seeded user (already prefixed: "Bearer ..."). */
  readonly authorization: string;
  /** A string unique within the whole run, for e-mails and keys. */
  unique(): string;
  /** Uniform random number in [0, 1). */
  random(): number;
  /** What the scenario's setup() returned (k6 passes it to the default function); undefined without setup. */
  readonly setupData: unknown;
}

/** A response as checks and setup() see it. */
export interface CheckedResponse {
  status: number;
  /** The body as text ('' when there is none). */
  body: string;
  /** The body parsed as JSON; throws when it is not JSON (a check that throws fails). */
  json(): unknown;
}

/** A named response predicate, k6's check(): counted per name as passes and fails; never an error by itself. */
export type Check = (res: CheckedResponse) => boolean;

/** What setup() may use: HTTP requests to the target, with the seeded data's context. */
export interface SetupApi {
  /** Sends one request to the target (loopback only unless --allow-remote). */
  request(r: HttpRequest): Promise<CheckedResponse>;
  /** The seeded users, invoices and tokens, as request builders see them. */
  readonly ctx: Omit<RequestContext, 'setupData'>;
}

export interface HttpRequestDefinition {
  /** Appears in results and thresholds: latency{name:GET /users/:id}. */
  name: string;
  /** Relative share of the mix. */
  weight: number;
  request(ctx: RequestContext): HttpRequest;
  /** Status codes that count as success; default any 2xx. */
  expect?: number[];
  /** k6's checks: { 'status is 201': (r) => r.status === 201, 'has id': (r) => typeof (r.json() as { id?: unknown }).id === 'string' }. */
  checks?: Record<string, Check>;
  grpc?: never;
}

/** gRPC status names (https://grpc.github.io/grpc/core/md_doc_statuscodes.html). */
export const GRPC_STATUS_NAMES = [
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED',
] as const;
export type GrpcStatusName = (typeof GRPC_STATUS_NAMES)[number];

/** One unary gRPC call; the message is encoded with the method's request type from the .proto. */
export interface GrpcCall {
  /** Fully qualified service name, e.g. archbench.users.v1.Users. */
  service: string;
  /** Method of that service, e.g. Get. */
  method: string;
  /** The request message as a plain object (camelCase field names). */
  message(ctx: RequestContext): Record<string, unknown>;
  /** A .proto file declaring the service; default: the contracts in targets/contracts/proto. */
  proto?: string;
}

export interface GrpcRequestDefinition {
  /** Appears in results and thresholds, e.g. users.Get. */
  name: string;
  weight: number;
  grpc: GrpcCall;
  /** Status codes that count as success; default OK only. */
  expect?: GrpcStatusName[];
  request?: never;
  checks?: never;
}

export type RequestDefinition = HttpRequestDefinition | GrpcRequestDefinition;

/** A scenario speaks one protocol: HTTP requests or gRPC calls. */
export type ScenarioProtocol = 'http' | 'grpc';

export function scenarioProtocol(s: Pick<ScenarioDefinition, 'requests'>): ScenarioProtocol {
  return s.requests.some((r) => r.grpc !== undefined) ? 'grpc' : 'http';
}

export interface SeedSpec {
  users: number;
  invoicesPerUser: number;
  /** Sign every seeded user in (POST /auth/token with their password) for authenticated requests; default true. */
  auth?: boolean;
}

export interface ScenarioDefinition {
  name: string;
  description: string;
  /** Data created through the public API before load; none for a foreign service. */
  seed?: SeedSpec;
  requests: RequestDefinition[];
  executor: ExecutorConfig;
  /**
   * k6's setup(): runs once per trial after seeding, before warm-up and the measured window (not
   * measured); what it returns reaches every request builder as ctx.setupData, in every generator
   * thread, so it must be structured-cloneable (plain data: no functions, no class instances).
   */
  setup?: (api: SetupApi) => unknown;
  /** Load before the measured window; not recorded. */
  warmup?: Duration;
  /** k6 syntax: { 'latency{name:GET /users/:id}': ['p(99)<50'], errors: ['rate<0.01'], checks: ['rate>0.99'] } */
  thresholds?: Record<string, string[]>;
  /** What `bench run` uses when --targets / --baseline are not given (a comparison scenario names its set). */
  defaults?: { targets?: string[]; baseline?: string };
}

export type Scenario = Readonly<ScenarioDefinition>;

export function defineScenario(def: ScenarioDefinition): Scenario {
  const problems = scenarioProblems(def);
  if (problems.length) throw new ScenarioError(`invalid scenario "${String(def.name)}":\n  ${problems.join('\n  ')}`);
  return Object.freeze({ ...def });
}
