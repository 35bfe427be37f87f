// Children of the tests start from dist/ (common/module-entry.ts, ARCHBENCH_BUILT_CHILDREN), so
// dist/ must hold the code under test: `npm test` builds first; a bare `vitest run` after an
// edit gets a build here, so no test ever runs a child from stale code.
// @ts-expect-error: a plain .mjs script, shared with the benchmark scripts.
import { ensureBuild } from '../scripts/ensure-build.mjs';

export default function setup(): void {
  ensureBuild();
}
