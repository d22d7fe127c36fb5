// First step of `npm start`, `npm test` and CI, so that each works alone on a fresh clone: installs the
// dev dependencies from the lockfile when they are missing or were installed from another lockfile.
// Node's built-ins only: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const lockHash = createHash('sha256').update(readFileSync(join(root, 'package-lock.json'))).digest('hex');
// Written after a successful install: which lockfile node_modules was installed from.
const marker = join(root, 'node_modules', '.installed-from-lock');

const installed = existsSync(marker) && readFileSync(marker, 'utf8').trim() === lockHash;
if (installed) process.exit(0);

console.log('[setup] installing the dev dependencies from package-lock.json (npm ci, about 30 s)');
const started = Date.now();
// --ignore-scripts as in .npmrc: none of our dev tools needs an install script (see .npmrc).
const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: root, stdio: 'inherit' });
if (npm.status !== 0) {
	console.error(`[setup] npm ci failed (exit ${npm.status ?? npm.signal}); see its output above`);
	process.exit(1);
}
writeFileSync(marker, `${lockHash}\n`);
console.log(`[setup] dev dependencies installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
