// The package's public API, for users' own scenario files:
//   import { defineScenario } from 'archbench';
export { defineScenario } from './scenarios/define.js';
export { sharedData } from './scenarios/shared-data.js';
export type { DataRow } from './scenarios/shared-data.js';
export type { Check, CheckedResponse, SetupApi, HttpRequest, RequestContext, RequestDefinition, Scenario, ScenarioDefinition, SeedSpec } from './scenarios/define.js';
export type { GrpcCall, GrpcRequestDefinition, GrpcStatusName, HttpRequestDefinition } from './scenarios/define.js';
export type { ExecutorConfig, ConstantVus, RampingVus, ConstantArrivalRate, RampingArrivalRate, Stage } from './scenarios/executor.js';
export type { Results, RunResult } from './record/results.js';
