// Server-side routing by operation name, shared by transports that route by name (HTTP paths,
// broker subjects). Inputs arrive decoded but untyped: every service implementation validates
// its input with the domain schemas, so a transport never trusts what it forwards.
import { OPERATIONS, type ServiceName, type ServiceOperations } from './transport.js';

export type UntypedOperation = (input: unknown) => Promise<unknown>;

/** The operation `name` of `impl`, or undefined when the service has no such operation. */
export function findOperation<S extends ServiceName>(service: S, impl: ServiceOperations[S], name: string): UntypedOperation | undefined {
  if (!(OPERATIONS[service] as readonly string[]).includes(name)) return undefined;
  const fn = (impl as unknown as Record<string, UntypedOperation>)[name];
  return typeof fn === 'function' ? fn.bind(impl) : undefined;
}

/** Builds a typed client from one generic `call(operation, input)` function. */
export function clientFromCall<S extends ServiceName>(
  service: S,
  call: (operation: string, input: unknown) => Promise<unknown>,
  close: () => Promise<void>,
): ServiceOperations[S] & { close(): Promise<void> } {
  const client: Record<string, unknown> = { close };
  for (const op of OPERATIONS[service]) client[op] = (input: unknown) => call(op, input);
  // Safe: one entry per operation of S, each forwarding its typed input and result unchanged.
  return client as unknown as ServiceOperations[S] & { close(): Promise<void> };
}
