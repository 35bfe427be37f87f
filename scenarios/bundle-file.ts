// Loads a user's scenario file from any folder, with or without a package.json: esbuild bundles
// the file and its relative imports (TypeScript too), `import ... from 'archbench'` points at this
// installation's entry, and other packages resolve from the file's folder to absolute paths, so
// the bundle can live in a temporary folder. Node's own loader failed outside the repo
// ("Cannot find package 'archbench'", or without a package.json "Cannot require() ES Module ...
// in a cycle"). Every failure names the file and the line.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Message, type Plugin } from 'esbuild';
import { isUsageError } from '../common/errors.js';
import { siblingEntry } from '../common/module-entry.js';
import { ScenarioError } from './validate.js';
import { withDataDir } from './shared-data.js';

/** This installation's public entry (dist/index.js when built, index.ts under tsx or vitest). */
export const ARCHBENCH_ENTRY = siblingEntry(import.meta.url, '../index.ts');

const resolveAbsolute: Plugin = {
  name: 'archbench-resolve',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === 'inner') return undefined;
      if (args.path === 'archbench') return { path: pathToFileURL(ARCHBENCH_ENTRY).href, external: true };
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      // The user's own packages: resolved from the scenario's folder, loaded by Node (native addons too).
      const r = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'inner' });
      if (r.errors.length) return { errors: r.errors };
      return { path: pathToFileURL(r.path).href, external: true };
    });
  },
};

function located(file: string, messages: Message[]): string {
  return messages
    .map((m) => {
      const where = m.location ? `${resolve(m.location.file)}:${m.location.line}:${m.location.column + 1}` : file;
      return `${where}: ${m.text}`;
    })
    .join('\n  ');
}

/** The bundled module's text (ES module, inline source map pointing at the user's file). */
export async function bundleScenarioFile(file: string, outfile: string): Promise<string> {
  try {
    const out = await build({
      entryPoints: [file],
      // Not written: it only makes the source map's paths relative to where the bundle will be.
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      write: false,
      sourcemap: 'inline',
      logLevel: 'silent',
      // k6 scripts read variables as __ENV.NAME; here it is the process environment.
      define: { __ENV: 'process.env' },
      plugins: [resolveAbsolute],
    });
    return out.outputFiles[0]!.text;
  } catch (err) {
    const errors = (err as { errors?: Message[] }).errors;
    if (!errors?.length) throw err;
    const syntax = errors.some((m) => !/resolve/i.test(m.text));
    throw new ScenarioError(`${syntax ? 'syntax error' : 'import error'} in scenario file:\n  ${located(file, errors)}`);
  }
}

/** Imports the scenario file; returns its default export. Errors thrown while loading name file:line. */
export async function importScenarioFile(file: string): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'archbench-scenario-'));
  const bundled = join(dir, `${basename(file).replace(/\.[^.]+$/, '')}.mjs`);
  const code = await bundleScenarioFile(file, bundled).catch((err: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  });
  writeFileSync(bundled, code);
  // Source maps make a stack name the user's file and line, not the temporary bundle's.
  const mapsWere = process.sourceMapsEnabled;
  process.setSourceMapsEnabled(true);
  try {
    const mod = (await withDataDir(dirname(file), () => import(pathToFileURL(bundled).href))) as { default?: unknown };
    return mod.default;
  } catch (err) {
    // defineScenario's own problems, or anything the file throws while loading: the file is at fault.
    if (isUsageError(err)) throw new ScenarioError(`${file}: ${err.message}`);
    throw new ScenarioError(`${file}: failed to load: ${await describeLoadError(err, file)}`);
  } finally {
    process.setSourceMapsEnabled(mapsWere);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function describeLoadError(err: unknown, file: string): Promise<string> {
  const message = err instanceof Error ? err.message : String(err);
  const missing = /does not provide an export named '([^']+)'/.exec(message);
  if (missing && message.includes(pathToFileURL(ARCHBENCH_ENTRY).href)) {
    const names = Object.keys((await import(pathToFileURL(ARCHBENCH_ENTRY).href)) as object).sort();
    const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(missing[1]!) && /\bimport\b|\bfrom\b/.test(l));
    return `${line >= 0 ? `${file}:${line + 1}: ` : ''}'archbench' has no export named '${missing[1]}'; it exports ${names.join(', ')}`;
  }
  // The first stack frame in the user's file (mapped through the source map) gives the line.
  const stack = err instanceof Error ? (err.stack ?? '') : '';
  const frame = stack.split('\n').find((l) => l.includes(file));
  const at = frame ? /(\d+):(\d+)\)?\s*$/.exec(frame) : null;
  return at ? `${message} (at ${file}:${at[1]}:${at[2]})` : message;
}
