// The import graph of the source, room by room (a room is a top-level folder), and the rule
// that keeps dependencies pointing one way (shared/DESIGN.md section 2, README "Layout").
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const ROOMS = ['cli', 'harness', 'interop', 'reports', 'analysis', 'runners', 'targets', 'scenarios', 'record', 'common'] as const;
export type Room = (typeof ROOMS)[number];

/** Which rooms each room may import. Everything else is an upward or sideways arrow. */
export const ALLOWED: Readonly<Record<Room, readonly Room[]>> = {
  cli: ['harness', 'interop', 'reports', 'analysis', 'runners', 'targets', 'scenarios', 'record', 'common'],
  harness: ['interop', 'analysis', 'runners', 'targets', 'scenarios', 'record', 'common'],
  interop: ['analysis', 'scenarios', 'record', 'common'],
  reports: ['analysis', 'record', 'common'],
  analysis: ['record', 'common'],
  runners: ['scenarios', 'record', 'common'],
  targets: ['record', 'common'],
  scenarios: ['common'],
  record: ['common'],
  common: [],
};

export interface Arrow {
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every relative import and export-from of the given rooms' files, as repo-relative paths. */
export function importArrows(root: string, files: Array<{ path: string; text: string }>): Arrow[] {
  return files.flatMap(({ path, text }) =>
    ts
      .preProcessFile(text, true, true)
      .importedFiles.map((f) => f.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => ({ from: path, to: relative(root, resolve(root, dirname(path), spec)) })),
  );
}

export function readRooms(root: string): Array<{ path: string; text: string }> {
  return ROOMS.flatMap((room) => sourceFiles(join(root, room)).map((abs) => ({ path: relative(root, abs), text: readFileSync(abs, 'utf8') })));
}

const roomOf = (path: string): string => path.split('/')[0]!;

/** Arrows the rule forbids, each with the reason. */
export function violations(arrows: Arrow[]): string[] {
  const out: string[] = [];
  for (const { from, to } of arrows) {
    const a = roomOf(from);
    const b = roomOf(to);
    if (a === b) continue;
    if (!(ROOMS as readonly string[]).includes(b)) {
      out.push(`${from} -> ${to}: imports outside the source rooms`);
      continue;
    }
    if (!ALLOWED[a as Room].includes(b as Room)) out.push(`${from} -> ${to}: ${a} may import only ${ALLOWED[a as Room].join(', ') || 'nothing'}`);
  }
  return out;
}
