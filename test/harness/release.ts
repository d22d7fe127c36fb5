/**
 * The release rehearsal's steps, as far as they run without accounts: the tarball `npm publish` would
 * upload (`npm pack` in the package's folder), n8n's scanner on it (scanner.mjs), and the install n8n
 * 2.40's own installer does (CommunityPackagesService.downloadPackage), from that tarball instead of
 * the registry.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { N8N_NODE, PACKAGE_DIR, PACKAGE_NAME, REPO_DIR } from './paths';

/** `npm pack` in the package's folder: the file name of the tarball written to `destination`. */
export function packPackage(destination: string): string {
	const output = execFileSync('npm', ['pack', '--silent', '--pack-destination', destination], { cwd: PACKAGE_DIR, encoding: 'utf8' });
	const name = output.trim().split('\n').pop() ?? '';
	return join(destination, name);
}

/** What the tarball holds, as `tar -tzf` lists it. */
export function tarballEntries(tarball: string): string[] {
	return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
}

export interface ScanLeg {
	passed: boolean;
	message?: string;
	details?: string;
}
export interface ScanResult {
	sourceRoot: string | null;
	source: ScanLeg;
	packed: ScanLeg;
	passed: boolean;
}

/** n8n's scanner on the tarball and on the source it would find in this repository (offline). */
export function scanTarball(tarball: string): ScanResult {
	// Without jest's NODE_ENV=test: eslint-plugin-n8n-nodes-base reads it and then judges file names by
	// its own test fixtures' rules (every *.node.ts is told to be renamed to itself).
	const env = { ...process.env };
	delete env.NODE_ENV;
	const output = execFileSync(process.execPath, [join(__dirname, 'scanner.mjs'), tarball], { cwd: REPO_DIR, encoding: 'utf8', env });
	return JSON.parse(output.trim().split('\n').pop() ?? '{}') as ScanResult;
}

/**
 * n8n 2.40.7's downloadPackage, step by step, with the packed tarball in place of `npm pack <name>@<version>`
 * from the registry: extracted into ~/.n8n/nodes/node_modules/<name> (--strip-components=1), its dev,
 * peer and optional dependencies dropped from package.json, `npm install` with n8n's flags there, and
 * the package recorded in ~/.n8n/nodes/package.json, as n8n's updatePackageJsonDependency does.
 * npm runs under the Node n8n runs on, as n8n's own child process would.
 */
export function installAsN8nDoes(tarball: string, userFolder: string): { packageDirectory: string; npmOutput: string } {
	const nodesFolder = join(userFolder, '.n8n', 'nodes');
	const packageDirectory = join(nodesFolder, 'node_modules', PACKAGE_NAME);
	mkdirSync(packageDirectory, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', packageDirectory, '--strip-components=1']);

	const packageJsonPath = join(packageDirectory, 'package.json');
	const packageJson = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
	for (const dropped of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete packageJson[dropped];
	writeFileSync(packageJsonPath, JSON.stringify(packageJson, null, 2), 'utf8');

	const npm = spawnSync(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
		{ cwd: packageDirectory, encoding: 'utf8', env: { ...process.env, PATH: `${join(N8N_NODE, '..')}:${process.env.PATH ?? ''}` } },
	);
	if (npm.status !== 0) throw new Error(`npm install in ${packageDirectory} failed (${npm.status}): ${npm.stderr}`);

	const ledger = { name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: packageJson.version as string } };
	writeFileSync(join(nodesFolder, 'package.json'), JSON.stringify(ledger, null, 2), 'utf8');
	return { packageDirectory, npmOutput: `${npm.stdout}${npm.stderr}` };
}

/**
 * A copy of the package's folder (sources, no dist) at `destination`, its node_modules the repository's,
 * so that a release rehearsal builds its own dist and never rewrites the one a running n8n loads.
 */
export function copyPackageFolder(destination: string): string {
	cpSync(PACKAGE_DIR, destination, { recursive: true, filter: (source) => !/[\\/](dist|node_modules)$/.test(source) });
	symlinkSync(join(REPO_DIR, 'node_modules'), join(destination, 'node_modules'), 'dir');
	return destination;
}
