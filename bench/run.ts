/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (each in its own process, so heap figures don't
 * mix) and prints their figures. Benchmarks compare against a baseline measured in the same run.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv.slice(2);
const files = readdirSync(__dirname)
	.filter((f) => f.endsWith('.bench.ts'))
	.filter((f) => only.length === 0 || only.some((name) => f.includes(name)))
	.sort();

let failed = 0;
for (const file of files) {
	console.log(`\n=== ${file}`);
	const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(__dirname, file)], {
		stdio: 'inherit',
		cwd: join(__dirname, '..'),
	});
	if (result.status !== 0) {
		failed++;
		console.log(`${file} exited with ${result.status}`);
	}
}
process.exit(failed ? 1 : 0);
