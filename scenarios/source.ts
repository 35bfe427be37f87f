// Where a scenario comes from: a built-in name or a path to the user's own defineScenario file.
// The source travels with the plan as plain text, so a generator thread can load the same
// scenario again (its requests are functions, which cannot be sent to a worker thread).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../common/errors.js';
import type { Scenario } from './define.js';
import { findScenario, scenarios } from './registry.js';

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
  const s = (await importScenarioFile(file)) as Partial<Scenario> | undefined;
  if (!s || typeof s !== 'object' || typeof s.name !== 'string' || !Array.isArray(s.requests) || !s.executor) {
    throw new UsageError(`${file} must \`export default defineScenario({...})\` (from 'archbench')`, 'ERR_SCENARIO');
  }
  return { scenario: s as Scenario, source: file };
}

/** In a generator thread: the scenario the plan's source names. */
export async function loadScenarioSource(source: string): Promise<Scenario> {
  return (await loadScenario(source)).scenario;
}
