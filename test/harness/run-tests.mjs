// `npm test`: runs jest over all three layers and ends with one plain line, "tests: N passed, N failed",
// that CI reads; jest's own summary is not a format CI knows.
//   --with-queue   then the n8n layer again against n8n in queue mode (PostgreSQL, Redis, workers, a
//                  webhook processor), counted in the same line
//   --queue-only   only the queue-mode run (`npm run test:queue`)
// Other arguments go to jest (the first run only).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const artifacts = join(root, 'test-artifacts');
mkdirSync(artifacts, { recursive: true });

const ownFlags = new Set(['--with-queue', '--queue-only']);
const args = process.argv.slice(2);
const jestArgs = args.filter((arg) => !ownFlags.has(arg));
const runs = [];
if (!args.includes('--queue-only')) runs.push({ name: 'jest', args: jestArgs, env: {} });
if (args.includes('--with-queue') || args.includes('--queue-only')) {
	runs.push({ name: 'jest-queue', args: ['--selectProjects', 'n8n'], env: { ZOOM_QUEUE: '1' } });
}

let passed = 0;
let failed = 0;
let skipped = 0;
let allExitedCleanly = true;
for (const run of runs) {
	const report = join(artifacts, `${run.name}-results.json`);
	rmSync(report, { force: true });
	if (run.env.ZOOM_QUEUE) console.log('\n[tests] the n8n layer again, against n8n in queue mode');
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
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(allExitedCleanly && failed === 0 && passed > 0 ? 0 : 1);
