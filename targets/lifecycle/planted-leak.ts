// --plant-leak: the persistent-worker hazard, planted on purpose so `bench verify --state` is
// seen to catch it. The "current user" guard is a singleton of the container that remembers
// the first identity it resolved and, like Laravel's guard (`if ($this->user) return
// $this->user;`), skips resolving the token of every later request that carries one. In a
// persistent worker the container lives as long as the process, so user B is served as A.
import type { TokenClaims } from '../domain/auth/token-service.js';
import type { Authenticate } from '../contracts/http/pipeline.js';

export function leakyCurrentUser(authenticate: Authenticate): Authenticate {
  let current: TokenClaims | undefined;
  return async (authorization, request) => {
    // A request without credentials is still refused: the auth middleware checks the header first.
    if (current && authorization !== undefined) return current;
    current = await authenticate(authorization, request);
    return current;
  };
}
