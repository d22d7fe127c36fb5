// Runs n8n's verification scanner (@n8n/scan-community-package) offline: its command line needs the
// registry and provenance, so we call its analyzer on the sources and on the packed tarball, as it does.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

// The published package's folder (see test/harness/paths.ts).
const root = resolve(import.meta.dirname, '..', '..', 'packages', 'n8n-nodes-zoom-connector');
const work = mkdtempSync(join(tmpdir(), 'zoom-scan-'));
try {
	const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' })
		.trim()
		.split('\n')
		.pop();
	const unpacked = join(work, 'package');
	execFileSync('tar', ['-xzf', join(work, tarball), '-C', work]);

	const source = await analyzePackage(root, SOURCE_FILE_PATTERNS);
	const packed = await analyzePackage(unpacked, ['**/*.js', 'package.json']);
	for (const [leg, result] of [['source', source], ['package', packed]]) {
		console.log(`scan ${leg}: ${result.passed ? 'passed' : `FAILED: ${result.message}`}`);
		if (result.details) console.log(result.details);
	}
	process.exitCode = source.passed && packed.passed ? 0 : 1;
} finally {
	rmSync(work, { recursive: true, force: true });
}
