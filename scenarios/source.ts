// Where a scenario came from (a built-in name or a file), so another thread can load it again:
// a scenario holds functions, which cannot be sent to a worker thread.
import { pathToFileURL } from 'node:url';
import type { Scenario } from './define.js';
import { findScenario } from './registry.js';

const sources = new WeakMap<Scenario, string>();

export function rememberScenarioFile(s: Scenario, absolutePath: string): void {
  sources.set(s, absolutePath);
}

/** A built-in scenario's name or the absolute path of the file it was loaded from; undefined if neither. */
export function scenarioSource(s: Scenario): string | undefined {
  return sources.get(s) ?? (findScenario(s.name) === s ? s.name : undefined);
}

/** Imports a scenario file (TypeScript too, without a build step); returns its default export. */
export async function importScenarioFile(file: string): Promise<unknown> {
  if (/\.[cm]?ts$/.test(file)) {
    const { register } = await import('tsx/esm/api');
    register();
  }
  const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  return mod.default;
}

export async function loadScenarioSource(source: string): Promise<Scenario> {
  const builtin = findScenario(source);
  if (builtin) return builtin;
  const s = (await importScenarioFile(source)) as Scenario | undefined;
  if (!s || typeof s !== 'object' || !Array.isArray(s.requests)) throw new Error(`${source} does not export a scenario`);
  return s;
}
