// Entry of a separate tick process (--tick-in process): ticks until its parent goes away.
import { runTicks, type TickConfig } from './tick.js';

const cfg = JSON.parse(process.argv[2] ?? '{}') as TickConfig;
const stop = runTicks(cfg);
// Dead-man's switch: the parent closing the IPC channel (or dying) ends the ticks.
process.on('disconnect', () => {
  stop();
  process.exit(0);
});
