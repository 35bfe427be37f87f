// The PHP-FPM question with real servers: php-fpm 8.2 behind nginx (a known boot cost repeated on
// every request) against a persistent php-cli server (the same boot paid once), both as --serve
// commands. FPM's tree must show its processes, its CPU per request the boot it repeats, and
// nothing may be left once archbench has stopped them (php-fpm calls setsid, see serve.sh).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Results } from '../../record/results.js';
import { bench, ROOT, waitFor } from '../helpers/cli.js';
import { isGone, pidsIn } from '../lifecycle/serve-helpers.js';

const FPM_BIN = '/usr/sbin/php-fpm8.2';
const NGINX_BIN = '/usr/sbin/nginx';
const missing = [FPM_BIN, NGINX_BIN].filter((f) => !existsSync(f));
const SKIP = missing.length > 0;
if (SKIP) console.warn(`skipping the php-fpm test: ${missing.join(' and ')} not installed (apt-get install -y php-fpm nginx-light php-cli)`);

const out = mkdtempSync(join(tmpdir(), 'archbench-serve-php-fpm-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const BOOT_US = 2000;
const BUSY_US = 500;

describe.skipIf(SKIP)('bench run --serve with php-fpm behind nginx and a persistent php server', () => {
  it('FPM pays the boot on every request, the persistent server once; both trees are gone after the run', async () => {
    const dir = join(out, 'run');
    const env = `BOOT_US=${BOOT_US} BUSY_US=${BUSY_US}`;
    const fpm = `${env} ${join(ROOT, 'test/fixtures/serve/php-fpm/serve.sh')} {port}`;
    const persistent = `${env} php ${join(ROOT, 'test/fixtures/serve/php-persistent/server.php')} {port}`;
    // One fixed rate, well inside both capacities (FPM: 2 children at 2.5 ms each), so both run
    // in the same regime and the difference is the repeated boot, not how hard each was driven.
    const r = await bench(['run', 'test/fixtures/serve/get-root.ts', '--serve', `fpm=${fpm}`, '--serve', `persistent=${persistent}`, '-d', '2', '-w', '1', '--rate', '100', '-o', dir]);
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Results;
    expect(results.runs.map((x) => x.target)).toEqual(['fpm', 'persistent']);
    for (const run of results.runs) expect(run.status, run.error).toBe('ok');
    const [fpmRun, persistentRun] = results.runs as [Results['runs'][number], Results['runs'][number]];

    const commands = fpmRun.rssMb!.processes.map((p) => p.command);
    expect(commands.some((c) => /php-fpm/.test(c)), commands.join('\n')).toBe(true);
    expect(commands.some((c) => /nginx/.test(c)), commands.join('\n')).toBe(true);
    // Commands are /proc comm names: php-fpm8.2, nginx, php.
    expect(persistentRun.rssMb!.processes.some((p) => /^php/.test(p.command))).toBe(true);

    // The boot FPM repeats: 2 ms of CPU per request, read loosely (1.5 ms) since this is the
    // behaviour, not the measurement's accuracy (serve-run.test.ts checks that).
    expect(fpmRun.cpuMsPerRequest! - persistentRun.cpuMsPerRequest!).toBeGreaterThan(1.5);

    // Everything archbench saw, and every pid the commands logged (FPM's session, the watchdog),
    // is gone; waitFor because FPM's session dies by its watchdog, a moment after the launcher.
    const logged = ['fpm', 'persistent'].flatMap((name) => pidsIn(readFileSync(join(dir, 'serve', `${name}.stderr.log`), 'utf8')));
    const seen = [...results.runs.flatMap((run) => run.rssMb!.processes.map((p) => p.pid)), ...logged];
    expect(logged.length).toBeGreaterThanOrEqual(4);
    expect(await waitFor(() => seen.every(isGone), 3000), `still alive: ${seen.filter((p) => !isGone(p)).join(', ')}`).toBe(true);
    expect(readdirTemp()).toEqual([]);
  }, 60_000);
});

/** The launcher's temp dirs still present from this run (removed on SIGTERM or by the watchdog). */
function readdirTemp(): string[] {
  const logs = readFileSync(join(out, 'run', 'serve', 'fpm.stderr.log'), 'utf8');
  return [...logs.matchAll(/\/[^\s]*archbench-php-fpm\.[A-Za-z0-9]+/g)].map((m) => m[0]).filter((d) => existsSync(d));
}
