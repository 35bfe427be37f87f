// Broker connection outages seen by this process: when a connection dropped, when it came back.
// Broker transports write to it; the process's stats responder reports it to the harness, so a
// run records its outage windows next to the errors they caused.
export interface Outage {
  /** e.g. "nats users#1 server" */
  connection: string;
  fromMs: number;
  /** null while still down. */
  toMs: number | null;
  reason: string;
}

const outages: Outage[] = [];
const open = new Map<string, Outage>();
/** Bounded: a flapping connection must not grow memory without limit. */
const MAX_OUTAGES = 1000;

export function connectionDown(connection: string, reason: string, atMs = Date.now()): void {
  if (open.has(connection)) return;
  const o: Outage = { connection, fromMs: atMs, toMs: null, reason };
  open.set(connection, o);
  outages.push(o);
  if (outages.length > MAX_OUTAGES) outages.shift();
}

export function connectionUp(connection: string, atMs = Date.now()): void {
  const o = open.get(connection);
  if (!o) return;
  o.toMs = atMs;
  open.delete(connection);
}

/** Outages that overlap [sinceMs, now]. */
export function outagesSince(sinceMs: number): Outage[] {
  return outages.filter((o) => o.toMs === null || o.toMs >= sinceMs).map((o) => ({ ...o }));
}
