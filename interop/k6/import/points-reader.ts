// k6's `--out json` output, streamed line by line (gzip too) in constant memory. Only the
// metrics asked for are parsed: a substring test on the raw line skips the rest (most of a k6
// file: http_req_blocked, _connecting, _sending, ... one line each per request) before
// JSON.parse, which is where the time goes. Skipped lines are still checked to be whole JSON objects.
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { UsageError } from '../../../common/errors.js';

export interface K6Point {
  metric: string;
  /** RFC 3339 time as k6 writes it. */
  time: string;
  /** Milliseconds for time metrics. */
  value: number;
  tags: Record<string, string>;
}

interface PointLine {
  type?: unknown;
  metric?: unknown;
  data?: { time?: unknown; value?: unknown; tags?: unknown };
}

function isGzip(file: string): boolean {
  if (file.endsWith('.gz')) return true;
  const fd = openSync(file, 'r');
  try {
    const magic = Buffer.alloc(2);
    return readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

function openLines(file: string): Readable {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  if (!isGzip(file)) return raw;
  const gunzip = createGunzip();
  raw.on('error', (err) => gunzip.destroy(err));
  return raw.pipe(gunzip);
}

/** The point a line holds if its metric is wanted; undefined for other metrics and Metric lines. */
export function parsePointLine(line: string, wanted: readonly string[], needles = wanted.map((m) => `"${m}"`)): K6Point | undefined {
  if (!needles.some((n) => line.includes(n))) {
    if (line[0] !== '{' || line[line.length - 1] !== '}') throw new Error('not a JSON object');
    return undefined;
  }
  const obj = JSON.parse(line) as PointLine;
  if (obj.type === 'Metric') return undefined;
  if (obj.type !== 'Point' || typeof obj.metric !== 'string') throw new Error('neither a Metric nor a Point line');
  if (!wanted.includes(obj.metric)) return undefined;
  const d = obj.data;
  if (!d || typeof d.time !== 'string' || typeof d.value !== 'number' || (d.tags !== undefined && d.tags !== null && typeof d.tags !== 'object')) {
    throw new Error('a Point needs data.time (string), data.value (number) and data.tags');
  }
  return { metric: obj.metric, time: d.time, value: d.value, tags: (d.tags ?? {}) as Record<string, string> };
}

/** Calls onPoint for each Point of a wanted metric; a corrupt line is a UsageError naming file and line. */
export async function readK6Points(file: string, wanted: readonly string[], onPoint: (p: K6Point) => void): Promise<void> {
  let input: Readable;
  try {
    input = openLines(file);
  } catch (err) {
    throw new UsageError(`${file}: cannot read: ${err instanceof Error ? err.message : String(err)}`, 'ERR_RESULTS_FILE');
  }
  const lines = createInterface({ input, crlfDelay: Infinity });
  const needles = wanted.map((m) => `"${m}"`);
  let lineNo = 0;
  let failure: Error | undefined;
  lines.on('line', (line) => {
    lineNo++;
    if (failure || line.length === 0) return;
    try {
      const p = parsePointLine(line, wanted, needles);
      if (p) onPoint(p);
    } catch (err) {
      failure = new UsageError(`${file}:${lineNo}: corrupt k6 JSON line: ${err instanceof Error ? err.message : String(err)} (${line.slice(0, 80)})`, 'ERR_RESULTS_FILE');
      lines.close();
      input.destroy();
    }
  });
  await new Promise<void>((resolve, reject) => {
    lines.on('close', resolve);
    input.on('error', (err) => reject(new UsageError(`${file}: cannot read: ${err.message}`, 'ERR_RESULTS_FILE')));
  });
  if (failure) throw failure;
}
