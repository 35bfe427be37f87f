// One side of a transport-benchmark variant, started pinned to a core by bench-transports.ts.
//   server <kind>                                  -> sends {port}, answers 'cpu' with its CPU us
//   client <kind> <port> <inflight> <warmup> <s>   -> sends 'start', then its report, then exits
import { create } from '@bufbuild/protobuf';
import { createClient, type Client, type ConnectRouter } from '@connectrpc/connect';
import { connectNodeAdapter, createGrpcTransport } from '@connectrpc/connect-node';
import * as grpc from '@grpc/grpc-js';
import { once } from 'node:events';
import { createServer as createH1Server } from 'node:http';
import { createServer as createH2Server } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { SAMPLE_USER, connectEchoService, grpcJsEchoService, type EchoUser } from './proto.js';
import type { ClientKind, ServerKind } from './variants.js';

const [role, kind, ...rest] = process.argv.slice(2);
process.on('disconnect', () => process.exit(0));
const cpuUs = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

async function serve(k: ServerKind): Promise<number> {
  if (k === 'http') {
    const server = createH1Server((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.stringify(JSON.parse(Buffer.concat(chunks).toString('utf8')) as EchoUser);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      });
    });
    server.keepAliveTimeout = 72_000;
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return (server.address() as AddressInfo).port;
  }
  if (k === 'grpc-js') {
    const server = new grpc.Server();
    server.addService(grpcJsEchoService().service, {
      Echo: (call: grpc.ServerUnaryCall<EchoUser, EchoUser>, cb: grpc.sendUnaryData<EchoUser>) => cb(null, call.request),
    });
    return new Promise((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) => (err ? reject(err) : resolve(port))),
    );
  }
  const service = connectEchoService();
  const handler = connectNodeAdapter({
    grpc: true,
    connect: false,
    grpcWeb: false,
    routes: (router: ConnectRouter) => {
      router.service(service, { echo: (req: unknown) => req } as never);
    },
  });
  const server = createH2Server(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

type Call = () => Promise<unknown>;

function caller(k: ClientKind, port: number): Call {
  if (k === 'undici') {
    const pool = new Pool(`http://127.0.0.1:${port}`, { connections: 64, pipelining: 1, keepAliveTimeout: 60_000 });
    const body = JSON.stringify(SAMPLE_USER);
    return async () => {
      const res = await pool.request({ method: 'POST', path: '/echo', headers: { 'content-type': 'application/json' }, body });
      const u = (await res.body.json()) as EchoUser;
      if (res.statusCode !== 200 || u.id !== SAMPLE_USER.id) throw new Error('bad echo');
      return u;
    };
  }
  if (k === 'grpc-js' || k === 'grpc-js-4ch') {
    const Echo = grpcJsEchoService();
    const n = k === 'grpc-js' ? 1 : 4;
    // Distinct channel options keep grpc-js from sharing one subchannel between the clients.
    const clients = Array.from({ length: n }, (_, i) => new Echo(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), { 'grpc.channel_id': i } as grpc.ChannelOptions));
    let next = 0;
    type Unary = (req: EchoUser, md: grpc.Metadata, opts: grpc.CallOptions, cb: (e: grpc.ServiceError | null, r?: EchoUser) => void) => void;
    const metadata = new grpc.Metadata();
    return () =>
      new Promise((resolve, reject) => {
        const c = clients[next++ % n]! as unknown as { Echo: Unary };
        // The obvious use sets a deadline per call; the tuned one sets nothing per call.
        const opts: grpc.CallOptions = k === 'grpc-js' ? { deadline: Date.now() + 10_000 } : {};
        c.Echo(SAMPLE_USER, k === 'grpc-js' ? new grpc.Metadata() : metadata, opts, (err, res) => (err ? reject(err) : resolve(res)));
      });
  }
  const service = connectEchoService();
  const transport = createGrpcTransport({ baseUrl: `http://127.0.0.1:${port}` });
  const client = createClient(service, transport) as Client<typeof service> & { echo(req: unknown): Promise<EchoUser> };
  const req = create(service.methods[0]!.input, SAMPLE_USER as never);
  return () => client.echo(req);
}

async function load(call: Call, inflight: number, ms: number): Promise<{ calls: number; errors: number }> {
  const end = performance.now() + ms;
  let calls = 0;
  let errors = 0;
  const loop = async () => {
    while (performance.now() < end) {
      try {
        await call();
        calls++;
      } catch (err) {
        if (errors++ === 0) console.error(err);
      }
    }
  };
  await Promise.all(Array.from({ length: inflight }, loop));
  return { calls, errors };
}

if (role === 'server') {
  const port = await serve(kind as ServerKind);
  process.on('message', () => process.send!(cpuUs()));
  process.on('SIGTERM', () => process.exit(0));
  process.send!({ port });
} else {
  const [port, inflight, warmup, seconds] = rest.map(Number) as [number, number, number, number];
  const call = caller(kind as ClientKind, port);
  await load(call, inflight, warmup * 1000);
  process.send!('start');
  const cpu0 = cpuUs();
  const t0 = performance.now();
  const r = await load(call, inflight, seconds * 1000);
  const s = (performance.now() - t0) / 1000;
  process.send!({ ...r, seconds: s, clientCpuUs: cpuUs() - cpu0 });
  process.disconnect();
}
