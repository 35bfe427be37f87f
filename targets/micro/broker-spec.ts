// The micro targets whose services talk through a broker (nats, amqp, redis). Before starting,
// the broker is probed: an absent one makes start() throw TargetUnavailableError, which the
// harness turns into a skip. Every start gets its own namespace on the broker, dropped at stop.
import { BROKERS, newNamespace, resolveBrokerUrl, type BrokerKind } from '../transports/broker-config.js';
import { dropNamespace } from '../transports/broker-cleanup.js';
import { probeBroker, unreachableMessage } from '../transports/broker-probe.js';
import { TargetUnavailableError, type RunningTarget, type StartContext, type TargetSpec } from '../target.js';
import { micro, type GatewayFramework } from './spec.js';

const WORDS: Record<BrokerKind, string> = {
  nats: 'NATS request/reply, UserRegistered on JetStream',
  amqp: 'RabbitMQ (direct reply-to), UserRegistered on a durable queue with publisher confirms',
  redis: 'Redis Streams with consumer groups, UserRegistered on a stream',
};

export function brokerMicro(kind: BrokerKind, framework: GatewayFramework): TargetSpec {
  const template = micro(kind, framework);
  return {
    ...template,
    description: `${framework} gateway (JWT verified once at the edge) + users + billing processes, each with its own database, over ${WORDS[kind]}`,
    async start(ctx: StartContext): Promise<RunningTarget> {
      const url = resolveBrokerUrl(kind, ctx.options.brokerUrls);
      const why = await probeBroker(kind, url);
      if (why !== null) throw new TargetUnavailableError(unreachableMessage(kind, url, why));
      const namespace = newNamespace();
      const drop = () => dropNamespace(kind, url, namespace).catch((err: unknown) => console.error(`could not clean ${BROKERS[kind].title} namespace ${namespace}: ${String(err)}`));
      let target: RunningTarget;
      try {
        target = await micro(kind, framework, { brokerUrl: () => url, brokerNamespace: namespace }).start(ctx);
      } catch (err) {
        await drop();
        throw err;
      }
      const stopTarget = target.stop.bind(target);
      let stopped: Promise<void> | undefined;
      return Object.assign(target, {
        stop: () =>
          (stopped ??= (async () => {
            try {
              await stopTarget();
            } finally {
              await drop();
            }
          })()),
      });
    },
  };
}
