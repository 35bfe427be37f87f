// Sub-millisecond wake-ups without burning a core. Node's timers fire up to ~1 ms late
// (libuv keeps time in whole ms), which is as large as the latencies we calibrate against.
// A helper thread sleeps in Atomics.wait (microsecond timeout) and posts a message when the
// deadline passes; the message wakes the event loop at once. The open runner's scheduler and
// the calibration server's response timers both use it.
import { Worker } from 'node:worker_threads';
import { generatorNice } from './thread-priority.js';

/**
 * The last stretch before a deadline the helper thread spins instead of sleeping, after a gap of
 * 1 ms or more. A sleeping thread leaves its (virtual) CPU idle, and an idle vCPU can take a while
 * to be woken (docs/measurement.md: the open model's median send lag at 100/s, 0.19-0.36 ms
 * sleeping, 0.03-0.12 ms spinning the last 200 us).
 * ARCHBENCH_WAKE_SPIN_US overrides (0..2000); 0 sleeps all the way.
 */
export const WAKE_SPIN_ENV = 'ARCHBENCH_WAKE_SPIN_US';
export const DEFAULT_WAKE_SPIN_US = 200;

export function wakeSpinUs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[WAKE_SPIN_ENV];
  if (raw === undefined || raw === '') return DEFAULT_WAKE_SPIN_US;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 2000) throw new Error(`${WAKE_SPIN_ENV} must be an integer from 0 to 2000 (microseconds), got "${raw}"`);
  return n;
}

/** Monotonic milliseconds, the same clock in every thread of the process. */
export function monoMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

// Plain JS, evaluated in the helper thread: runs the same from sources and from dist/.
const SLEEPER = `
const { workerData, parentPort } = require('node:worker_threads');
// The wake-up is the one moment that must not wait behind other work (see thread-priority.ts).
if (workerData.nice) { try { require('node:os').setPriority(workerData.nice); } catch {} }
const spinUs = workerData.spinUs;
// Spin only after a gap of 1 ms or more: in a busier stream the CPU never goes idle, and a
// spinning helper would take the time the sending thread needs (on the same core under --pin).
const SPIN_AFTER_GAP_US = 1000n;
let lastWakeUs = 0n;
const ctl = new Int32Array(workerData.shared, 0, 2);       // [0] sequence, [1] closing
const deadline = new BigInt64Array(workerData.shared, 8, 1); // microseconds, 0 = none
const nowUs = () => process.hrtime.bigint() / 1000n;
for (;;) {
  const seq = Atomics.load(ctl, 0);
  if (Atomics.load(ctl, 1)) break;
  const t = Atomics.load(deadline, 0);
  if (t === 0n) { Atomics.wait(ctl, 0, seq); continue; }
  const remUs = Number(t - nowUs());
  const spin = spinUs > 0 && t - lastWakeUs >= SPIN_AFTER_GAP_US ? spinUs : 0;
  if (remUs > spin) { Atomics.wait(ctl, 0, seq, (remUs - spin) / 1000); continue; }
  // The last stretch: spin, unless a newer deadline (or close) comes meanwhile.
  if (remUs > 0) { while (nowUs() < t && Atomics.load(ctl, 0) === seq) {} continue; }
  // Clear only the deadline we fired for; a newer one set meanwhile stays armed.
  Atomics.compareExchange(deadline, 0, t, 0n);
  lastWakeUs = nowUs();
  parentPort.postMessage(0);
}
`;

export class PreciseWake {
  readonly #worker: Worker;
  readonly #ctl: Int32Array;
  readonly #deadline: BigInt64Array;
  #armed = false;
  #closed = false;

  /** `spinUs`: see wakeSpinUs (default: none). */
  constructor(onWake: () => void, opts: { spinUs?: number } = {}) {
    const shared = new SharedArrayBuffer(16);
    this.#ctl = new Int32Array(shared, 0, 2);
    this.#deadline = new BigInt64Array(shared, 8, 1);
    this.#worker = new Worker(SLEEPER, { eval: true, workerData: { shared, nice: generatorNice(), spinUs: opts.spinUs ?? 0 } });
    this.#worker.unref();
    this.#worker.on('message', () => {
      if (this.#closed) return;
      this.#disarm();
      onWake();
    });
  }

  /** Call onWake at monoMs() time `tMs` (or at once if it has passed); replaces any earlier deadline. */
  at(tMs: number): void {
    if (this.#closed) return;
    Atomics.store(this.#deadline, 0, BigInt(Math.max(1, Math.round(tMs * 1000))));
    Atomics.add(this.#ctl, 0, 1);
    Atomics.notify(this.#ctl, 0);
    // Keep the process alive while a wake-up is pending, and only then.
    if (!this.#armed) this.#worker.ref();
    this.#armed = true;
  }

  cancel(): void {
    Atomics.store(this.#deadline, 0, 0n);
    Atomics.add(this.#ctl, 0, 1);
    Atomics.notify(this.#ctl, 0);
    this.#disarm();
  }

  #disarm(): void {
    if (this.#armed) this.#worker.unref();
    this.#armed = false;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const exited = new Promise<void>((resolve) => this.#worker.once('exit', () => resolve()));
    Atomics.store(this.#ctl, 1, 1);
    Atomics.add(this.#ctl, 0, 1);
    Atomics.notify(this.#ctl, 0);
    await exited;
  }
}
