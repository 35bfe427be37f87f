// The caller a user-scoped operation acts for: the verified token's subject (a user id), handed
// in by the HTTP edge (monolith) or over a transport by the gateway (micro). Services check it
// rather than trust that the edge did: a missing subject is a 401, never "anyone".
import { UnauthorizedError } from '../errors.js';

export function subjectOf(subject: unknown): string {
  if (typeof subject !== 'string' || subject.length === 0) throw new UnauthorizedError('no authenticated caller');
  // Ids are stored lowercase; a token's sub is what we issued, but compare normalised anyway.
  return subject.toLowerCase();
}
