/**
 * The release rehearsal: what `n8n-node release` would publish, checked the way n8n and its users meet it.
 * 1. `npm pack` in the package's folder: the tarball `npm publish` uploads.
 * 2. n8n's newest scanner (@n8n/scan-community-package) on it offline: its lint of the source it would
 *    find in this repository and of the tarball's compiled files. Its first check, npm provenance, is the
 *    one thing left out: only a real publish from GitHub Actions (publish.yml) produces a provenance
 *    statement, and reading it needs the registry (docs/VERIFICATION.md has the step that runs it).
 * 3. The tarball installed into a real n8n as n8n 2.40's installer does it (harness/release.ts), then that
 *    n8n started on the folder: the four nodes and three credentials load, and one action runs against the
 *    sandbox.
 */
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { harness } from '../harness/context';
import { N8n } from '../harness/n8n';
import { PACKAGE_DIR, PACKAGE_NAME } from '../harness/paths';
import { installAsN8nDoes, packPackage, scanTarball, tarballEntries } from '../harness/release';
import { sandboxCredentialData } from '../harness/setup';
import { NodeWorkflow, zoomConnectorNode } from '../harness/workflows';

const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8'));
const NODES = ['zoomConnector', 'zoomConnectorTrigger', 'zoomAttendanceMatch', 'zoomDailySyncTrigger'];
const CREDENTIALS = ['zoomConnectorOAuth2Api', 'zoomConnectorServerToServerOAuthApi', 'zoomConnectorWebhookApi'];

// The rehearsal is about the package, not the execution mode: the queue-mode pass of npm test leaves it out.
(process.env.ZOOM_QUEUE ? describe.skip : describe)('release rehearsal', () => {
	let work: string;
	let tarball: string;
	let userFolder: string;
	let n8n: N8n | undefined;

	beforeAll(() => {
		work = mkdtempSync(join(tmpdir(), 'zoom-release-'));
		userFolder = mkdtempSync(join(tmpdir(), 'n8n-zoom-release-'));
		tarball = packPackage(work);
	});
	afterAll(async () => {
		await n8n?.stop({ removeUserFolder: true });
		rmSync(work, { recursive: true, force: true });
	});

	it('npm pack ships the compiled package only: package.json, README, LICENSE, CHANGELOG, dist', () => {
		expect(tarball).toMatch(new RegExp(`${PACKAGE_NAME}-${manifest.version}\\.tgz$`));
		const entries = tarballEntries(tarball).map((entry) => entry.replace(/^package\//, ''));
		const topLevel = new Set(entries.map((entry) => entry.split('/')[0]));
		expect([...topLevel].sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'dist', 'package.json'].sort());
		for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) expect(entries).toContain(file);
		// n8n's build copies every png and svg below the folder: no screenshot or test fixture may be there.
		expect(entries.filter((entry) => /\.(png|svg)$/.test(entry)).every((entry) => /^dist\/(nodes|credentials|icons)\//.test(entry))).toBe(true);
		expect(entries.filter((entry) => entry.endsWith('.ts') && !entry.endsWith('.d.ts'))).toEqual([]);
	});

	it('n8n’s scanner passes the tarball and the source it would find in this repository (all but provenance)', () => {
		const result = scanTarball(tarball);
		expect(result.sourceRoot).toBe(PACKAGE_DIR);
		expect({ source: result.source }).toEqual({ source: expect.objectContaining({ passed: true }) });
		expect({ packed: result.packed }).toEqual({ packed: expect.objectContaining({ passed: true }) });
	}, 180_000);

	it('installs as n8n 2.40’s installer does: extracted into its folder, dev, peer and optional dependencies dropped, npm install there', () => {
		const { packageDirectory } = installAsN8nDoes(tarball, userFolder);
		expect(lstatSync(packageDirectory).isSymbolicLink()).toBe(false);
		const installed = JSON.parse(readFileSync(join(packageDirectory, 'package.json'), 'utf8'));
		expect(installed).toMatchObject({ name: PACKAGE_NAME, version: manifest.version, n8n: manifest.n8n });
		for (const dropped of ['devDependencies', 'peerDependencies', 'optionalDependencies', 'dependencies']) expect(installed[dropped]).toBeUndefined();
		// No runtime dependencies: npm installs nothing, so the install works offline as it does online.
		const modules = join(packageDirectory, 'node_modules');
		expect(existsSync(modules) ? readdirSync(modules).filter((entry) => !entry.startsWith('.')) : []).toEqual([]);
		expect(JSON.parse(readFileSync(join(userFolder, '.n8n', 'nodes', 'package.json'), 'utf8')).dependencies).toEqual({ [PACKAGE_NAME]: manifest.version });
	}, 120_000);

	it('n8n started on that folder loads the four nodes and three credentials, and Zoom Connector runs User > Get against the sandbox', async () => {
		({ n8n } = await N8n.start({ userFolder, logName: 'n8n-release' }));
		const nodeTypes = (await n8n.nodeTypes()).map((type) => type.name);
		for (const node of NODES) expect(nodeTypes).toContain(`${PACKAGE_NAME}.${node}`);
		const credentialTypes = (await n8n.credentialTypes()).map((type) => type.name);
		expect(credentialTypes).toEqual(expect.arrayContaining(CREDENTIALS));
		// The nodes came from the installed copy: nothing in the user folder points back at the repository.
		expect(lstatSync(join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME)).isSymbolicLink()).toBe(false);

		const name = 'Zoom sandbox (Server-to-Server)';
		const id = await n8n.createCredential(name, 'zoomConnectorServerToServerOAuthApi', sandboxCredentialData(harness().sandboxUrl).s2s);
		const workflow = new NodeWorkflow(n8n, [zoomConnectorNode('s2s', { resource: 'user', operation: 'get', userId: 'me' }, { credential: { id, name } })]);
		try {
			const run = await workflow.run();
			expect(run.nodes.Zoom?.error).toBeUndefined();
			expect(run.json('Zoom')).toEqual([expect.objectContaining({ email: expect.stringContaining('@') })]);
		} finally {
			await workflow.remove();
		}
	}, 300_000);
});
