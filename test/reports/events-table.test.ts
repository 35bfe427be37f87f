import { describe, expect, it } from 'vitest';
import { eventRows } from '../../reports/events-table.js';
import { htmlReport } from '../../reports/html/report.js';
import { markdownSummary } from '../../reports/markdown.js';
import { terminalSummary } from '../../reports/terminal.js';
import { makeResults, type TargetShape } from './fixtures.js';

const shape: TargetShape = { name: 'micro-nats-fastify', latencyMs: 2, rps: 3000, cpuMsPerRequest: 0.3, rssMb: 200 };

describe('events table', () => {
  it('shows event latency, backlog and broker CPU of event-carrying runs in every exporter', () => {
    const results = makeResults({ trials: 1, targets: [shape] });
    results.runs[0]!.extra = {
      events: { published: 1676, consumed: 1670, backlogAtEnd: 6, backlogAfterDrain: 0, latencyMs: { p50: 1.25, p99: 34.847 }, outages: [{ startS: 1, endS: 2 }] },
      brokerCpu: { process: 'nats-server', pids: [1], cpuMs: 1460, cpuMsPerRequest: 0.5 },
    };
    expect(eventRows(results)).toEqual([['micro-nats-fastify', '1', '1676', '1670', '1.25', '34.85', '6', '0', '1', 'nats-server', '0.500']]);
    for (const text of [terminalSummary(results), markdownSummary(results), htmlReport(results)]) {
      expect(text).toContain('event p99 ms');
      expect(text).toContain('34.85');
      expect(text).toContain('nats-server');
    }
  });

  it('is absent when no run carries events', () => {
    const results = makeResults({ trials: 1, targets: [{ ...shape, name: 'monolith-fastify' }] });
    expect(eventRows(results)).toEqual([]);
    expect(terminalSummary(results)).not.toContain('event p99 ms');
    expect(markdownSummary(results)).not.toContain('event p99 ms');
  });
});

describe('unrecovered broker outages', () => {
  it('are named in the terminal and markdown summaries when the window ended during one', () => {
    const results = makeResults({ trials: 1, targets: [shape] });
    results.runs[0]!.extra = {
      events: {
        published: 10, consumed: 4, backlogAtEnd: 6, backlogAfterDrain: 6, latencyMs: null,
        outages: [
          { process: 'billing', connection: 'amqp', fromS: 2.1, toS: 3.4, reason: 'ECONNRESET' },
          { process: 'users', connection: 'amqp', fromS: 5.5, toS: null, reason: 'ECONNREFUSED' },
        ],
      },
    };
    for (const text of [terminalSummary(results), markdownSummary(results)]) {
      expect(text).toContain('micro-nats-fastify (trial 1): broker outage not recovered when the window ended: users amqp down since 5.5 s (ECONNREFUSED)');
      // The recovered one is no problem to report.
      expect(text).not.toContain('billing amqp down since');
    }
  });
});
