// What broker transports put in their messages: one JSON envelope for calls, replies and events,
// shared by nats, amqp and redis so that the three differ only in how bytes travel.
import { performance } from 'node:perf_hooks';
import { userRegisteredSchema, type UserRegistered } from '../domain/events.js';
import { findOperation } from './dispatch.js';
import type { ServiceName, ServiceOperations } from './transport.js';
import { UpstreamError } from './upstream-error.js';
import { fromWireError, isWireError, toWireError, type WireError } from './wire-errors.js';

export interface CallMessage {
  op: string;
  input: unknown;
}

export type ReplyMessage = { result: unknown } | { error: WireError };

export interface EventMessage {
  event: UserRegistered;
  /** Wall-clock ms when publish() was called: the start of end-to-end event latency. */
  publishedAtMs: number;
}

/** Wall clock with sub-millisecond resolution, comparable across processes of one machine. */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}

export function encodeJson(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

function parseJson(body: Uint8Array | string): unknown {
  return JSON.parse(typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'));
}

/** Server side: run the named operation on an untrusted call message; never throws. */
export async function answerCall<S extends ServiceName>(service: S, impl: ServiceOperations[S], body: Uint8Array | string): Promise<ReplyMessage> {
  let call: CallMessage;
  try {
    call = parseJson(body) as CallMessage;
  } catch {
    return { error: { code: 'validation', message: 'call message is not JSON' } };
  }
  const op = typeof call?.op === 'string' ? findOperation(service, impl, call.op) : undefined;
  if (!op) return { error: { code: 'not_found', message: `${service} has no operation ${String(call?.op)}` } };
  try {
    return { result: await op(call.input) };
  } catch (err) {
    return { error: toWireError(err) };
  }
}

/** Client side: the result of a reply, or the error it carries (domain errors rebuilt intact). */
export function readReply(body: Uint8Array | string, service: string): unknown {
  let reply: unknown;
  try {
    reply = parseJson(body);
  } catch (err) {
    throw new UpstreamError('bad_gateway', service, 'reply is not JSON', { cause: err });
  }
  if (reply && typeof reply === 'object' && 'result' in reply) return (reply as { result: unknown }).result;
  const wire = (reply as { error?: unknown } | null)?.error;
  if (isWireError(wire)) throw fromWireError(wire, service);
  throw new UpstreamError('bad_gateway', service, 'reply has neither result nor error');
}

export function eventMessage(event: UserRegistered): EventMessage {
  return { event, publishedAtMs: wallClockMs() };
}

/** An event message from the broker, validated (a malformed one throws). */
export function readEvent(body: Uint8Array | string): EventMessage {
  const raw = parseJson(body) as { event?: unknown; publishedAtMs?: unknown };
  const event = userRegisteredSchema.parse(raw?.event);
  const publishedAtMs = typeof raw?.publishedAtMs === 'number' ? raw.publishedAtMs : Date.parse(event.occurredAt);
  return { event, publishedAtMs };
}

/** The namespace every broker name is prefixed with; broker transports refuse to run without one. */
export function requireNamespace(namespace: string | undefined, transport: string): string {
  if (!namespace) throw new Error(`the ${transport} transport needs a namespace (a per-start prefix of its broker names)`);
  return namespace;
}

export function requireBrokerUrl(url: string | undefined, transport: string): string {
  if (!url) throw new Error(`the ${transport} transport needs a broker URL`);
  return url;
}
