// Where a scenario comes from: a built-in name or a path to the user's own defineScenario file.
// The source travels with the plan as plain text, so a generator thread can load the same
// scenario again (its requests are functions, which cannot be sent to a worker thread).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../common/errors.js';
import type { Scenario } from './define.js';
import { findScenario, scenarios } from './registry.js';
import { validateScenario } from './validate.js';
import { importScenarioFile } from './bundle-file.js';

export interface LoadedScenario {
  scenario: Scenario;
  /** The built-in's name or the file's absolute path. */
  source: string;
}

const looksLikePath = (s: string) => /[\\/]/.test(s) || /\.(m?[jt]s|cjs)$/.test(s);

export async function loadScenario(nameOrPath: string): Promise<LoadedScenario> {
  const builtin = findScenario(nameOrPath);
  if (builtin) return { scenario: builtin, source: builtin.name };
  if (!looksLikePath(nameOrPath)) {
    throw new UsageError(`unknown scenario "${nameOrPath}"; valid scenarios: ${scenarios.map((s) => s.name).join(', ')} (or a path to your own scenario file)`, 'ERR_SCENARIO');
  }
  const file = resolve(nameOrPath);
  if (!existsSync(file)) throw new UsageError(`scenario file not found: ${file}`, 'ERR_SCENARIO');
  const exported = await importScenarioFile(file);
  // A plain object exported without defineScenario gets the same checks.
  return { scenario: validateScenario(exported, file), source: file };
}

/** In a generator thread: the scenario the plan's source names. */
export async function loadScenarioSource(source: string): Promise<Scenario> {
  return (await loadScenario(source)).scenario;
}
