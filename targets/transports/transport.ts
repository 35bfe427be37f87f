// The one interface every service-to-service transport implements (rest, grpc, nats, amqp,
// redis): a server half that exposes one service's operations, a client half that calls them,
// and the event half that carries UserRegistered from users to billing. Like undici's
// Dispatcher: one abstract shape, one folder per implementation, errors with stable codes.
//
// Inputs and outputs are typed per service. The gateway validates untrusted HTTP input with the
// domain schemas before calling, and each service validates again (it trusts no caller), so a
// transport only ever carries well-formed, typed messages (real protobuf messages for grpc).
// Domain errors (code, message, field) cross every transport intact: see wire-errors.ts.
import type { DomainEvent, DomainEventType, EventOfType } from '../domain/events.js';
import type { Invoice, InvoicePage, User } from '../domain/model.js';
import type { WireError } from './wire-errors.js';

// ---------------------------------------------------------------------------------------------
// Services and their operations. One argument in, one result out: maps 1:1 to a protobuf
// request/response pair, an HTTP POST, or a request/reply message on a broker.

export interface RegisterUserRequest {
  name: string;
  email: string;
  password: string;
}

export interface CredentialsRequest {
  email: string;
  password: string;
}

export interface IdRequest {
  id: string;
}

export interface IdsRequest {
  ids: string[];
}

/** One answer of a batch read: the user, or the error `get` would have given for that id. */
export interface UserOrError {
  user?: User;
  error?: WireError;
}

/** One answer per id, in the order asked (the GraphQL loader's batch read). */
export interface UsersReply {
  results: UserOrError[];
}

// Billing's operations act for a caller: `subject` is the user id from the token the gateway
// verified. Billing checks ownership against it (the domain rule), whatever the transport.

export interface CreateInvoiceRequest {
  userId: string;
  amountCents: number;
  currency: string;
  subject: string;
}

export interface ListInvoicesRequest {
  userId: string;
  limit?: number;
  cursor?: string;
  subject: string;
}

export interface PayInvoiceRequest {
  id: string;
  subject: string;
}

export interface UsersOperations {
  register(input: RegisterUserRequest): Promise<User>;
  /** The user the credentials belong to; UnauthorizedError otherwise (same for an unknown email). */
  authenticate(input: CredentialsRequest): Promise<User>;
  get(input: IdRequest): Promise<User>;
  /** Many users in one storage read (the gateway's GraphQL loader batches into it). */
  getMany(input: IdsRequest): Promise<UsersReply>;
  /** A predicate: an unknown or malformed id is `false`, never an error. */
  exists(input: IdRequest): Promise<boolean>;
}

export interface BillingOperations {
  createInvoice(input: CreateInvoiceRequest): Promise<Invoice>;
  listInvoices(input: ListInvoicesRequest): Promise<InvoicePage>;
  /** Idempotent. */
  payInvoice(input: PayInvoiceRequest): Promise<Invoice>;
}

export interface ServiceOperations {
  users: UsersOperations;
  billing: BillingOperations;
}

export type ServiceName = keyof ServiceOperations;
export type OperationName<S extends ServiceName> = keyof ServiceOperations[S] & string;

/** Operation names as data, for transports that route by name (HTTP paths, broker subjects). */
export const OPERATIONS: { readonly [S in ServiceName]: readonly OperationName<S>[] } = {
  users: ['register', 'authenticate', 'get', 'getMany', 'exists'],
  billing: ['createInvoice', 'listInvoices', 'payInvoice'],
};

export const SERVICE_NAMES: readonly ServiceName[] = ['users', 'billing'];

/** Which service consumes which event (one delivery per event to one instance of each). */
export const EVENT_CONSUMERS: { readonly [T in DomainEventType]: readonly ServiceName[] } = {
  UserRegistered: ['billing'],
};

// ---------------------------------------------------------------------------------------------
// Events. Delivery is at-least-once: a consumer resolves to acknowledge, rejects to ask for a
// redelivery; consumers must therefore be idempotent (billing opens an account only if absent,
// keyed by user id, and events carry a unique eventId). Direct transports (rest, grpc) deliver
// by calling the consumer service and resolve publish() once it acknowledged; broker
// transports resolve publish() once the broker has accepted the message.

/** What a transport knows about one delivery; direct transports may leave it out. */
export interface DeliveryInfo {
  /** Wall-clock ms (performance.timeOrigin + now(), sub-ms) when publish() was called. */
  publishedAtMs?: number;
  /** The broker marked this delivery as a redelivery. */
  redelivered?: boolean;
}

export type EventConsumer<T extends DomainEventType> = (event: EventOfType<T>, delivery?: DeliveryInfo) => Promise<void>;
export type EventConsumers = { readonly [T in DomainEventType]?: EventConsumer<T> };

export interface EventPublisher {
  publish(event: DomainEvent): Promise<void>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Addresses. Direct transports listen on host:port; broker transports meet at a broker URL.

export interface Endpoint {
  host: string;
  port: number;
}

/** Where a service instance can be reached, as reported by serve(). */
export interface ServedInstance {
  /** null for broker transports: callers reach the service through the broker. */
  endpoint: Endpoint | null;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Instance name for logs and broker consumer names, e.g. "billing#2". */
  instance: string;
  /** Interface to bind (direct transports); loopback in benchmarks. */
  host: string;
  /** 0 = an ephemeral port (direct transports). */
  port: number;
  /** Events this instance consumes; direct transports expose them as calls, brokers subscribe. */
  consumes?: EventConsumers;
  /** Broker URL (nats://, amqp://, redis://) for broker transports. */
  brokerUrl?: string;
  /** Broker transports: prefix of every subject, queue and stream name, unique per target start. */
  namespace?: string;
}

export interface ConnectOptions {
  /**
   * Instances of the target service (direct transports): calls are spread round-robin.
   * Broker transports ignore it and use brokerUrl.
   */
  endpoints: readonly Endpoint[];
  brokerUrl?: string;
  /** Broker transports: prefix of every subject, queue and stream name, unique per target start. */
  namespace?: string;
  /** Per-call deadline; an expired call rejects with an UpstreamError("timeout"). */
  timeoutMs: number;
}

/** The client half: the service's operations, plus closing the channels. */
export type ServiceClient<S extends ServiceName> = ServiceOperations[S] & { close(): Promise<void> };

export interface Transport {
  readonly name: string;
  /** Direct transports need endpoints of the services they call; brokers only a URL. */
  readonly kind: 'direct' | 'broker';
  serve<S extends ServiceName>(service: S, impl: ServiceOperations[S], opts: ServeOptions): Promise<ServedInstance>;
  connect<S extends ServiceName>(service: S, opts: ConnectOptions): Promise<ServiceClient<S>>;
  /** Publishes to every consumer named in EVENT_CONSUMERS; `peers` gives consumer endpoints for direct transports. */
  publisher(opts: PublisherOptions): Promise<EventPublisher>;
}

export interface PublisherOptions {
  /** Endpoints of each consuming service (direct transports). */
  peers: { readonly [S in ServiceName]?: readonly Endpoint[] };
  brokerUrl?: string;
  /** Broker transports: prefix of every subject, queue and stream name, unique per target start. */
  namespace?: string;
  timeoutMs: number;
}

export { UpstreamError, type UpstreamFailure } from './upstream-error.js';
