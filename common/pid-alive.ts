// Whether a process exists, by signal 0 (nothing is sent).
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: alive, only not ours to signal (reading its /proc is still allowed).
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
