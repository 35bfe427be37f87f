// End-to-end event accounting inside a service process: users counts the events it published
// (acknowledged by the transport), billing counts the ones it committed and records the latency
// from publish to commit in an HDR histogram (record/histogram.ts, the one set of
// HDR settings, so the harness merges them exactly). A window floor set by the harness keeps warm-up events
// out: an event belongs to the window by its occurredAt, the same on both sides.
import { createHistogram, encodeHistogram, recordUs } from '../../record/histogram.js';
import type { UserRegistered } from '../domain/events.js';
import { outagesSince, type Outage } from '../transports/connection-log.js';
import type { DeliveryInfo, EventPublisher } from '../transports/transport.js';
import { wallClockMs } from '../transports/broker-messages.js';

export interface ProcessEventStats {
  published: number;
  publishFailed: number;
  /** First commits of events in the window (a redelivery that changes nothing is a duplicate). */
  consumed: number;
  duplicates: number;
  redelivered: number;
  /** Base64 compressed HDR histogram of publish -> committed, microseconds; null when empty. */
  latencyHistogram: string | null;
  outages: Outage[];
}

export interface EventStatsRequest {
  type: 'event-stats-request';
  id: number;
  /** Start a new window: counters cleared, only events that occur from this wall-clock ms count. */
  resetFromMs?: number;
}

export interface EventStatsReply {
  type: 'event-stats';
  id: number;
  stats: ProcessEventStats;
}


export class EventStats {
  #fromMs = 0;
  #published = 0;
  #publishFailed = 0;
  #consumed = 0;
  #duplicates = 0;
  #redelivered = 0;
  #latency = createHistogram();

  #inWindow(event: UserRegistered): boolean {
    return Date.parse(event.occurredAt) >= Math.floor(this.#fromMs);
  }

  reset(fromMs: number): void {
    this.#fromMs = fromMs;
    this.#published = this.#publishFailed = this.#consumed = this.#duplicates = this.#redelivered = 0;
    this.#latency.reset();
  }

  /** A publisher that counts what the transport acknowledged. */
  countPublishes(publisher: EventPublisher): EventPublisher {
    return {
      publish: async (event) => {
        try {
          await publisher.publish(event);
        } catch (err) {
          if (this.#inWindow(event)) this.#publishFailed++;
          throw err;
        }
        if (this.#inWindow(event)) this.#published++;
      },
      close: () => publisher.close(),
    };
  }

  /** Called by the consumer after its commit; `opened` is false for a redelivery that changed nothing. */
  consumed(event: UserRegistered, delivery: DeliveryInfo | undefined, opened: boolean): void {
    if (!this.#inWindow(event)) return;
    if (delivery?.redelivered) this.#redelivered++;
    if (!opened) {
      this.#duplicates++;
      return;
    }
    this.#consumed++;
    const fromMs = delivery?.publishedAtMs ?? Date.parse(event.occurredAt);
    const us = Math.round((wallClockMs() - fromMs) * 1000);
    recordUs(this.#latency, us);
  }


  snapshot(): ProcessEventStats {
    return {
      published: this.#published,
      publishFailed: this.#publishFailed,
      consumed: this.#consumed,
      duplicates: this.#duplicates,
      redelivered: this.#redelivered,
      latencyHistogram: this.#latency.totalCount > 0 ? encodeHistogram(this.#latency) : null,
      outages: outagesSince(this.#fromMs),
    };
  }
}

/** Answers the harness's stats requests over the IPC channel of a service process. */
export function answerStatsRequests(stats: EventStats): void {
  process.on('message', (m: unknown) => {
    const req = m as Partial<EventStatsRequest> | null;
    if (!req || req.type !== 'event-stats-request' || typeof req.id !== 'number' || !process.send) return;
    if (typeof req.resetFromMs === 'number') stats.reset(req.resetFromMs);
    const reply: EventStatsReply = { type: 'event-stats', id: req.id, stats: stats.snapshot() };
    process.send(reply);
  });
}
