// `npm run scan`: packs the package as npm publishes it and runs n8n's verification scanner on it offline
// (scanner.mjs): every check but provenance, which needs the registry and a real publish.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PACKAGE_NAME, REPO_DIR, scanTarball } from './scanner.mjs';

const work = mkdtempSync(join(tmpdir(), 'zoom-scan-'));
try {
	const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: join(REPO_DIR, 'packages', PACKAGE_NAME), encoding: 'utf8' })
		.trim()
		.split('\n')
		.pop();
	const result = await scanTarball(join(work, tarball));
	for (const [leg, scan] of [['source', result.source], ['package', result.packed]]) {
		console.log(`scan ${leg}: ${scan.passed ? 'passed' : `FAILED: ${scan.message}`}`);
		if (scan.details) console.log(scan.details);
	}
	process.exitCode = result.passed ? 0 : 1;
} finally {
	rmSync(work, { recursive: true, force: true });
}
