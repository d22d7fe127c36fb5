/**
 * The publish step of the release, rehearsed against a local npm registry (verdaccio) in a copy of the
 * package's folder:
 * - `npm run release` (n8n-node release) as GitHub Actions runs it (GITHUB_ACTIONS=true) runs the lint and
 *   the build, then `npm publish` with provenance heads for the registry, and npm refuses before uploading
 *   anything: a provenance statement needs the OIDC token GitHub mints for a job with `id-token: write`
 *   (publish.yml's publish job), which no machine outside GitHub Actions has. That is the one step only the
 *   real workflow can show.
 * - The same folder published without provenance reaches the registry, and what n8n's installer then
 *   fetches from it (`npm pack <name>@<version>`) is byte for byte the tarball the release rehearsal
 *   (release.test.ts) installed into n8n and ran.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axios from 'axios';

import { startLocalRegistry, type LocalRegistry } from '../harness/localRegistry';
import { PACKAGE_NAME } from '../harness/paths';
import { copyPackageFolder, packPackage } from '../harness/release';

const sha1 = (file: string) => createHash('sha1').update(readFileSync(file)).digest('hex');
// A fresh connection per call: verdaccio closes idle sockets that a pooled request may pick up.
const get = (url: string) => axios.get(url, { validateStatus: () => true, httpAgent: new Agent({ keepAlive: false }) });

(process.env.ZOOM_QUEUE ? describe.skip : describe)('publishing to a local registry', () => {
	let registry: LocalRegistry;
	let work: string;
	let folder: string;
	let version: string;
	let npmEnv: NodeJS.ProcessEnv;

	beforeAll(async () => {
		registry = await startLocalRegistry();
		work = mkdtempSync(join(tmpdir(), 'zoom-publish-'));
		folder = copyPackageFolder(join(work, PACKAGE_NAME));
		version = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).version;
		// Outside GitHub Actions, or in a job without id-token: write, GitHub's OIDC variables are absent.
		// Without jest's NODE_ENV=test, which turns eslint-plugin-n8n-nodes-base's rules to its own fixtures'.
		const { ACTIONS_ID_TOKEN_REQUEST_URL, ACTIONS_ID_TOKEN_REQUEST_TOKEN, NODE_ENV, ...env } = process.env;
		expect([ACTIONS_ID_TOKEN_REQUEST_URL, ACTIONS_ID_TOKEN_REQUEST_TOKEN, NODE_ENV]).toEqual([undefined, undefined, 'test']);
		npmEnv = { ...env, NPM_CONFIG_USERCONFIG: registry.npmrc, npm_config_registry: registry.url };
	}, 180_000);
	afterAll(async () => {
		await registry?.stop();
		rmSync(work, { recursive: true, force: true });
	});

	it('n8n-node release in GitHub Actions mode lints, builds and heads for the registry; npm refuses provenance without the OIDC token, uploading nothing', async () => {
		const release = spawnSync('npm', ['run', 'release'], { cwd: folder, encoding: 'utf8', env: { ...npmEnv, GITHUB_ACTIONS: 'true' }, timeout: 600_000 });
		const output = `${release.stdout}\n${release.stderr}`;
		expect(release.status).not.toBe(0);
		expect(output).toContain('n8n-node lint');
		expect(output).toContain('n8n-node build');
		expect(output).toContain(`Publishing to ${registry.url}`);
		expect(output).toMatch(/Provenance generation in GitHub Actions requires "write" access to the "id-token" permission/);
		const published = await get(`${registry.url}${PACKAGE_NAME}`);
		expect(published.status).toBe(404);
	}, 600_000);

	it('the folder n8n-node built, published without provenance, is what n8n’s installer fetches: the rehearsal’s tarball, byte for byte', async () => {
		const publish = spawnSync('npm', ['publish', '--provenance=false'], { cwd: folder, encoding: 'utf8', env: { ...npmEnv, RELEASE_MODE: 'true' } });
		expect({ status: publish.status, stderr: publish.stderr.slice(-1500) }).toMatchObject({ status: 0 });
		const metadata = (await get(`${registry.url}${PACKAGE_NAME}`)).data;
		expect(metadata['dist-tags'].latest).toBe(version);
		// No provenance on this copy: npm records an attestation only for a publish from GitHub Actions.
		expect(metadata.versions[version].dist.attestations).toBeUndefined();

		// n8n's downloadPackage: `npm pack <name>@<version> --quiet --registry=<its registry>` in its download folder.
		const download = join(work, 'download');
		mkdirSync(download);
		const fetched = execFileSync('npm', ['pack', `${PACKAGE_NAME}@${version}`, '--quiet', `--registry=${registry.url}`], { cwd: download, encoding: 'utf8', env: npmEnv }).trim();
		const local = packPackage(mkdtempSync(join(work, 'local-')));
		expect(sha1(join(download, fetched))).toBe(sha1(local));
		expect(metadata.versions[version].dist.shasum).toBe(sha1(local));
	}, 300_000);
});
