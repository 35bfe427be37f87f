// What a run folder needs from k6 points, in constant memory: one HDR histogram per request
// name (successful responses), counts, errors by kind, and requests per second. Several files
// (one per k6 instance or pod) feed the same accumulator, so their merge is exact.
import { createHistogram, recordUs, type Histogram } from '../../../record/histogram.js';
import type { K6Point } from './points-reader.js';

export const DURATION_METRIC = 'http_req_duration';
export const DROPPED_METRIC = 'dropped_iterations';
export const IMPORTED_METRICS = [DURATION_METRIC, DROPPED_METRIC] as const;

/** The warm-up scenario of an exported script, and setup/teardown: not part of the measurement. */
export const SKIPPED_SCENARIOS = ['warmup'];
const SKIPPED_GROUPS = ['::setup', '::teardown'];

export interface NameStats {
  requests: number;
  errors: number;
  histogram: Histogram;
}

export interface SecondCounts {
  requests: number;
  errors: number;
}

/** k6's default response callback: 200-399 are expected when a point carries no expected_response tag. */
const expectedByStatus = (status: number) => status >= 200 && status < 400;

export class K6Accumulator {
  readonly byName = new Map<string, NameStats>();
  readonly total: Histogram = createHistogram();
  /** Keyed by whole epoch second: pods' clocks align on seconds, and seconds add up. */
  readonly perSecond = new Map<number, SecondCounts>();
  readonly errorsByKind: Record<string, number> = {};
  requests = 0;
  ok = 0;
  dropped = 0;
  firstMs = Infinity;
  lastMs = -Infinity;
  #lastPrefix = '';
  #lastSecondMs = 0;

  add(p: K6Point): void {
    if (SKIPPED_SCENARIOS.includes(p.tags.scenario ?? '') || SKIPPED_GROUPS.includes(p.tags.group ?? '')) return;
    if (!Number.isFinite(p.value) || p.value < 0) throw new Error(`${p.metric} value ${p.value} is not a non-negative number`);
    if (p.metric === DROPPED_METRIC) {
      this.dropped += p.value;
      return;
    }
    const status = Number(p.tags.status ?? 0);
    const expected = p.tags.expected_response !== undefined ? p.tags.expected_response === 'true' : expectedByStatus(status);
    const name = p.tags.name ?? p.tags.url ?? 'unnamed';
    let stats = this.byName.get(name);
    if (!stats) this.byName.set(name, (stats = { requests: 0, errors: 0, histogram: createHistogram() }));
    const ms = this.#timeMs(p.time);
    const second = Math.floor(ms / 1000);
    let sec = this.perSecond.get(second);
    if (!sec) this.perSecond.set(second, (sec = { requests: 0, errors: 0 }));
    this.requests++;
    stats.requests++;
    sec.requests++;
    if (expected) {
      this.ok++;
      // k6 writes milliseconds; the histograms hold microseconds.
      recordUs(stats.histogram, p.value * 1000);
      recordUs(this.total, p.value * 1000);
    } else {
      stats.errors++;
      sec.errors++;
      const kind = status === 0 ? 'no_response' : `http_${status}`;
      this.errorsByKind[kind] = (this.errorsByKind[kind] ?? 0) + 1;
    }
  }

  // Date.parse per point is costly: points arrive in time order, so the second rarely changes.
  #timeMs(time: string): number {
    let ms: number;
    if (time.length > 20 && time.endsWith('Z')) {
      const prefix = time.slice(0, 19);
      if (prefix !== this.#lastPrefix) {
        this.#lastPrefix = prefix;
        this.#lastSecondMs = Date.parse(`${prefix}Z`);
      }
      // ".549300009Z": the fraction after the seconds, to the millisecond.
      ms = this.#lastSecondMs + (time[19] === '.' ? Math.floor(Number(`0${time.slice(19, -1)}`) * 1000) : 0);
    } else ms = Date.parse(time);
    if (Number.isNaN(ms)) throw new Error(`unreadable time "${time}"`);
    if (ms < this.firstMs) this.firstMs = ms;
    if (ms > this.lastMs) this.lastMs = ms;
    return ms;
  }
}
