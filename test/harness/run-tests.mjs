// `npm test`: runs jest over all three layers and ends with one plain line, "tests: N passed, N failed",
// that CI reads; jest's own summary is not a format CI knows.
//   --with-queue   then the n8n layer again against n8n in queue mode (PostgreSQL, Redis, workers, a
//                  webhook processor), counted in the same line
//   --queue-only   only the queue-mode run (`npm run test:queue`)
//   --with-compat  then the compatibility smoke suite (test/compat) once on each n8n that
//                  n8n-versions.json lists beside the development version, counted in the same line
//   --compat-only  only those runs (`npm run test:compat`); ZOOM_COMPAT_VERSIONS=1.123.81,… picks some
// Other arguments go to jest (the first run only).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { installVersions } from './install-versions.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const artifacts = join(root, 'test-artifacts');
mkdirSync(artifacts, { recursive: true });

const ownFlags = new Set(['--with-queue', '--queue-only', '--with-compat', '--compat-only']);
const args = process.argv.slice(2);
const jestArgs = args.filter((arg) => !ownFlags.has(arg));
const only = args.includes('--queue-only') || args.includes('--compat-only');
const runs = [];
if (!only) runs.push({ name: 'jest', args: jestArgs, env: {} });
if (args.includes('--with-queue') || args.includes('--queue-only')) {
	runs.push({ name: 'jest-queue', args: ['--selectProjects', 'n8n'], env: { ZOOM_QUEUE: '1' } });
}
const versions = JSON.parse(readFileSync(join(import.meta.dirname, 'n8n-versions.json'), 'utf8'));
const picked = process.env.ZOOM_COMPAT_VERSIONS?.split(',').map((v) => v.trim());
const compat = args.includes('--with-compat') || args.includes('--compat-only')
	? versions.compatibility.filter((entry) => !picked || picked.includes(entry.n8n))
	: [];
for (const entry of compat) {
	runs.push({
		name: `jest-compat-${entry.n8n}`,
		args: ['--selectProjects', 'compat'],
		env: { ZOOM_COMPAT: '1', N8N_VERSION: entry.n8n, N8N_NODE_VERSION: entry.node },
		label: `the compatibility smoke suite on n8n ${entry.n8n} (Node ${entry.node})`,
	});
}

// Every n8n the runs need is installed first, side by side, so that no install competes with a
// running test for the two cores; the development version's own check in globalSetup then finds it.
const installs = compat.length > 0 ? await installVersions([...(args.includes('--compat-only') ? [] : [versions.development]), ...compat]) : [];
for (const result of installs) console.log(`[tests] n8n ${result.n8n} on Node ${result.node}: ${result.ok ? 'ready' : 'INSTALL FAILED'} after ${result.seconds}s`);
const failedInstalls = new Set(installs.filter((result) => !result.ok).map((result) => result.n8n));

let passed = 0;
let failed = 0;
let skipped = 0;
let allExitedCleanly = true;
for (const run of runs) {
	const report = join(artifacts, `${run.name}-results.json`);
	rmSync(report, { force: true });
	if (run.env.ZOOM_QUEUE) console.log('\n[tests] the n8n layer again, against n8n in queue mode');
	if (run.label) console.log(`\n[tests] ${run.label}`);
	if (run.env.N8N_VERSION && failedInstalls.has(run.env.N8N_VERSION)) {
		// Counted, not hidden: the pass proves nothing on an n8n that is not there.
		failed += 1;
		allExitedCleanly = false;
		continue;
	}
	const runStarted = Date.now();
	const jest = spawnSync(
		process.execPath,
		[join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--runInBand', '--json', `--outputFile=${report}`, ...run.args],
		{ cwd: root, stdio: 'inherit', env: { ...process.env, ...run.env } },
	);
	if (jest.status !== 0) allExitedCleanly = false;
	if (existsSync(report)) {
		const results = JSON.parse(readFileSync(report, 'utf8'));
		passed += results.numPassedTests;
		failed += results.numFailedTests + (results.numRuntimeErrorTestSuites ?? 0);
		skipped += results.numPendingTests + (results.numTodoTests ?? 0);
	} else {
		failed += 1;
	}
	if (run.label) console.log(`[tests] ${run.label}: ${Math.round((Date.now() - runStarted) / 1000)}s`);
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(allExitedCleanly && failed === 0 && passed > 0 ? 0 : 1);
