// GraphQL answers a failed query with HTTP 200: the scenario's requests check the body.
import { describe, expect, it } from 'vitest';
import graphqlVsRest from '../../scenarios/graphql-vs-rest.js';
import { NO_GRAPHQL_ERRORS, answeredWithoutErrors } from '../../scenarios/graphql-requests.js';
import type { CheckedResponse } from '../../scenarios/define.js';

const res = (status: number, body: unknown): CheckedResponse => ({ status, body: JSON.stringify(body), json: () => body });

describe('graphql-vs-rest checks the body of every GraphQL answer', () => {
  it('a 200 with errors fails the check; data without errors passes', () => {
    expect(answeredWithoutErrors(res(200, { data: { user: { id: 'u1' } } }))).toBe(true);
    expect(answeredWithoutErrors(res(200, { data: null, errors: [{ message: 'user not found' }] }))).toBe(false);
    expect(answeredWithoutErrors(res(200, { data: { user: null }, errors: [{ message: 'forbidden' }] }))).toBe(false);
    expect(answeredWithoutErrors(res(400, { errors: [{ message: 'bad query' }] }))).toBe(false);
  });

  it('every GraphQL request carries the check and the scenario gates on the checks rate', () => {
    const graphql = graphqlVsRest.requests.filter((r) => r.name.startsWith('GraphQL'));
    expect(graphql).toHaveLength(3);
    for (const r of graphql) expect(Object.keys(('checks' in r && r.checks) || {})).toEqual([NO_GRAPHQL_ERRORS]);
    expect(graphqlVsRest.thresholds?.checks).toEqual(['rate>0.99']);
  });
});
