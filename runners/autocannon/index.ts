// Closed model with autocannon: N connections, each sends its next request when the
// previous response arrives. We keep our own HDR histograms per request name because
// autocannon's only cover the total.
import autocannon from 'autocannon';
import { parseDurationMs } from '../../common/duration.js';
import type { ExecutorConfig } from '../../scenarios/executor.js';
import type { Workload } from '../../record/results.js';
import { RequestMix } from '../engine/request-mix.js';
import { Recorder, errorKind } from '../engine/recorder.js';
import type { LoadPlan, RunEvents, Runner, Sample } from '../runner.js';
import { requestContext } from '../engine/context.js';

interface ClientWithContext {
  requestIterator?: { context?: { i?: number } };
}

export const autocannonRunner: Runner = {
  name: 'autocannon',

  unsupported(executor: ExecutorConfig, url: string): string | null {
    // autocannon's `amount` counts requests but then ignores `duration`: no maxDuration, and
    // nothing per connection, so neither iteration executor maps onto it exactly.
    if (executor.type === 'shared-iterations' || executor.type === 'per-vu-iterations') {
      return `autocannon cannot run ${executor.type}: its amount option ignores the duration (no maxDuration) and does not count per connection`;
    }
    if (executor.type !== 'constant-vus') return `autocannon runs only the closed constant-vus executor, not ${executor.type}`;
    if (!/^https?:/.test(url)) return 'autocannon speaks HTTP only';
    return null;
  },

  describe(executor: ExecutorConfig): Workload {
    const vus = executor.type === 'constant-vus' ? executor.vus : 0;
    return {
      model: 'closed',
      executor: executor.type,
      runner: 'autocannon',
      connections: vus,
      description: `closed model: ${vus} connections, each waits for its response (autocannon)`,
    };
  },

  run(plan: LoadPlan, signal: AbortSignal, events: RunEvents): Promise<Sample> {
    const executor = plan.executor;
    if (executor.type !== 'constant-vus') return Promise.reject(new Error(this.unsupported(executor, plan.url) ?? ''));
    const durationMs = parseDurationMs(executor.duration);
    const mix = new RequestMix(plan.scenario.requests, requestContext(plan.seed, plan.runId));
    const recorder = new Recorder(mix.names);

    return new Promise<Sample>((resolve, reject) => {
      const started = performance.now();
      recorder.start(started);
      // Requests built (autocannon calls setupRequest as it sends) and answered, for the in-flight count.
      let built = 0;
      let answered = 0;
      const instance = autocannon(
        {
          url: plan.url,
          connections: executor.vus,
          pipelining: 1,
          duration: durationMs / 1000,
          timeout: Math.max(1, Math.ceil(plan.timeoutMs / 1000)),
          requests: [
            {
              setupRequest: (req, context) => {
                const r = mix.next();
                built++;
                (context as { i?: number }).i = r.index;
                return { ...req, method: r.method, path: r.path, headers: r.headers, body: r.body };
              },
            },
          ],
        },
        (err) => {
          clearInterval(ticker);
          signal.removeEventListener('abort', onAbort);
          if (err) return reject(err);
          resolve(recorder.finish(performance.now() - started));
        },
      );
      instance.on('response', (client: unknown, statusCode: number, _bytes: number, responseTimeMs: number) => {
        const i = (client as ClientWithContext).requestIterator?.context?.i ?? 0;
        answered++;
        recorder.response(i, statusCode, mix.expectAt(i)(statusCode), responseTimeMs * 1000);
      });
      // autocannon does not say which request a socket error belonged to.
      instance.on('reqError', (err: unknown) => {
        answered++;
        recorder.failure(-1, errorKind(err));
      });
      const onAbort = () => instance.stop();
      // A signal that fired before we started (Ctrl-C during warm-up) never calls a listener.
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
      const ticker = setInterval(() => {
        events.tick?.({
          elapsedMs: performance.now() - started,
          totalMs: durationMs,
          requests: recorder.requests,
          errors: recorder.errors,
          rps: recorder.takeTickRequests(),
          // autocannon builds each request just before sending it; a retried one is not rebuilt, hence the clamp.
          inFlight: Math.min(executor.vus, Math.max(0, built - answered)),
        });
      }, 1000);
      ticker.unref();
    });
  },
};
