// k6's `--out json` output, streamed line by line (gzip too) in constant memory. Only the
// metrics asked for are parsed: a substring test on the raw line skips the rest (most of a k6
// file: http_req_blocked, _connecting, _sending, ... one line each per request) before
// JSON.parse, which is where the time goes. Skipped lines are still checked to be whole JSON objects.
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
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

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const NEWLINE = 0x0a;
const CR = 0x0d;

/**
 * Calls onPoint for each Point of a wanted metric; a corrupt line is a UsageError naming file and line.
 * Works on raw bytes and decodes only the lines that hold a wanted metric's name: readline decoded
 * every line (k6 writes about 14 per request) and took 29 s and 250 MB RSS for 1M requests.
 * Every other line is still checked to be one whole JSON object ({ ... }) without decoding it.
 */
export async function readK6Points(file: string, wanted: readonly string[], onPoint: (p: K6Point) => void): Promise<void> {
  const needles = wanted.map((m) => `"${m}"`);
  const needleBytes = needles.map((n) => Buffer.from(n));
  let lineNo = 0;
  const fail = (why: string, text: string) => new UsageError(`${file}:${lineNo}: corrupt k6 JSON line: ${why} (${text.slice(0, 80)})`, 'ERR_RESULTS_FILE');
  // Every line of buf[0, end): ends at a newline or at `end`.
  const scan = (buf: Buffer, end: number) => {
    const next = needleBytes.map((n) => buf.indexOf(n));
    for (let lineStart = 0; lineStart < end; ) {
      lineNo++;
      const nl = buf.indexOf(NEWLINE, lineStart);
      const lineEnd = nl === -1 || nl > end ? end : nl;
      let last = lineEnd - 1;
      if (last >= lineStart && buf[last] === CR) last--;
      if (last >= lineStart) {
        if (buf[lineStart] !== OPEN_BRACE || buf[last] !== CLOSE_BRACE) throw fail('not a JSON object', buf.toString('utf8', lineStart, lineEnd));
        if (next.some((i) => i >= lineStart && i < lineEnd)) {
          const line = buf.toString('utf8', lineStart, last + 1);
          let p: K6Point | undefined;
          try {
            p = parsePointLine(line, wanted, needles);
            if (p) onPoint(p);
          } catch (err) {
            throw fail(err instanceof Error ? err.message : String(err), line);
          }
          needleBytes.forEach((n, k) => {
            if (next[k] !== -1 && next[k]! < lineEnd) next[k] = buf.indexOf(n, lineEnd);
          });
        }
      }
      lineStart = lineEnd + 1;
    }
  };
  let rest: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of openLines(file) as AsyncIterable<Buffer>) {
      const buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
      const end = buf.lastIndexOf(NEWLINE);
      if (end === -1) {
        rest = buf;
        continue;
      }
      scan(buf, end + 1);
      rest = Buffer.from(buf.subarray(end + 1));
    }
    // A last line without a newline.
    if (rest.length) scan(rest, rest.length);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`${file}: cannot read: ${err instanceof Error ? err.message : String(err)}`, 'ERR_RESULTS_FILE');
  }
}
