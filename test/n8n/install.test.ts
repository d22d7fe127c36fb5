/**
 * The n8n install a fresh machine gets, under the environment `npm test` hands it. npm exports the
 * project's `.npmrc` (ignore-scripts=true) to every script as npm_config_ignore_scripts=true; with it,
 * the old install skipped the sqlite3 build, said it had succeeded and marked the cache complete, and n8n
 * could not open its database. Here a cache broken that way (marked complete, no sqlite3 binding) is
 * handed to the install script in that environment: it must notice, rebuild, and leave an n8n that starts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, n8nEnvironment, spawnN8n, stopProcessGroup, waitForReady } from '../harness/n8n';
import { N8N_DIR, N8N_VERSION } from '../harness/paths';

const SCRIPT = join(__dirname, '..', 'harness', 'install-n8n.sh');

// The install is the same whatever mode n8n then runs in: the queue-mode pass of npm test leaves it out.
(process.env.ZOOM_QUEUE ? describe.skip : describe)('installing n8n under npm_config_ignore_scripts=true', () => {
	let cache: string;
	beforeAll(() => {
		cache = mkdtempSync(join(tmpdir(), 'zoom-install-'));
		// A hard-linked copy of the working cache: seconds, and no second download. The binding is removed
		// from the copy only (unlinking leaves the original's file in place).
		const copy = spawnSync('cp', ['-al', N8N_DIR, join(cache, `n8n-${N8N_VERSION}`)]);
		expect(copy.status).toBe(0);
		rmSync(join(cache, `n8n-${N8N_VERSION}`, 'n8n', 'node_modules', 'sqlite3', 'build'), { recursive: true, force: true });
	});
	afterAll(() => rmSync(cache, { recursive: true, force: true }));

	it('repairs a cache marked complete whose sqlite3 binding is missing, and that n8n then starts', async () => {
		const dir = join(cache, `n8n-${N8N_VERSION}`);
		expect(existsSync(join(dir, '.complete'))).toBe(true);
		const run = spawnSync('bash', [SCRIPT], {
			env: { ...process.env, ZOOM_CONNECTOR_CACHE: cache, npm_config_ignore_scripts: 'true' },
			encoding: 'utf8',
			timeout: 600_000,
		});
		const output = `${run.stdout}\n${run.stderr}`;
		expect({ status: run.status, output: output.slice(-2000) }).toMatchObject({ status: 0 });
		expect(output).toMatch(/broken .*repairing/);
		expect(output).toMatch(/sqlite3 binding loads under Node v24/);
		expect(output).toContain(`n8n ${N8N_VERSION} opened its SQLite database`);
		expect(existsSync(join(dir, 'n8n', 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node'))).toBe(true);
		expect(existsSync(join(dir, '.complete'))).toBe(true);

		// The repaired install serves n8n, with its database, from the copy.
		const userFolder = mkdtempSync(join(tmpdir(), 'n8n-zoom-install-'));
		const port = await freePort();
		const { child, logFile } = spawnN8n(['start'], n8nEnvironment(userFolder, port, await freePort()), `n8n-install-${port}`, {
			n8nBin: join(dir, 'n8n', 'node_modules', 'n8n', 'bin', 'n8n'),
		});
		try {
			await waitForReady(`http://127.0.0.1:${port}/healthz/readiness`, child, logFile);
			expect(existsSync(join(userFolder, '.n8n', 'database.sqlite'))).toBe(true);
		} finally {
			await stopProcessGroup(child.pid ?? 0);
			rmSync(userFolder, { recursive: true, force: true });
		}
	}, 900_000);

	it('leaves a working cache as it is, after checking only that its binding loads', () => {
		const started = Date.now();
		const run = spawnSync('bash', [SCRIPT], { env: { ...process.env, npm_config_ignore_scripts: 'true' }, encoding: 'utf8' });
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('already installed');
		expect(Date.now() - started).toBeLessThan(10_000);
	});
});
