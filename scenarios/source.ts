// Where a scenario comes from: a built-in name or a path to the user's own defineScenario file.
// The source travels with the plan as plain text, so a generator thread can load the same
// scenario again (its requests are functions, which cannot be sent to a worker thread).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transform, type Message } from 'esbuild';
import { UsageError, isUsageError } from '../common/errors.js';
import type { Scenario } from './define.js';
import { findScenario, scenarios } from './registry.js';
import { ScenarioError, validateScenario } from './validate.js';

export interface LoadedScenario {
  scenario: Scenario;
  /** The built-in's name or the file's absolute path. */
  source: string;
}

const looksLikePath = (s: string) => /[\\/]/.test(s) || /\.(m?[jt]s|cjs)$/.test(s);

/** Imports a scenario file (TypeScript too, without a build step); returns its default export. */
export async function importScenarioFile(file: string): Promise<unknown> {
  if (/\.[cm]?ts$/.test(file)) {
    const { register } = await import('tsx/esm/api');
    register();
  }
  const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  return mod.default;
}

export async function loadScenario(nameOrPath: string): Promise<LoadedScenario> {
  const builtin = findScenario(nameOrPath);
  if (builtin) return { scenario: builtin, source: builtin.name };
  if (!looksLikePath(nameOrPath)) {
    throw new UsageError(`unknown scenario "${nameOrPath}"; valid scenarios: ${scenarios.map((s) => s.name).join(', ')} (or a path to your own scenario file)`, 'ERR_SCENARIO');
  }
  const file = resolve(nameOrPath);
  if (!existsSync(file)) throw new UsageError(`scenario file not found: ${file}`, 'ERR_SCENARIO');
  await checkSyntax(file);
  let exported: unknown;
  try {
    exported = await importScenarioFile(file);
  } catch (err) {
    // defineScenario's own problems, or anything the file throws while loading: the file is at fault.
    const message = err instanceof Error ? err.message : String(err);
    throw new ScenarioError(isUsageError(err) ? `${file}: ${message}` : `${file}: failed to load: ${message}`);
  }
  // A plain object exported without defineScenario gets the same checks.
  return { scenario: validateScenario(exported, file), source: file };
}

/**
 * Parses the file with esbuild first, for file:line:column of a syntax error: tsx's own error
 * names a .mts file as .ts, and node's SyntaxError for JavaScript gives no column.
 */
async function checkSyntax(file: string): Promise<void> {
  const loader = /\.[cm]?ts$/.test(file) ? 'ts' : 'js';
  try {
    await transform(readFileSync(file, 'utf8'), { loader, sourcefile: file, format: 'esm' });
  } catch (err) {
    const errors = (err as { errors?: Message[] }).errors;
    if (!errors?.length) throw err;
    const where = (m: Message) => (m.location ? `${file}:${m.location.line}:${m.location.column + 1}` : file);
    throw new ScenarioError(`syntax error in scenario file:\n  ${errors.map((m) => `${where(m)}: ${m.text}`).join('\n  ')}`);
  }
}

/** In a generator thread: the scenario the plan's source names. */
export async function loadScenarioSource(source: string): Promise<Scenario> {
  return (await loadScenario(source)).scenario;
}
