// process: the CGI / cold-start model. The HTTP server stays up; every request is handed to a
// fresh Node process (one-request.ts) that boots the application, serves that one request and
// exits. At most `poolSize` such processes run at once; further requests queue in order.
// Work whose client has gone (a load generator's timeout closed the connection) is shed: it
// leaves the queue and never spawns a process. Serving it anyway once made every request of a
// 32-connection run time out, the queue growing with answers nobody waited for.
import { spawn, type ChildProcess } from 'node:child_process';
import { routes as apiRoutes, type RouteId } from '../contracts/api.js';
import { toErrorResponse, type HttpResponse } from '../contracts/http/errors.js';
import type { BoundRoute, RawRequest } from '../contracts/http/pipeline.js';
import { Limiter } from './limiter.js';
import { isResponseMessage, type RequestMessage } from './process-messages.js';
import type { ServedApp } from './served-app.js';

export interface ProcessLifecycleOptions {
  /** The one-request child module (calls serveOneRequest). */
  entry: string;
  /** Fresh processes allowed at once. */
  poolSize: number;
  /** A request process that has not answered by then is killed (the answer is a 500). */
  timeoutMs: number;
}

export const DEFAULT_PROCESS_POOL = 4;
export const DEFAULT_PROCESS_TIMEOUT_MS = 30_000;

export async function processPerRequest(opts: ProcessLifecycleOptions): Promise<ServedApp> {
  const limiter = new Limiter(opts.poolSize);
  const live = new Set<ChildProcess>();
  let closing = false;

  const runOnce = (route: RouteId, request: RawRequest): Promise<HttpResponse> =>
    new Promise((resolve, reject) => {
      if (closing) return reject(new Error('server is shutting down'));
      if (request.clientGone?.aborted) return reject(request.clientGone.reason);
      // Same flags as this process (a loader when run from source, --cpu-prof when profiling); same
      // process group, so stopping the target stops in-flight children too.
      const child = spawn(process.execPath, [...process.execArgv, opts.entry], {
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        serialization: 'advanced',
      });
      live.add(child);
      let response: HttpResponse | undefined;
      let failure: Error | undefined;
      const timer = setTimeout(() => {
        failure = new Error(`request process did not answer within ${opts.timeoutMs} ms`);
        child.kill('SIGKILL');
      }, opts.timeoutMs);
      child.on('message', (m: unknown) => {
        if (isResponseMessage(m)) response = m.response;
      });
      child.once('error', (err) => (failure ??= err));
      // 'close', not 'exit': the child has been reaped and its IPC channel drained, so its CPU
      // time is in our cutime/cstime and its answer has arrived.
      child.once('close', (code, signal) => {
        clearTimeout(timer);
        live.delete(child);
        if (response) resolve(response);
        else reject(failure ?? new Error(`request process exited without an answer (code ${code}, signal ${signal})`));
      });
      const { params, query, contentType, contentEncoding, authorization, body } = request;
      const msg: RequestMessage = { type: 'request', route, request: { params, query, contentType, contentEncoding, authorization, body } };
      child.send(msg, (err) => {
        if (err) failure ??= err;
      });
    });

  const routes: BoundRoute[] = (Object.keys(apiRoutes) as RouteId[]).map((id) => ({
    id,
    spec: apiRoutes[id],
    handle: (raw) => limiter.run(() => runOnce(id, raw), raw.clientGone).catch((err: unknown) => toErrorResponse(err)),
  }));

  // One request at start-up: a child entry that cannot boot fails the start, not every request.
  const probe = await limiter
    .run(() => runOnce('health', { params: {}, query: {}, contentType: undefined, contentEncoding: undefined, authorization: undefined, body: undefined }))
    .catch((err: unknown) => {
      throw new Error(`process lifecycle: the first request process failed: ${err instanceof Error ? err.message : String(err)}`);
    });
  if (probe.status !== 200) throw new Error(`process lifecycle: the first request process answered ${probe.status}: ${JSON.stringify(probe.body)}`);

  return {
    routes,
    close: async () => {
      closing = true;
      const gone = [...live].map((c) => new Promise((r) => c.once('close', r)));
      for (const c of live) c.kill('SIGKILL');
      await Promise.all(gone);
    },
  };
}
