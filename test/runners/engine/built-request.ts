// A request as the mix hands it to a transport, with test overrides.
import type { BuiltRequest } from '../../../runners/engine/request-mix.js';

export const builtRequest = (over: Partial<BuiltRequest> = {}): BuiltRequest => ({
  name: 'r',
  index: 0,
  method: 'GET',
  path: '/',
  headers: {},
  body: undefined,
  expect: () => true,
  ...over,
});
