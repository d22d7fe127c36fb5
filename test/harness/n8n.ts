/**
 * Drives a real n8n (2.40.7, or the version N8N_VERSION names): installs it once into a cache outside the repo, loads this package the way
 * users get it (an installed community package under ~/.n8n/nodes), starts it on free ports and
 * talks to its REST and public APIs.
 */
import axios, { type AxiosInstance } from 'axios';
import { CREDENTIAL_BLANKING_VALUE } from 'n8n-workflow';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import {
	ARTIFACTS_DIR,
	DEVELOPMENT_N8N_VERSION,
	N8N_BIN,
	N8N_DIR,
	N8N_MAJOR,
	N8N_NODE,
	N8N_NODE_VERSION,
	N8N_VERSION,
	PACKAGE_DIR,
	PACKAGE_NAME,
} from './paths';

export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Ada',
	lastName: 'Owner',
	password: 'Sandbox-Passw0rd!',
};

/**
 * Runs the install script every time: on a cache marked complete it only re-checks that the sqlite3
 * binding loads (under a second) and repairs the cache when it does not.
 */
export function ensureN8nInstalled(): { seconds: number; cached: boolean } {
	const cached = existsSync(join(N8N_DIR, '.complete'));
	const started = Date.now();
	const result = spawnSync('bash', [join(__dirname, 'install-n8n.sh')], {
		stdio: 'inherit',
		env: { ...process.env, N8N_VERSION, NODE_VERSION: N8N_NODE_VERSION },
	});
	if (result.status !== 0) throw new Error(`installing n8n failed (exit ${result.status}); its output is above`);
	return { seconds: (Date.now() - started) / 1000, cached };
}

