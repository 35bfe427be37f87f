// `bench export k6`: a scenario as k6 files (script, bundled builders, k6-operator manifests).
import type { Scenario } from '../../scenarios/define.js';
import { maxVusOf } from '../../scenarios/executor.js';
import { bundleRequestBuilders } from './bundle-requests.js';
import { k6Options } from './k6-options.js';
import { kubernetesName, renderConfigMap, renderTestRun } from './operator.js';
import { renderScript } from './script.js';
import { UsageError } from '../../common/errors.js';

export interface ExportRequest {
  scenario: Scenario;
  /** Where it was loaded from (scenarios/source.ts): its file is bundled. */
  source: string;
  url: string;
  parallelism: number;
  command: string;
}

export const SCRIPT_FILE = 'script.js';

/** File name -> content; nothing is written here (cli/export.ts writes atomically). */
export function exportK6(req: ExportRequest): Record<string, string> {
  const { scenario: s, parallelism } = req;
  // k6's setup() is synchronous k6/http and already seeds; the scenario's async setup(api) has no faithful translation yet.
  if (s.setup) throw new UsageError(`scenario "${s.name}" has a setup() step, which cannot be exported to k6 yet; move its requests into the k6 script's setup() by hand`, 'ERR_SCENARIO');
  const options = k6Options(s);
  if (!Number.isInteger(parallelism) || parallelism < 1) throw new UsageError(`--parallelism must be an integer >= 1, got ${parallelism}`);
  const vus = maxVusOf(s.executor);
  // k6-operator splits VUs by execution segment; a pod with no VU would run nothing.
  if (parallelism > vus) throw new UsageError(`--parallelism ${parallelism} exceeds the ${vus} VUs of scenario "${s.name}": some pods would get no VU`);
  const buildersFile = `${s.name}.requests.js`;
  const script = renderScript({ scenario: s, options, buildersFile, url: req.url, command: req.command });
  const k6Files = { [SCRIPT_FILE]: script, [buildersFile]: bundleRequestBuilders(s, req.source) };
  const operator = { name: kubernetesName(s.name), files: k6Files, scriptFile: SCRIPT_FILE, parallelism, url: req.url };
  return { ...k6Files, 'configmap.yaml': renderConfigMap(operator), 'testrun.yaml': renderTestRun(operator) };
}
