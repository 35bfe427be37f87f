// k6's SharedArray: request data from a CSV or JSON file, read once when the scenario file is
// loaded (once per generator thread, as each thread loads the scenario), frozen, shared by all
// the thread's VUs. A relative path is relative to the scenario file, whatever the working folder.
import { readFileSync } from 'node:fs';
import { extname, isAbsolute, resolve } from 'node:path';
import { ScenarioError } from './validate.js';

export type DataRow = Readonly<Record<string, string>>;

// Set by the scenario loader (bundle-file.ts) while a scenario file is being evaluated.
let loadingDir: string | undefined;

/** Runs `load` with relative data paths resolved against `dir` (the scenario file's folder). */
export async function withDataDir<T>(dir: string, load: () => Promise<T>): Promise<T> {
  const before = loadingDir;
  loadingDir = dir;
  try {
    return await load();
  } finally {
    loadingDir = before;
  }
}

/**
 * Rows of a .csv (first line: column names; every value a string) or a .json file (an array).
 * Call it at the top of the scenario file: `const users = sharedData('users.csv')`.
 */
export function sharedData<T = DataRow>(path: string): readonly T[] {
  const file = isAbsolute(path) ? path : resolve(loadingDir ?? process.cwd(), path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ScenarioError(`sharedData('${path}'): cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)}); a relative path is relative to the scenario file`);
  }
  const ext = extname(file).toLowerCase();
  let rows: unknown;
  if (ext === '.json') {
    try {
      rows = JSON.parse(text);
    } catch (err) {
      throw new ScenarioError(`sharedData('${path}'): ${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!Array.isArray(rows)) throw new ScenarioError(`sharedData('${path}'): ${file} must hold a JSON array`);
  } else if (ext === '.csv') {
    rows = csvRows(text, file);
  } else {
    throw new ScenarioError(`sharedData('${path}'): ${file} must be .csv or .json`);
  }
  if ((rows as unknown[]).length === 0) throw new ScenarioError(`sharedData('${path}'): ${file} has no rows`);
  return deepFreeze(rows as T[]);
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** RFC 4180: commas, "quoted" fields with "" escapes and line breaks, CRLF or LF. */
export function csvRows(text: string, file: string): DataRow[] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    if (record.length > 1 || record[0] !== '') records.push(record);
    record = [];
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') (field += '"'), i++;
      else quoted = false;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n') endRecord();
    else if (c !== '\r' || text[i + 1] !== '\n') field += c;
  }
  if (quoted) throw new ScenarioError(`${file}: a quoted CSV field is never closed`);
  if (field !== '' || record.length) endRecord();
  const [header, ...body] = records;
  if (!header) return [];
  return body.map((values, n) => {
    if (values.length !== header.length) throw new ScenarioError(`${file}:${n + 2}: ${values.length} fields, the header has ${header.length}`);
    return Object.fromEntries(header.map((h, j) => [h, values[j]!]));
  });
}
