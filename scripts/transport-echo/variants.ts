// Which server and client each transport-benchmark variant pairs.
export type ServerKind = 'http' | 'grpc-js' | 'connect';
export type ClientKind = 'undici' | 'grpc-js' | 'grpc-js-4ch' | 'connect';

export interface EchoVariant {
  server: ServerKind;
  client: ClientKind;
}

export const ECHO_VARIANTS: Record<string, EchoVariant> = {
  undici: { server: 'http', client: 'undici' },
  'grpc-js': { server: 'grpc-js', client: 'grpc-js' },
  'grpc-js-4ch': { server: 'grpc-js', client: 'grpc-js-4ch' },
  connect: { server: 'connect', client: 'connect' },
  'grpc-js>connect': { server: 'connect', client: 'grpc-js-4ch' },
  'connect>grpc-js': { server: 'grpc-js', client: 'connect' },
};
