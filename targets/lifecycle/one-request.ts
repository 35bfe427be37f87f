// Child side of the `process` lifecycle (CGI, cold start): a fresh Node process receives one
// request over IPC, builds the application, serves it, tears it down, answers, and exits.
import { toErrorResponse, type HttpResponse } from '../contracts/http/errors.js';
import { isRequestMessage, type ResponseMessage } from './process-messages.js';
import { routeOf, type AppFactory, type ServedApp } from './served-app.js';

export function serveOneRequest(build: AppFactory): void {
  // Dead-man's switch: the server that spawned us is gone, nobody waits for the answer.
  process.once('disconnect', () => process.exit(1));
  if (!process.send) {
    console.error('no IPC channel: this module is spawned by the process lifecycle');
    process.exit(1);
  }
  process.once('message', (m: unknown) => {
    void handle(m).then(
      (response) => {
        const msg: ResponseMessage = { type: 'response', response };
        process.send!(msg, undefined, undefined, () => process.exit(0));
      },
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  });

  async function handle(m: unknown): Promise<HttpResponse> {
    if (!isRequestMessage(m)) throw new Error('expected a request message');
    let app: ServedApp | undefined;
    try {
      app = await build();
      return await routeOf(app, m.route).handle(m.request);
    } catch (err) {
      return toErrorResponse(err);
    } finally {
      await app?.close().catch((err: unknown) => console.error('teardown failed:', err));
    }
  }
}
