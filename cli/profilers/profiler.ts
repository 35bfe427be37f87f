// What a profiler for `bench profile` is; the registry is in index.ts.
import type { TargetOptions, TargetSpec } from '../../targets/target.js';

export interface ProfilerOutputs {
  /** Absolute paths of the files the report links, one or more per profiled process. */
  files: string[];
  /** What went wrong turning the collected data into those files. */
  problems: string[];
}

export interface Profiler {
  describe: string;
  /** Why this profiler cannot profile `spec` (a usage error), or undefined when it can. */
  refuses?(spec: TargetSpec): string | undefined;
  /** What it adds to the target's start options; everything it collects goes to `dir`. */
  targetOptions(dir: string): Pick<TargetOptions, 'nodeArgs' | 'wrap'>;
  /** After the target has stopped: render and list what `dir` holds. */
  outputs(dir: string): Promise<ProfilerOutputs>;
}
