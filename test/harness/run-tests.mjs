// `npm test`: runs jest over all three layers and ends with one plain line, "tests: N passed, N failed",
// that CI reads; jest's own summary is not a format CI knows. Extra arguments go to jest.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const artifacts = join(root, 'test-artifacts');
mkdirSync(artifacts, { recursive: true });
const report = join(artifacts, 'jest-results.json');
rmSync(report, { force: true });

const jest = spawnSync(
	process.execPath,
	[join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--runInBand', '--json', `--outputFile=${report}`, ...process.argv.slice(2)],
	{ cwd: root, stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
	const results = JSON.parse(readFileSync(report, 'utf8'));
	passed = results.numPassedTests;
	failed = results.numFailedTests + (results.numRuntimeErrorTestSuites ?? 0);
	skipped = results.numPendingTests + (results.numTodoTests ?? 0);
} else {
	failed = 1;
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(jest.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
