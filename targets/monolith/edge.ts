// What a framework builder needs to serve the API, and what it hands back.
import type { BoundRoute } from '../contracts/http/pipeline.js';
import type { ChildServer } from '../lifecycle/child.js';

export interface EdgeOptions {
  host: string;
  port: number;
  /** Busy work per request (0 = none). */
  injectCpuUs: number;
}

export type ServeApi = (routes: BoundRoute[], opts: EdgeOptions) => Promise<ChildServer>;

/** A single header value (frameworks type repeated headers as arrays). */
export function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
