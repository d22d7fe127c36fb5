/**
 * A local npm registry (verdaccio, installed once into the cache beside n8n) for rehearsing the publish
 * step: a user is created on it and an npmrc holding that user's token is written for npm to use.
 */
import axios from 'axios';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { delay, freePort, spawnLogged, stopProcessGroup } from './n8n';
import { CACHE_ROOT } from './paths';

// 6.8.0: the newest that supports the Node 20 the tests run on (6.10 wants Node 22).
const VERDACCIO_VERSION = '6.8.0';
const VERDACCIO_DIR = join(CACHE_ROOT, `verdaccio-${VERDACCIO_VERSION}`);
const VERDACCIO_BIN = join(VERDACCIO_DIR, 'node_modules', 'verdaccio', 'bin', 'verdaccio');

export interface LocalRegistry {
	url: string;
	/** An npmrc naming the registry and holding a logged-in user's token (NPM_CONFIG_USERCONFIG). */
	npmrc: string;
	stop(): Promise<void>;
}

/** Installs verdaccio into the cache once (about 40 s, 58 MB); later calls find it there. */
export function ensureVerdaccio(): void {
	if (existsSync(join(VERDACCIO_DIR, '.complete'))) return;
	rmSync(VERDACCIO_DIR, { recursive: true, force: true });
	mkdirSync(VERDACCIO_DIR, { recursive: true });
	writeFileSync(join(VERDACCIO_DIR, 'package.json'), '{ "private": true }\n');
	const install = spawnSync('npm', ['install', `verdaccio@${VERDACCIO_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund'], {
		cwd: VERDACCIO_DIR,
		stdio: 'inherit',
	});
	if (install.status !== 0 || !existsSync(VERDACCIO_BIN)) throw new Error(`installing verdaccio ${VERDACCIO_VERSION} failed (exit ${install.status})`);
	writeFileSync(join(VERDACCIO_DIR, '.complete'), '');
}

export async function startLocalRegistry(): Promise<LocalRegistry> {
	ensureVerdaccio();
	const dir = mkdtempSync(join(tmpdir(), 'zoom-registry-'));
	const port = await freePort();
	const url = `http://127.0.0.1:${port}/`;
	// No uplinks: nothing is fetched from npmjs.org; anyone may read, a logged-in user may publish.
	writeFileSync(
		join(dir, 'config.yaml'),
		[
			`storage: ${join(dir, 'storage')}`,
			`auth: { htpasswd: { file: ${join(dir, 'htpasswd')}, max_users: 10 } }`,
			'uplinks: {}',
			"packages: { '**': { access: $all, publish: $authenticated } }",
			'log: { type: stdout, format: pretty, level: warn }',
			'',
		].join('\n'),
	);
	const { child } = spawnLogged(process.execPath, [VERDACCIO_BIN, '--config', join(dir, 'config.yaml'), '--listen', `127.0.0.1:${port}`], process.env, `verdaccio-${port}`);
	const stop = async () => {
		await stopProcessGroup(child.pid ?? 0, 5_000);
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		for (const deadline = Date.now() + 60_000; ; await delay(250)) {
			const ping = await axios.get(`${url}-/ping`, { validateStatus: () => true }).catch(() => undefined);
			if (ping?.status === 200) break;
			if (Date.now() > deadline) throw new Error('verdaccio did not answer /-/ping within 60 s');
		}
		const user = await axios.put(`${url}-/user/org.couchdb.user:rehearsal`, { name: 'rehearsal', password: 'rehearsal-passw0rd' }, { validateStatus: () => true });
		if (!user.data?.token) throw new Error(`creating the registry user failed: ${JSON.stringify(user.data)}`);
		const npmrc = join(dir, 'npmrc');
		writeFileSync(npmrc, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${user.data.token}\n`);
		return { url, npmrc, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
