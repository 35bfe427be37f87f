/** Bad input from the user: exit code 2, message names the option and what it accepts. */
export class UsageError extends Error {
  readonly exitCode = 2;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
