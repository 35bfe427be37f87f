// Read a results.json (or the folder holding one) for report and compare; anything unusable
// is a UsageError (exit 2) that says what was expected.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SCHEMA_VERSION, type Results } from './results.js';
import { UsageError } from '../common/errors.js';

export interface LoadedResults {
  results: Results;
  /** The results.json read. */
  file: string;
  /** Its folder: where regenerated reports go by default. */
  dir: string;
}

export function loadResults(pathArg: string, what = 'results'): LoadedResults {
  if (!existsSync(pathArg)) throw new UsageError(`${what}: ${pathArg} does not exist; expected a results.json or a run folder holding one`);
  let file = pathArg;
  if (statSync(pathArg).isDirectory()) {
    file = join(pathArg, 'results.json');
    if (!existsSync(file)) {
      const partial = existsSync(join(pathArg, 'results.partial.json')) ? ' (only results.partial.json: the run did not finish)' : '';
      throw new UsageError(`${what}: no results.json in ${pathArg}${partial}`);
    }
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`${what}: ${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const r = data as Partial<Results> | null;
  const problems: string[] = [];
  if (!r || typeof r !== 'object') problems.push('not a JSON object');
  else {
    if (r.schemaVersion !== SCHEMA_VERSION) problems.push(`schemaVersion is ${JSON.stringify(r.schemaVersion)}, this archbench reads ${SCHEMA_VERSION}`);
    if (typeof r.scenario?.name !== 'string') problems.push('scenario.name missing');
    if (!Array.isArray(r.runs)) problems.push('runs[] missing');
    if (!r.env || typeof r.env !== 'object') problems.push('env missing');
    if (!Array.isArray(r.command)) problems.push('command[] missing');
  }
  if (problems.length) throw new UsageError(`${what}: ${file} is not an archbench results file (${problems.join('; ')})`);
  const results = r as Results;
  results.thresholds ??= [];
  results.skipped ??= [];
  return { results, file, dir: dirname(file) };
}
