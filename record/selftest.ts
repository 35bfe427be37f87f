// What `bench selftest` found: the generator's percentiles against the calibration server's own
// record of what it did, per case, plus the peers (autocannon, wrk) and the stall.

export interface PercentileCheck {
  percentile: number;
  /** The mixture's nominal value (what the flags say). */
  nominalMs: number;
  /** What the server observed itself doing over the window (intended delay + its own lateness): the check's truth. */
  truthMs: number;
  measuredMs: number | null;
  errorMs: number | null;
  /** The allowed error: max(relative share of the truth, absolute floor). */
  toleranceMs: number;
  ok: boolean;
}

export interface AccuracyCase {
  /** e.g. "open 1000/s", "closed 8 connections". */
  name: string;
  /** Who generated the load: archbench's engine, autocannon or wrk. */
  generator: 'engine' | 'autocannon' | 'wrk';
  /** Only the engine's cases decide pass or fail; peers are shown beside them. */
  judged: boolean;
  workload: string;
  requests: number;
  dropped: number;
  /** Send lag (actual minus intended send time) of the open model: it counts as latency. */
  lagMs: { p50: number; p99: number; p999: number } | null;
  checks: PercentileCheck[];
  serverLateUsP99: number;
  /**
   * Open cases: the machine's own pauses on the generator's cores, probed just before the case,
   * and the send lag judged against the lag they alone would cause (see harness/host-pauses.ts).
   */
  lagCheck?: LagCheck;
}

export interface LagCheck {
  hostPausedShare: number;
  hostLongestPauseMs: number;
  /** Send lag a perfect generator would have had (arrivals inside the host's pauses). */
  floorMs: { p99: number; p999: number };
  /** What the engine may add on top of the floor. */
  marginMs: { p99: number; p999: number };
  ok: boolean;
}

export interface StallCase {
  name: string;
  workload: string;
  requests: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  /** Share of requests slower than slowMs. */
  slowShare: number;
}

export interface SelftestReport {
  latency: string;
  tolerance: { relative: number; absoluteMs: number };
  accuracy: AccuracyCase[];
  /** Peers that could not run, and why (wrk not installed). */
  skippedPeers: string[];
  stall: { spec: string; slowMs: number; truth: { slowShare: number; stalledShare: number; p50Ms: number; p99Ms: number }; cases: StallCase[] };
  /** One line per failed check of a judged case: which part, by how much. */
  failures: string[];
  passed: boolean;
}
