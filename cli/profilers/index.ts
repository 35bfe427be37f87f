// The one registry of profilers for `bench profile`.
import { clinicProfiler } from './clinic.js';
import { cpuProf } from './cpu-prof.js';
import type { Profiler } from './profiler.js';

export type { Profiler, ProfilerOutputs } from './profiler.js';

export const PROFILERS: Record<string, Profiler> = {
  'cpu-prof': cpuProf,
  'clinic-doctor': clinicProfiler('doctor'),
  'clinic-flame': clinicProfiler('flame'),
};