export async function freePort(): Promise<number> {
	return await new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export interface N8nOptions {
	/** Extra environment for the n8n process. */
	env?: Record<string, string>;
	/** Reuse this user folder (to restart n8n on the same database). */
	userFolder?: string;
	port?: number;
	logName?: string;
}

export interface N8nState {
	url: string;
	port: number;
	userFolder: string;
	pid: number;
	cookie: string;
	apiKey: string;
	logFile: string;
	/** Other n8n processes of this instance in queue mode: workers and webhook processors. */
	helpers?: N8nHelperProcess[];
}

export interface N8nHelperProcess {
	role: 'worker' | 'webhook';
	pid: number;
	/** Where it listens: the webhook processor's base URL, or a worker's health-check URL. */
	url: string;
	logFile: string;
}

let reaperGroupsFile: string | undefined;

/**
 * Hands a server's process group to the reaper (reaper.mjs), started with the first one: it stops the
 * group once this process is gone, even when this process never got to stop it (SIGKILL, or Ctrl-C
 * ending npm and tsx before `npm start` had stopped n8n).
 */
function guardGroup(pid: number): void {
	if (!reaperGroupsFile) {
		reaperGroupsFile = join(tmpdir(), `zoom-connector-groups-${process.pid}`);
		writeFileSync(reaperGroupsFile, '');
		const reaper = spawn(process.execPath, [join(__dirname, 'reaper.mjs'), String(process.pid), reaperGroupsFile], {
			detached: true,
			stdio: 'ignore',
		});
		reaper.unref();
	}
	appendFileSync(reaperGroupsFile, `${pid}\n`);
}

/** A group stopped by us leaves the reaper's list, so a later process reusing its id is never signalled. */
function unguardGroup(pid: number): void {
	if (!reaperGroupsFile || !existsSync(reaperGroupsFile)) return;
	const left = readFileSync(reaperGroupsFile, 'utf8').split('\n').filter((line) => line && Number(line) !== pid);
	writeFileSync(reaperGroupsFile, left.map((line) => `${line}\n`).join(''));
}

/**
 * Spawns a server process in its own process group, its output in test-artifacts/<logName>.log, and
 * makes sure it never outlives us, even when we are interrupted before it is stopped.
 */
export function spawnLogged(command: string, args: string[], env: NodeJS.ProcessEnv, logName: string): { child: ChildProcess; logFile: string } {
	mkdirSync(ARTIFACTS_DIR, { recursive: true });
	const logFile = join(ARTIFACTS_DIR, `${logName}.log`);
	const log = createWriteStream(logFile);
	const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	if (child.pid) guardGroup(child.pid);
	process.once('exit', () => {
		try {
			if (child.pid) process.kill(-child.pid, 'SIGKILL');
		} catch {
			// already gone
		}
	});
	child.stdout?.pipe(log);
	child.stderr?.pipe(log);
	return { child, logFile };
}

/** One n8n process (`n8n start`, `n8n worker`, `n8n webhook`); its group includes its task runner. */
export function spawnN8n(
	args: string[],
	env: NodeJS.ProcessEnv,
	logName: string,
	options: { n8nBin?: string } = {},
): { child: ChildProcess; logFile: string } {
	return spawnLogged(N8N_NODE, [options.n8nBin ?? N8N_BIN, ...args], env, logName);
}

/** SIGTERM to a process group, SIGKILL if it is still there after 20 s. */
export async function stopProcessGroup(pid: number, graceMs = 20_000): Promise<void> {
	if (!pid) return;
	try {
		process.kill(-pid, 'SIGTERM');
	} catch {
		unguardGroup(pid);
		return;
	}
	const deadline = Date.now() + graceMs;
	while (Date.now() < deadline && isAlive(pid)) await delay(200);
	if (isAlive(pid)) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
	unguardGroup(pid);
}

/**
 * Loads the package as an installed community package under <userFolder>/.n8n/nodes/node_modules. On
 * the development version a symlink to the repo does (its n8n-workflow devDependency is n8n's own
 * version). On any other n8n the package is copied there as n8n unpacks it (package.json and dist,
 * peer dependencies left to n8n), and n8n-workflow resolves to that n8n's own copy: what a user's
 * install runs with, not the repo's 2.40 copy.
 */
export function linkPackage(userFolder: string): void {
	const modules = join(userFolder, '.n8n', 'nodes', 'node_modules');
	mkdirSync(modules, { recursive: true });
	const target = join(modules, PACKAGE_NAME);
	if (existsSync(target)) return;
	if (N8N_VERSION === DEVELOPMENT_N8N_VERSION) {
		symlinkSync(PACKAGE_DIR, target, 'dir');
		return;
	}
	mkdirSync(target);
	for (const entry of ['package.json', 'dist']) {
		if (existsSync(join(PACKAGE_DIR, entry))) cpSync(join(PACKAGE_DIR, entry), join(target, entry), { recursive: true });
	}
	const n8nsOwn = dirname(require.resolve('n8n-workflow/package.json', { paths: [join(N8N_BIN, '..', '..')] }));
	symlinkSync(n8nsOwn, join(modules, 'n8n-workflow'), 'dir');
}

/**
 * The base URL of webhooks under n8n's current name: N8N_WEBHOOK_URL since 2.x (which warns that
 * WEBHOOK_URL is deprecated); 1.x reads only WEBHOOK_URL.
 */
export function webhookUrlSetting(url: string): Record<string, string> {
	return N8N_MAJOR >= 2 ? { N8N_WEBHOOK_URL: url } : { WEBHOOK_URL: url };
}

export function n8nEnvironment(userFolder: string, port: number, brokerPort: number): NodeJS.ProcessEnv {
	const { PATH, HOME, LANG, TZ } = process.env;
	return {
		PATH: `${join(N8N_NODE, '..')}:${PATH ?? ''}`,
		HOME,
		LANG,
		TZ,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		...webhookUrlSetting(`http://127.0.0.1:${port}/`),
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		// 2.x looks n8n's MCP registry up on the internet unless told not to; 1.x has no such module and
		// refuses to start when asked to disable it ("Unknown module").
		...(N8N_MAJOR >= 2 ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {}),
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		// n8n 3 stops loading unverified community packages unless this is set (2.40 warns when it is unset).
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		// Set explicitly, as n8n 2.40 asks before it lowers the defaults: the task timeout at today's 300 s
		// (the examples' Code nodes run under it), the Compression node's limits at n8n 3's coming values
		// (nothing of ours decompresses).
		N8N_RUNNERS_TASK_TIMEOUT: '300',
		N8N_COMPRESSION_NODE_MAX_DECOMPRESSED_SIZE_BYTES: String(256 * 1024 * 1024),
		N8N_COMPRESSION_NODE_MAX_ZIP_ENTRIES: '1000',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'info',
		N8N_ENCRYPTION_KEY: 'zoom-connector-harness-key',
		N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		DB_SQLITE_POOL_SIZE: '2',
		NODE_OPTIONS: '--max-old-space-size=2048',
	};
}

export class N8n {
	readonly rest: AxiosInstance;
	readonly api: AxiosInstance;
	constructor(public state: N8nState) {
		this.rest = axios.create({
			baseURL: `${state.url}/rest`,
			headers: { cookie: state.cookie, 'browser-id': 'zoom-connector-harness' },
			validateStatus: () => true,
		});
		this.api = axios.create({
			baseURL: `${state.url}/api/v1`,
			headers: { 'X-N8N-API-KEY': state.apiKey },
			validateStatus: () => true,
		});
	}

	/** Starts n8n and waits until it is ready; creates the owner and an API key on a fresh database. */
	static async start(options: N8nOptions = {}): Promise<{ n8n: N8n; startSeconds: number }> {
		ensureN8nInstalled();
		const userFolder = options.userFolder ?? mkdtempSync(join(tmpdir(), 'n8n-zoom-'));
		linkPackage(userFolder);
		const port = options.port ?? (await freePort());
		const brokerPort = await freePort();
		const started = Date.now();
		const { child, logFile } = spawnN8n(['start'], { ...n8nEnvironment(userFolder, port, brokerPort), ...options.env }, `${options.logName ?? 'n8n'}-${port}`);
		const url = `http://127.0.0.1:${port}`;
		await waitForReady(`${url}/healthz/readiness`, child, logFile);
		const startSeconds = (Date.now() - started) / 1000;

		const { cookie, apiKey } = await setupOwner(url);
		const n8n = new N8n({ url, port, userFolder, pid: child.pid ?? 0, cookie, apiKey, logFile });
		return { n8n, startSeconds };
	}

	async stop(options: { removeUserFolder?: boolean } = {}): Promise<void> {
		// Helpers (queue-mode workers, webhook processors) first, so none picks up work main leaves.
		for (const helper of this.state.helpers ?? []) await stopProcessGroup(helper.pid);
		await stopProcessGroup(this.state.pid);
		if (options.removeUserFolder) rmSync(this.state.userFolder, { recursive: true, force: true });
	}

	/** REST call as the owner (what the editor does); throws with n8n's message on failure. */
	async restCall<T = any>(method: string, path: string, data?: unknown): Promise<T> {
		const response = await this.rest.request({ method, url: path, data });
		if (response.status >= 400) {
			throw new Error(`n8n ${method} /rest${path} → ${response.status}: ${JSON.stringify(response.data)}`);
		}
		return (response.data?.data ?? response.data) as T;
	}

	async apiCall<T = any>(method: string, path: string, data?: unknown): Promise<T> {
		const response = await this.api.request({ method, url: path, data });
		if (response.status >= 400) {
			throw new Error(`n8n ${method} /api/v1${path} → ${response.status}: ${JSON.stringify(response.data)}`);
		}
		return response.data as T;
	}

	async createCredential(name: string, type: string, data: Record<string, unknown>): Promise<string> {
		const created = await this.restCall<{ id: string }>('POST', '/credentials', { name, type, data });
		return created.id;
	}

	async getCredential(id: string): Promise<any> {
		return await this.restCall('GET', `/credentials/${id}?includeData=true`);
	}

	/** n8n's own credential test (the "Test" button), against the stored credential. */
	async testCredential(id: string): Promise<{ status: string; message: string }> {
		const credential = await this.getCredential(id);
		// n8n hands out a connected OAuth2 credential's tokens as `true`. Sent back as n8n's blanking
		// value they are replaced with the stored tokens; n8n 2.41 takes a `true` literally and the test
		// fails with "Unable to sign without access token" (2.40 restored the tokens either way).
		const data = credential.data?.oauthTokenData === true ? { ...credential.data, oauthTokenData: CREDENTIAL_BLANKING_VALUE } : credential.data;
		return await this.restCall('POST', '/credentials/test', {
			credentials: { id, name: credential.name, type: credential.type, data },
		});
	}

	/** The node types n8n loaded, as the editor sees them. */
	async nodeTypes(): Promise<Array<{ name: string; displayName: string }>> {
		const response = await axios.get(`${this.state.url}/types/nodes.json`, { headers: { cookie: this.state.cookie }, validateStatus: () => true });
		if (response.status !== 200) throw new Error(`types/nodes.json → ${response.status}`);
		return response.data;
	}

	async credentialTypes(): Promise<Array<{ name: string; displayName: string }>> {
		const response = await axios.get(`${this.state.url}/types/credentials.json`, { headers: { cookie: this.state.cookie }, validateStatus: () => true });
		if (response.status !== 200) throw new Error(`types/credentials.json → ${response.status}`);
		return response.data;
	}

	async createWorkflow(workflow: Record<string, unknown>): Promise<string> {
		const created = await this.apiCall<{ id: string }>('POST', '/workflows', {
			settings: { executionOrder: 'v1', saveManualExecutions: true },
			...workflow,
		});
		return created.id;
	}

	async activate(workflowId: string): Promise<void> {
		await this.apiCall('POST', `/workflows/${workflowId}/activate`, {});
	}

	async deactivate(workflowId: string): Promise<void> {
		await this.apiCall('POST', `/workflows/${workflowId}/deactivate`, {});
	}

	async deleteWorkflow(workflowId: string): Promise<void> {
		await this.apiCall('DELETE', `/workflows/${workflowId}`);
	}

	/** Executions of a workflow, newest first, with their data. */
	async executions(workflowId: string, limit = 20): Promise<any[]> {
		const result = await this.apiCall<{ data: any[] }>(
			'GET',
			`/executions?workflowId=${workflowId}&includeData=true&limit=${limit}`,
		);
		return result.data;
	}

	/** Every execution of a workflow (n8n's public API pages with a cursor), newest first. */
	async allExecutions(workflowId: string, options: { includeData?: boolean } = {}): Promise<any[]> {
		const all: any[] = [];
		let cursor: string | undefined;
		do {
			const page = await this.apiCall<{ data: any[]; nextCursor?: string | null }>(
				'GET',
				`/executions?workflowId=${workflowId}&includeData=${options.includeData === true}&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
			);
			all.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return all;
	}

	/** Waits until the workflow has at least `count` finished executions. */
	async waitForExecutions(workflowId: string, count: number, timeoutMs = 20_000): Promise<any[]> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const executions = (await this.executions(workflowId, Math.max(20, count))).filter(
				(e) => e.finished || e.stoppedAt,
			);
			if (executions.length >= count) return executions;
			if (Date.now() > deadline) {
				throw new Error(`expected ${count} executions of ${workflowId}, saw ${executions.length}`);
			}
			await delay(150);
		}
	}
}

/** Waits until `healthUrl` answers 200, failing early when the process exits. */
export async function waitForReady(healthUrl: string, child: ChildProcess, logFile: string, timeoutMs = 180_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let exited: number | null = null;
	child.once('exit', (code) => (exited = code ?? -1));
	while (Date.now() < deadline) {
		if (exited !== null) throw new Error(`n8n exited with ${exited} before it was ready; see ${logFile}`);
		try {
			const response = await axios.get(healthUrl, { validateStatus: () => true, timeout: 2000 });
			if (response.status === 200) return;
		} catch {
			// not listening yet
		}
		await delay(250);
	}
	throw new Error(`n8n was not ready within ${timeoutMs / 1000} s; see ${logFile}`);
}

async function setupOwner(url: string): Promise<{ cookie: string; apiKey: string }> {
	const rest = axios.create({ baseURL: `${url}/rest`, validateStatus: () => true });
	// n8n 1.x reports ready once its database is migrated and adds its REST routes a few seconds later;
	// until then every REST call is a 404.
	let response = await rest.post('/owner/setup', OWNER);
	for (const deadline = Date.now() + 60_000; response.status === 404 && Date.now() < deadline; ) {
		await delay(250);
		response = await rest.post('/owner/setup', OWNER);
	}
	if (response.status >= 400) {
		response = await rest.post('/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
	}
	if (response.status >= 400) throw new Error(`owner setup/login failed: ${JSON.stringify(response.data)}`);
	const cookie = (response.headers['set-cookie'] ?? [])
		.map((c: string) => c.split(';')[0])
		.find((c: string) => c.startsWith('n8n-auth='));
	if (!cookie) throw new Error('n8n set no n8n-auth cookie');
	const authed = axios.create({
		baseURL: `${url}/rest`,
		headers: { cookie, 'browser-id': 'zoom-connector-harness' },
		validateStatus: () => true,
	});
	const scopes = (await authed.get('/api-keys/scopes')).data?.data ?? [];
	const key = await authed.post('/api-keys', {
		label: `harness-${Date.now()}`,
		expiresAt: null,
		scopes,
	});
	const apiKey = key.data?.data?.rawApiKey;
	if (!apiKey) throw new Error(`creating an API key failed: ${JSON.stringify(key.data)}`);
	return { cookie, apiKey };
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

export function delay(ms: number): Promise<void> {
	return new Promise((resolveDelay) => setTimeout(resolveDelay, ms));
}
