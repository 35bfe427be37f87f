// A scenario is a built-in name or a path to the user's own defineScenario file.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Scenario } from '../scenarios/define.js';
import { findScenario, scenarios } from '../scenarios/registry.js';
import { importScenarioFile, rememberScenarioFile } from '../scenarios/source.js';
import { UsageError } from '../common/errors.js';

const looksLikePath = (s: string) => /[\\/]/.test(s) || /\.(m?[jt]s|cjs)$/.test(s);

export async function loadScenario(nameOrPath: string): Promise<Scenario> {
  const builtin = findScenario(nameOrPath);
  if (builtin) return builtin;
  if (!looksLikePath(nameOrPath)) {
    throw new UsageError(`unknown scenario "${nameOrPath}"; valid scenarios: ${scenarios.map((s) => s.name).join(', ')} (or a path to your own scenario file)`);
  }
  const file = resolve(nameOrPath);
  if (!existsSync(file)) throw new UsageError(`scenario file not found: ${file}`);
  const s = (await importScenarioFile(file)) as Partial<Scenario> | undefined;
  if (!s || typeof s !== 'object' || typeof s.name !== 'string' || !Array.isArray(s.requests) || !s.executor) {
    throw new UsageError(`${file} must \`export default defineScenario({...})\` (from 'archbench')`);
  }
  // Generator threads load it again from here.
  rememberScenarioFile(s as Scenario, file);
  return s as Scenario;
}
