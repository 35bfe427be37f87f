// A RequestContext with no target behind it: validation calls every request builder once
// against it, so a builder that throws is found before any target starts. Its values look like
// real seeded data (UUIDs, a JWT-shaped token) so builders that parse them do not trip.
import type { RequestContext } from './define.js';

const DRY_USER = '00000000-0000-4000-8000-000000000001';
const DRY_INVOICE = '00000000-0000-4000-8000-000000000002';
// header.payload.signature of an HS256 JWT whose subject is DRY_USER; never sent anywhere.
const DRY_TOKEN = `Bearer eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ sub: DRY_USER })).toString('base64url')}.dry-run`;

export function dryContext(): RequestContext {
  let counter = 0;
  return {
    userId: () => DRY_USER,
    invoiceId: () => DRY_INVOICE,
    actor: () => ({ userId: DRY_USER, authorization: DRY_TOKEN }),
    ownedInvoice: () => ({ invoiceId: DRY_INVOICE, authorization: DRY_TOKEN }),
    authorization: DRY_TOKEN,
    unique: () => `dry-${(counter++).toString(36)}`,
    random: () => 0.5,
    setupData: placeholder(),
  };
}

// setup() has not run at validation: every property of its data reads as another placeholder,
// which reads as 'setup-data' in a string, so builders that use it can still be dry-run.
function placeholder(): unknown {
  return new Proxy(() => undefined, {
    get: (_t, key) => (key === Symbol.toPrimitive || key === 'toJSON' || key === 'toString' ? () => 'setup-data' : key === 'then' ? undefined : placeholder()),
    apply: () => placeholder(),
  });
}
