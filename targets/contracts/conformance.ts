// Entry point of the conformance suite for the harness (`bench verify`, the verify phase).
export { runConformance, runEdgeConformance } from './conformance/index.js';
export type { ConformanceCheck, ConformanceOptions, ConformanceReport } from './conformance/index.js';
