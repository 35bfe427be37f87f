/**
 * grpc-js channels per generator thread (one HTTP/2 connection each, calls multiplexed). The
 * grpc transport found several channels at least as fast as one (targets/transports/grpc/client.ts);
 * more than a couple only adds connections to keep. Its own file so that naming it in a
 * workload description does not load grpc-js.
 */
export const MAX_CHANNELS = 2;
