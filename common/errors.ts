// One error type with stable codes for everything a user can get wrong or a run can hit
// (undici's lib/core/errors.js idea). Each layer throws with its own code; the CLI maps codes
// to exit codes in one place (cli/main.ts), so no command re-wraps errors by hand.

/** Codes whose error is the user's input: exit code 2, nothing measured. */
export const USAGE_CODES = [
  'ERR_USAGE', // a flag or argument out of range
  'ERR_TARGET_SELECTION', // --targets / --where matched nothing valid
  'ERR_SCENARIO', // a scenario file or definition is invalid
  'ERR_THRESHOLD', // a threshold expression or metric is invalid
  'ERR_COMPARE_INPUT', // two results that cannot be compared
  'ERR_MIN_EFFECT', // --threshold of compare
  'ERR_URL', // a malformed or unsupported URL
  'ERR_REMOTE_TARGET', // load to a non-loopback address without --allow-remote
  'ERR_UNREACHABLE', // nothing answers at --url
  'ERR_RESULTS_FILE', // a results file or folder that is missing, corrupt or foreign
  'ERR_CALIBRATION_SPEC', // --latency / --stall of the calibration server
  'ERR_GRPC_METHOD', // a gRPC scenario names an unknown service or method
] as const;

export type UsageCode = (typeof USAGE_CODES)[number];
export type ErrorCode = UsageCode | 'ERR_PHASE' | 'ERR_TRANSPORT';

export class ArchbenchError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad input from the user: exit code 2, the message names the option and what it accepts. */
export class UsageError extends ArchbenchError {
  constructor(message: string, code: UsageCode = 'ERR_USAGE', options?: ErrorOptions) {
    super(code, message, options);
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export function isUsageError(err: unknown): err is ArchbenchError {
  return err instanceof ArchbenchError && (USAGE_CODES as readonly string[]).includes(err.code);
}

/** The exit code an error thrown out of a command means. */
export function exitCodeOf(err: unknown): number {
  return isUsageError(err) ? EXIT_USAGE : EXIT_FAILED;
}
