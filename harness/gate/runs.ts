// The runs of a gate-check on disk: one folder per comparison, either an interleaved session
// (NN/session: variants A, A-again, B) or three sequential runs (NN/base, NN/a-again,
// NN/b-slower), plus the calibration. `gate-check --from` judges them again without running.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Results } from '../../record/results.js';
import { median } from '../../analysis/stats.js';
import { UsageError } from '../../common/errors.js';
import type { GateOutcome, GateSummary } from '../../record/gate.js';
import type { GateRuns } from './judge.js';
import { loadResults } from '../../record/load.js';
import { sideOfRun } from '../../analysis/split.js';

/** One side of an interleaved session, under the real target name, as its own results file. */
export function sideOf(session: Results, variantName: string, targetName: string): Results {
  // Marked as an interleaved side, so the comparison pairs A's trial i with B's trial i.
  return sideOfRun(session, variantName, targetName);
}

/**
 * The sessions of one comparison (the first, then the ones the sequential procedure added) as
 * one run: trials renumbered on, the first session's start kept, so its rounds stay rounds.
 */
export function mergeSessions(sessions: readonly Results[]): Results {
  if (sessions.length === 1) return sessions[0]!;
  let offset = 0;
  const runs = sessions.flatMap((s) => {
    const renumbered = s.runs.map((r) => ({ ...r, trial: r.trial + offset }));
    offset += Math.max(0, ...s.runs.map((r) => r.trial));
    return renumbered;
  });
  const merged: Results = { ...sessions[0]!, runs, finishedAt: sessions[sessions.length - 1]!.finishedAt };
  delete merged.aggregates;
  return merged;
}

/** Folder of the k-th session (1-based) of a comparison. */
export const sessionFolder = (k: number) => (k === 1 ? 'session' : `session-${k}`);

const option = <T>(r: Results, key: string): T | undefined => r.env.options[key] as T | undefined;

/** B's injection per comparison from an earlier summary, for runs recorded before results carried it. */
function injectionsFromSummary(dir: string): Map<number, number> {
  const file = join(dir, 'gate-check.json');
  const out = new Map<number, number>();
  if (!existsSync(file)) return out;
  const { outcomes } = JSON.parse(readFileSync(file, 'utf8')) as { outcomes?: GateOutcome[] };
  for (const o of outcomes ?? []) if (o.kind === 'A/B' && typeof o.injectCpuUs === 'number') out.set(o.index, o.injectCpuUs);
  return out;
}

export function loadGateRuns(dir: string, fallbackTarget: string): { runs: GateRuns[]; meta: Pick<GateSummary, 'baseCpuMsPerRequest' | 'trialsPerSide' | 'order' | 'maxTrials'> } {
  if (!existsSync(dir)) throw new UsageError(`--from: ${dir} does not exist; expected the folder of an earlier gate-check`);
  const calibration = loadResults(join(dir, 'calibration'), '--from calibration').results;
  const target = option<string>(calibration, 'target') ?? fallbackTarget;
  const cpu = calibration.runs.map((r) => r.cpuMsPerRequest).filter((v): v is number => v !== null);
  const summaryInjections = injectionsFromSummary(dir);
  const runs: GateRuns[] = [];
  let order: GateSummary['order'] = 'interleaved';
  for (const name of readdirSync(dir).filter((n) => /^\d+$/.test(n)).sort()) {
    const index = Number(name);
    const at = (sub: string) => join(dir, name, sub);
    let sides: [Results, Results, Results];
    if (existsSync(join(at('session'), 'results.json'))) {
      const sessions = [];
      for (let k = 1; existsSync(join(at(sessionFolder(k)), 'results.json')); k++) sessions.push(loadResults(at(sessionFolder(k))).results);
      const session = mergeSessions(sessions);
      sides = ['A', 'A-again', 'B'].map((v) => sideOf(session, v, target)) as [Results, Results, Results];
    } else if (existsSync(join(at('b-slower'), 'results.json'))) {
      order = 'sequential';
      sides = [at('base'), at('a-again'), at('b-slower')].map((p) => loadResults(p).results) as [Results, Results, Results];
    } else {
      continue; // a comparison the earlier run did not finish
    }
    const injectCpuUs = option<number>(sides[2], 'injectCpuUs') ?? summaryInjections.get(index) ?? 0;
    runs.push({ index, injectCpuUs, base: sides[0], same: sides[1], slower: sides[2] });
  }
  if (runs.length === 0) throw new UsageError(`--from: ${dir} holds no finished comparison (NN/session or NN/base, NN/a-again, NN/b-slower)`);
  return {
    runs,
    meta: {
      baseCpuMsPerRequest: cpu.length ? median(cpu) : 0,
      trialsPerSide: option<number>(calibration, 'trialsPerSide') ?? calibration.runs.length,
      maxTrials: option<number>(calibration, 'maxTrials') ?? option<number>(calibration, 'trialsPerSide') ?? calibration.runs.length,
      order,
    },
  };
}
