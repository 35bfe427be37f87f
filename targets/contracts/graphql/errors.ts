// Domain errors -> GraphQL errors carrying the REST answer's code, status and field, so a client
// (and the conformance suite) sees the same rule broken whichever API it used.
import { GraphQLError } from 'graphql';
import type { ErrorBody } from '../schemas.js';
import { toErrorResponse } from '../http/errors.js';

export function toGraphQLError(err: unknown): GraphQLError {
  if (err instanceof GraphQLError) return err;
  const res = toErrorResponse(err);
  const { code, message, field } = (res.body as ErrorBody).error;
  return new GraphQLError(message, { extensions: { code, status: res.status, ...(field === undefined ? {} : { field }) } });
}

/** Run a read; its failure becomes the field's GraphQL error. */
export async function graphqlRead<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    throw toGraphQLError(err);
  }
}
