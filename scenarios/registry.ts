// The explicit list of built-in scenarios; a user's own file is loaded by path instead.
import type { Scenario } from './define.js';
import architecture from './architecture.js';
import billing from './billing.js';
import calibration from './calibration.js';
import calibrationOpen from './calibration-open.js';
import calibrationStall from './calibration-stall.js';
import getUser from './get-user.js';
import grpcGetUser from './grpc-get-user.js';
import readHeavy from './read-heavy.js';
import signupBurst from './signup-burst.js';
import smoke from './smoke.js';
import writeHeavy from './write-heavy.js';
import cacheEffect from './cache-effect.js';
import throttle from './throttle.js';

// Issue 17 items 4-6: the edge switches' comparisons.
import graphqlVsRest from './graphql-vs-rest.js';
import middlewareCost from './middleware-cost.js';
import tickInterference from './tick-interference.js';


export const scenarios: readonly Scenario[] = [smoke, readHeavy, writeHeavy, getUser, calibration, calibrationOpen, calibrationStall, architecture, grpcGetUser, signupBurst, billing, cacheEffect, throttle, middlewareCost, tickInterference, graphqlVsRest];

export function findScenario(name: string): Scenario | undefined {
  return scenarios.find((s) => s.name === name);
}
