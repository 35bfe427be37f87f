// gRPC status codes <-> names, for `expect` lists and for errorsByKind (grpc_NOT_FOUND).
import { GRPC_STATUS_NAMES, type GrpcStatusName } from '../../scenarios/define.js';

/** The code of a status name: its index in the standard list (OK = 0 ... UNAUTHENTICATED = 16). */
export const grpcStatusCode = (name: GrpcStatusName): number => GRPC_STATUS_NAMES.indexOf(name);

export const grpcStatusKind = (code: number): string => `grpc_${GRPC_STATUS_NAMES[code] ?? code}`;
