// grpc://host:port -> the address the channels connect to. The name is resolved here, checked
// (loopback only unless allowed), and the channels are given the checked IP itself, so the
// address that was checked is the address that is connected to.
import { isIP } from 'node:net';
import { UsageError } from '../../common/errors.js';
import { resolveLoopback } from '../../common/loopback.js';

export class GrpcUrlError extends UsageError {
  constructor(message: string) {
    super(message, 'ERR_URL');
  }
}

export function parseGrpcUrl(url: string): { host: string; port: number } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new GrpcUrlError(`invalid gRPC URL "${url}": expected grpc://HOST:PORT, e.g. grpc://127.0.0.1:50051`);
  }
  const port = Number(u.port);
  if (u.protocol !== 'grpc:' || !u.hostname || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new GrpcUrlError(`invalid gRPC URL "${url}": expected grpc://HOST:PORT with a port 1..65535, e.g. grpc://127.0.0.1:50051`);
  }
  return { host: u.hostname.replace(/^\[|\]$/g, ''), port };
}

/** "127.0.0.1:50051" or "[::1]:50051", a loopback address unless allowRemote. */
export async function resolveGrpcTarget(url: string, allowRemote: boolean): Promise<string> {
  const { host, port } = parseGrpcUrl(url);
  const [address] = await resolveLoopback(host, allowRemote, url);
  return isIP(address!) === 6 ? `[${address}]:${port}` : `${address}:${port}`;
}
