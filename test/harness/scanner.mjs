// n8n's verification scanner (@n8n/scan-community-package) run offline, as its command line runs it after
// the provenance check and the downloads it cannot do here: its lint of the source (the folder its
// findPackageRoot picks in the repository's checkout) and of the packed tarball's compiled files.
// `node test/harness/scanner.mjs <tarball>` prints the result as JSON (what the release rehearsal reads).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { analyzePackage, findPackageRoot, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

export const REPO_DIR = resolve(import.meta.dirname, '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-zoom-connector';

/** Both legs of the scan; `sourceRoot` is where the scanner finds the package in the repository. */
export async function scanTarball(tarball) {
	const work = mkdtempSync(join(tmpdir(), 'zoom-scan-'));
	try {
		execFileSync('tar', ['-xzf', tarball, '-C', work]);
		const sourceRoot = findPackageRoot(REPO_DIR, PACKAGE_NAME);
		const source = sourceRoot ? await analyzePackage(sourceRoot, SOURCE_FILE_PATTERNS) : { passed: false, message: `no package.json named ${PACKAGE_NAME} in the repository` };
		const packed = await analyzePackage(join(work, 'package'), ['**/*.js', 'package.json']);
		return { sourceRoot, source, packed, passed: source.passed && packed.passed };
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

if (process.argv[1] === import.meta.filename) {
	const result = await scanTarball(resolve(process.argv[2]));
	console.log(JSON.stringify(result));
}
