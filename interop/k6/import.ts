// `bench import k6`: k6 --out json files (one per k6 instance or pod) into one archbench run.
import { existsSync } from 'node:fs';
import type { Results } from '../../record/results.js';
import { UsageError } from '../../common/errors.js';
import { IMPORTED_METRICS, K6Accumulator } from './import/accumulator.js';
import { readK6Points } from './import/points-reader.js';
import { summaryThresholds } from './import/summary-thresholds.js';
import { toResults, type ImportMeta } from './import/to-results.js';

export interface ImportRequest extends Omit<ImportMeta, 'thresholds'> {
  files: string[];
  summary?: string;
}

export async function importK6(req: ImportRequest): Promise<Results> {
  if (req.files.length === 0) throw new UsageError('bench import k6: name at least one k6 JSON output file');
  for (const f of [...req.files, ...(req.summary ? [req.summary] : [])]) {
    if (!existsSync(f)) throw new UsageError(`${f} does not exist`, 'ERR_RESULTS_FILE');
  }
  const acc = new K6Accumulator();
  for (const file of req.files) await readK6Points(file, IMPORTED_METRICS, (p) => acc.add(p));
  const thresholds = req.summary ? summaryThresholds(req.summary, req.target) : [];
  return toResults(acc, { ...req, thresholds });
}
