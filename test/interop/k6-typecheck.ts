// Type-checks exported k6 scripts against @types/k6 (k6's own API) with the TypeScript compiler,
// as `tsc --allowJs --checkJs --noEmit --types k6` would, in one program for speed.
import { join } from 'node:path';
import ts from 'typescript';
import { ROOT } from '../helpers/cli.js';

const OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  checkJs: true,
  noEmit: true,
  strict: true,
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  lib: ['lib.es2020.d.ts'],
  types: ['k6'],
  typeRoots: [join(ROOT, 'node_modules/@types')],
};

/** Every diagnostic, formatted "file(line,col): message". */
export function typeCheckK6(scripts: string[]): string[] {
  const program = ts.createProgram(scripts, OPTIONS);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return text;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName}(${line + 1},${character + 1}): ${text}`;
  });
}
