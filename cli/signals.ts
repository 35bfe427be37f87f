// k6's rule: the first SIGINT/SIGTERM stops load gracefully and keeps results;
// a second one exits at once (children are killed by the exit handler in spawn.ts).
export function onInterrupt(controller: AbortController): () => void {
  let count = 0;
  const handler = (sig: NodeJS.Signals) => {
    count++;
    if (count === 1) {
      process.stderr.write(`\n${sig}: stopping load and targets, writing partial results (again to exit at once)\n`);
      controller.abort(new Error(`interrupted by ${sig}`));
    } else {
      process.exit(130);
    }
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
