// The exported k6 script (an ES module): options from k6-options.ts, setup() seeding through the
// public API, one weighted request per iteration built by the scenario's own builders.
// Only APIs k6 v0.47 has and k6 v2 kept: k6/http, k6/execution, __ENV; checked by the tests
// against @types/k6 with tsc --checkJs.
import type { Scenario } from '../../scenarios/define.js';
import { jsLiteral } from './js-literal.js';
import { ITERATION_FUNCTION, type K6Options } from './k6-options.js';

export interface ScriptInput {
  scenario: Scenario;
  options: K6Options;
  /** File name of the bundled request builders, imported relatively. */
  buildersFile: string;
  /** Default base URL; BASE_URL in the environment overrides it. */
  url: string;
  /** The command that wrote the script, for its header. */
  command: string;
}

const SEED_PASSWORD = 'archbench-k6-seed';

function mixOf(s: Scenario): Array<{ name: string; weight: number; expect: number[] | null }> {
  return s.requests.map((r) => ({ name: r.name, weight: r.weight, expect: (r.expect as number[] | undefined) ?? null }));
}

export function renderScript(input: ScriptInput): string {
  const { scenario: s, options } = input;
  const seed = s.seed ?? { users: 0, invoicesPerUser: 0, auth: false };
  const needsTokens = seed.users > 0 && (seed.auth !== false || seed.invoicesPerUser > 0);
  return `// k6 script for archbench scenario "${s.name}": ${s.description.replace(/\s+/g, ' ')}
// Written by \`${input.command}\`. Run it with
//   k6 run -e BASE_URL=${input.url} --out json=points.json.gz --summary-export summary.json script.js
// then read the result into an archbench run folder with
//   bench import k6 points.json.gz --summary summary.json
// Latency: k6 measures from the actual send; arrival-rate executors count arrivals they could not
// start (no free VU) in dropped_iterations instead (see docs/k6.md).
// With k6-operator (parallelism N) every pod runs this same script with an execution segment:
// rates and VUs below are the totals, k6 gives each pod its share.
import http from 'k6/http';
import exec from 'k6/execution';
import { check } from 'k6';
import { builders, checks } from './${input.buildersFile}';

const BASE_URL = (__ENV.BASE_URL || ${JSON.stringify(input.url)}).replace(/\\/+$/, '');

/** @type {import('k6/options').Options} */
export const options = ${jsLiteral(options)};

/**
 * The request mix: relative weights, expected statuses (null: any 2xx).
 * @type {Array<{ name: string, weight: number, expect: number[] | null }>}
 */
const MIX = ${jsLiteral(mixOf(s))};

/** @typedef {{ method: string, path: string, headers?: Record<string, string>, body?: unknown }} ArchbenchRequest */
/** @typedef {{ userId(): string, invoiceId(): string, actor(): { userId: string, authorization: string }, ownedInvoice(): { invoiceId: string, authorization: string }, authorization: string, unique(): string, random(): number }} RequestContext */
/** @typedef {{ id: string, authorization: string, invoiceIds: string[] }} SeededUser */
/** @typedef {{ run: string, users: SeededUser[] }} SeedData */

const BUILD = /** @type {Record<string, (ctx: RequestContext) => ArchbenchRequest>} */ (builders);
/** The scenario's checks per request name: k6's Response has the status, body and json() they read. */
const CHECKS = /** @type {Record<string, Record<string, (r: any) => boolean>>} */ (checks);
const TOTAL_WEIGHT = MIX.reduce((sum, r) => sum + r.weight, 0);
// Failed requests count in http_req_failed and carry expected_response:false, as archbench counts errors.
const EXPECTED = MIX.map((r) => (r.expect ? http.expectedStatuses(...r.expect) : http.expectedStatuses({ min: 200, max: 299 })));

const SEED = ${JSON.stringify({ users: seed.users, invoicesPerUser: seed.invoicesPerUser, tokens: needsTokens })};
const SEED_PASSWORD = ${JSON.stringify(SEED_PASSWORD)};
const JSON_HEADERS = { 'content-type': 'application/json' };
const SEED_BATCH = 16;

/**
 * POSTs in parallel batches; every answer must have the status given, else the test stops.
 * @param {string} path
 * @param {Array<{ body: unknown, authorization?: string }>} items
 * @param {number} status
 * @returns {Array<Record<string, unknown>>}
 */
function postAll(path, items, status) {
  /** @type {Array<Record<string, unknown>>} */
  const out = [];
  for (let i = 0; i < items.length; i += SEED_BATCH) {
    const batch = items.slice(i, i + SEED_BATCH).map((item) => ({
      method: 'POST',
      url: BASE_URL + path,
      body: JSON.stringify(item.body),
      params: { headers: item.authorization ? { ...JSON_HEADERS, authorization: item.authorization } : JSON_HEADERS, tags: { name: 'setup ' + path } },
    }));
    for (const res of http.batch(batch)) {
      if (res.status !== status) throw new Error('setup: POST ' + path + ' answered ' + res.status + ': ' + String(res.body).slice(0, 200));
      out.push(/** @type {Record<string, unknown>} */ (res.json()));
    }
  }
  return out;
}

/**
 * Creates the scenario's seed through the public API: users with passwords, one token per user
 * (a token opens only its own user's data), invoices owned by each user. Each k6 instance
 * (each k6-operator pod) seeds its own users, under its own run id.
 * @returns {SeedData}
 */
export function setup() {
  const run = Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
  const emails = Array.from({ length: SEED.users }, (_, i) => 'seed-' + run + '-' + i + '@example.test');
  const created = postAll('/users', emails.map((email, i) => ({ body: { name: 'Seed ' + i, email, password: SEED_PASSWORD } })), 201);
  const tokens = SEED.tokens ? postAll('/auth/token', emails.map((email) => ({ body: { email, password: SEED_PASSWORD } })), 200) : [];
  /** @type {SeededUser[]} */
  const users = created.map((u, i) => ({ id: String(u.id), authorization: tokens[i] ? 'Bearer ' + String(tokens[i].token) : '', invoiceIds: [] }));
  /** @type {Array<{ user: SeededUser, body: unknown, authorization: string }>} */
  const invoices = [];
  for (const u of users) {
    for (let k = 0; k < SEED.invoicesPerUser; k++) invoices.push({ user: u, body: { userId: u.id, amountCents: 100 + k, currency: 'EUR' }, authorization: u.authorization });
  }
  postAll('/invoices', invoices, 201).forEach((inv, i) => invoices[i].user.invoiceIds.push(String(inv.id)));
  return { run, users };
}

/**
 * One request's context. It draws one seeded user, and userId(), invoiceId() and authorization
 * all refer to that user, so the token always opens the data the request touches.
 * @param {SeedData} data
 * @returns {RequestContext}
 */
function contextFor(data) {
  const user = data.users.length ? data.users[Math.floor(Math.random() * data.users.length)] : undefined;
  let n = 0;
  return {
    userId() {
      if (!user) throw new Error('the scenario asked for a user but its seed created none');
      return user.id;
    },
    invoiceId() {
      if (!user || user.invoiceIds.length === 0) throw new Error('the scenario asked for an invoice but its seed created none');
      return user.invoiceIds[Math.floor(Math.random() * user.invoiceIds.length)];
    },
    // The id and its owner's token, as archbench's own context hands them out (ownership).
    actor() {
      return { userId: this.userId(), authorization: this.authorization };
    },
    ownedInvoice() {
      return { invoiceId: this.invoiceId(), authorization: this.authorization };
    },
    authorization: user ? user.authorization : '',
    // iterationInTest is unique across every k6 instance of the test (execution segments).
    unique: () => data.run + '-' + exec.scenario.name + '-' + exec.scenario.iterationInTest + '-' + (n++).toString(36),
    random: Math.random,
  };
}

function pickIndex() {
  const x = Math.random() * TOTAL_WEIGHT;
  let i = 0;
  let sum = MIX[0].weight;
  while (i < MIX.length - 1 && x >= sum) sum += MIX[++i].weight;
  return i;
}

/**
 * One iteration, one request of the mix, tagged with its name.
 * @param {SeedData} data
 */
export function ${ITERATION_FUNCTION}(data) {
  const i = pickIndex();
  const r = BUILD[MIX[i].name](contextFor(data));
  /** @type {Record<string, string>} */
  const headers = { ...r.headers };
  /** @type {string | null} */
  let body = null;
  if (r.body !== undefined) {
    body = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  }
  const res = http.request(r.method, BASE_URL + r.path, body, { headers, tags: { name: MIX[i].name }, responseCallback: EXPECTED[i] });
  const c = CHECKS[MIX[i].name];
  if (c) check(res, c, { name: MIX[i].name });
}
`;
}
