// The scenario's own request builders, bundled for k6: the exported script calls the very
// functions `bench run` calls, against a k6-side RequestContext. Describing requests again
// declaratively would drift from the scenario file, and builders are code (ctx.random() feeds
// arithmetic, closures hold tables), so only running that code reproduces the mix faithfully.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { Scenario } from '../../scenarios/define.js';
import { UsageError } from '../../common/errors.js';
import { siblingEntry } from '../../common/module-entry.js';

/** The file a scenario was defined in, from its source (scenarios/source.ts): a user's file, or a built-in's name. */
export function scenarioFile(s: Scenario, source: string): string {
  if (source.includes('/')) return source;
  // Built-ins live in scenarios/<name>.ts (.js once compiled to dist/).
  for (const ext of ['.ts', '.js']) {
    const file = fileURLToPath(new URL(`../../scenarios/${source}${ext}`, import.meta.url));
    if (existsSync(file)) return file;
  }
  throw new UsageError(`cannot find the source file of built-in scenario "${s.name}"`, 'ERR_SCENARIO');
}

/**
 * An ES module exporting `builders`, one per request name. platform 'neutral' with nothing
 * external: a scenario importing Node modules cannot run in k6, so the bundle fails and says which.
 */
export function bundleRequestBuilders(s: Scenario, source: string): string {
  const file = scenarioFile(s, source);
  const entry = `import scenario from ${JSON.stringify(file)};
export const builders = {};
export const checks = {};
for (const r of scenario.requests) {
  builders[r.name] = r.request;
  if (r.checks) checks[r.name] = r.checks;
}
`;
  try {
    const out = buildSync({
      stdin: { contents: entry, resolveDir: process.cwd(), sourcefile: 'k6-requests-entry.js', loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      // A user's file outside this repository imports 'archbench' too: here defineScenario's own
      // module (the package entry also holds sharedData, which reads files: Node, not k6).
      alias: { archbench: siblingEntry(import.meta.url, '../../scenarios/define.ts') },
      // k6 v0.47 runs ES2015 plus modules (goja and its Babel pass); newer syntax is lowered.
      target: 'es2015',
      write: false,
      legalComments: 'none',
      logLevel: 'silent',
      banner: { js: `// @ts-nocheck (archbench's own code, type-checked where it is written)\n// The request builders of scenario "${s.name}", bundled by \`bench export k6\` from its source.` },
    });
    return out.outputFiles[0]!.text;
  } catch (err) {
    const errors = (err as { errors?: Array<{ text: string }> }).errors ?? [];
    const why = errors.length ? errors.map((e) => e.text).join('; ') : err instanceof Error ? err.message : String(err);
    throw new UsageError(`scenario "${s.name}" cannot be bundled for k6 (${file}): ${why}; k6 runs plain JavaScript without Node modules`, 'ERR_SCENARIO');
  }
}
