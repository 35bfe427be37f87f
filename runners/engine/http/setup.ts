// k6's setup(): the scenario's own step, once per trial after seeding, before warm-up and the
// measured window. It sends requests to the target (log in once, create data) and returns data
// that every request builder sees as ctx.setupData, in every generator thread: so the data must
// survive structured clone (what worker threads receive).
import { request } from 'undici';
import type { CheckedResponse, HttpRequest, Scenario } from '../../../scenarios/define.js';
import { requestContext, type SeedData } from '../context.js';

export class SetupError extends Error {}

export async function runSetup(scenario: Scenario, url: string, seed: SeedData, runId: string, signal: AbortSignal): Promise<unknown> {
  if (!scenario.setup) return undefined;
  const base = new URL(url);
  const prefix = base.pathname.replace(/\/$/, '');
  const send = async (r: HttpRequest): Promise<CheckedResponse> => {
    const headers: Record<string, string> = { ...r.headers };
    let body: string | undefined;
    if (r.body !== undefined) {
      body = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await request(new URL(prefix + r.path, base.origin), { method: r.method, headers, ...(body !== undefined ? { body } : {}), signal });
    const text = await res.body.text();
    return { status: res.statusCode, body: text, json: () => JSON.parse(text) as unknown };
  };
  let data: unknown;
  try {
    data = await scenario.setup({ request: send, ctx: requestContext(seed, `${runId}s`) });
  } catch (err) {
    throw new SetupError(`the scenario's setup() threw: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  try {
    structuredClone(data);
  } catch (err) {
    throw new SetupError(
      `the scenario's setup() returned data that cannot be sent to generator threads (it must be structured-cloneable: plain objects, arrays, strings, numbers, no functions or class instances): ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  return data;
}
