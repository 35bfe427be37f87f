// A large k6 --out json file for the import benchmark: the fixture's lines repeated with their
// times shifted, so the figure in docs/k6.md is reproducible.
//   node --import tsx scripts/make-k6-points.ts OUT.json [REQUESTS=1000000]
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';

const [out, requestsArg] = process.argv.slice(2);
if (!out) throw new Error('usage: make-k6-points.ts OUT.json [REQUESTS]');
const wanted = Number(requestsArg ?? 1_000_000);
const lines = readFileSync(new URL('../test/fixtures/k6/points.json', import.meta.url), 'utf8').split('\n').filter((l) => l.includes('"type":"Point"'));
const perCopy = lines.filter((l) => l.startsWith('{"metric":"http_req_duration"')).length;
const TIME_RE = /"time":"([^"]+)"/;
const base = Date.parse(TIME_RE.exec(lines[0]!)![1]!);
const span = Date.parse(TIME_RE.exec(lines[lines.length - 1]!)![1]!) - base + 20;
const stream = createWriteStream(out);
for (let copy = 0; copy * perCopy < wanted; copy++) {
  let chunk = '';
  for (const l of lines) chunk += l.replace(TIME_RE, (_, t: string) => `"time":"${new Date(Date.parse(t) + copy * span).toISOString()}"`) + '\n';
  if (!stream.write(chunk)) await once(stream, 'drain');
}
stream.end();
await once(stream, 'finish');
