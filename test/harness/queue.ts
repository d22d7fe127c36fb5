/**
 * n8n in queue mode, as large teams run it: PostgreSQL as the database and Redis as the queue (both
 * Debian's, started here on loopback in throw-away folders), one main process, two workers and one
 * webhook processor, all loading this package.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { delay, freePort, n8nEnvironment, spawnLogged, spawnN8n, stopProcessGroup, waitForReady, webhookUrlSetting, type N8n, type N8nHelperProcess } from './n8n';

export interface QueueServicesState {
	postgres: { pid: number; port: number; dataDir: string };
	redis: { pid: number; port: number };
}

export function ensureQueueServicesInstalled(): void {
	const result = spawnSync('bash', [join(__dirname, 'install-queue-services.sh')], { stdio: 'inherit' });
	if (result.status !== 0) throw new Error(`installing redis-server and PostgreSQL failed (exit ${result.status})`);
}

function postgresBin(name: string): string {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
	for (const version of versions) {
		const bin = join(root, version, 'bin', name);
		if (existsSync(bin)) return bin;
	}
	throw new Error(`PostgreSQL's ${name} is not installed (run test/harness/install-queue-services.sh)`);
}

/** PostgreSQL refuses to run as root: as root, the server runs as Debian's postgres user. */
function asPostgresUser(command: string, args: string[]): [string, string[]] {
	return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`${what} was not ready within ${timeoutMs / 1000} s`);
		await delay(200);
	}
}

export async function startQueueServices(): Promise<QueueServicesState> {
	ensureQueueServicesInstalled();

	const dataDir = mkdtempSync(join(tmpdir(), 'zoom-pg-'));
	if (process.getuid?.() === 0) {
		const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
		const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
		chownSync(dataDir, Number(id.stdout.trim()), Number(gid.stdout.trim()));
	}
	const [initCommand, initArgs] = asPostgresUser(postgresBin('initdb'), ['-D', dataDir, '-U', 'n8n', '--auth=trust', '-E', 'UTF8', '--no-sync']);
	const init = spawnSync(initCommand, initArgs, { encoding: 'utf8' });
	if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);

	const pgPort = await freePort();
	// A test database: durability settings off, since the folder is thrown away.
	const [pgCommand, pgArgs] = asPostgresUser(postgresBin('postgres'), [
		'-D', dataDir, '-p', String(pgPort), '-k', dataDir, '-c', 'listen_addresses=127.0.0.1',
		'-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
	]);
	const { child: postgres } = spawnLogged(pgCommand, pgArgs, process.env, `postgres-${pgPort}`);
	const pgReady = () => spawnSync(postgresBin('pg_isready'), ['-h', '127.0.0.1', '-p', String(pgPort)]).status === 0;
	await waitFor(pgReady, 'PostgreSQL');
	const created = spawnSync(postgresBin('createdb'), ['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'n8n', 'n8n'], { encoding: 'utf8' });
	if (created.status !== 0) throw new Error(`createdb failed: ${created.stderr}`);

	const redisPort = await freePort();
	const { child: redis } = spawnLogged('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], process.env, `redis-${redisPort}`);
	const redisReady = () => spawnSync('redis-cli', ['-p', String(redisPort), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG';
	await waitFor(redisReady, 'Redis');

	return {
		postgres: { pid: postgres.pid ?? 0, port: pgPort, dataDir },
		redis: { pid: redis.pid ?? 0, port: redisPort },
	};
}

export async function stopQueueServices(state: QueueServicesState): Promise<void> {
	await stopProcessGroup(state.redis.pid, 5_000);
	await stopProcessGroup(state.postgres.pid, 10_000);
	rmSync(state.postgres.dataDir, { recursive: true, force: true });
}

/** What every n8n process of the instance shares: queue mode, the database and the queue. */
export function queueEnvironment(services: QueueServicesState): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(services.redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(services.postgres.port),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'n8n',
		DB_POSTGRESDB_PASSWORD: '',
		// n8n's default pool of 2 queues its own health check behind a burst of webhook requests and
		// then answers 503 "Database is not ready" to everything.
		DB_POSTGRESDB_POOL_SIZE: '10',
		// Manual runs (the editor's "Execute workflow") run on workers too, as in production setups.
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		// A worker that dies loses its job's lock; these make n8n notice in seconds, not a minute.
		QUEUE_WORKER_LOCK_DURATION: '30000',
		QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
		QUEUE_WORKER_STALLED_INTERVAL: '5000',
	};
}

/** Runs one SQL statement against n8n's PostgreSQL; rows as lines, columns separated by a space. */
export function runSql(services: QueueServicesState, sql: string): string {
	const result = spawnSync(
		postgresBin('psql'),
		['-h', '127.0.0.1', '-p', String(services.postgres.port), '-U', 'n8n', '-d', 'n8n', '-At', '-F', ' ', '-c', sql],
		{ encoding: 'utf8' },
	);
	if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
	return result.stdout;
}

/** A workflow's executions as PostgreSQL holds them: each id, and whether it has finished. */
export function executionsInDatabase(services: QueueServicesState, workflowId: string): Array<{ id: string; finished: boolean }> {
	if (!/^[A-Za-z0-9]+$/.test(workflowId)) throw new Error(`unexpected workflow id ${JSON.stringify(workflowId)}`);
	const sql = `SELECT id, "stoppedAt" IS NOT NULL FROM execution_entity WHERE "workflowId" = '${workflowId}' AND "deletedAt" IS NULL`;
	return runSql(services, sql)
		.split('\n')
		.filter(Boolean)
		.map((line) => {
			const [id, finished] = line.split(' ');
			return { id, finished: finished === 't' };
		});
}

/**
 * Waits until every execution of the workflow has finished and no new one appeared for `quietMs`,
 * then returns them all with their data.
 *
 * The database is asked, not n8n's public API: its execution list leaves out what main holds as
 * running, and main can hold a run as running for good although a worker finished it. Main waits for
 * each run it queued with Bull's job.finished(), which never resolves for a job that the worker
 * finished, and n8n's default retention deleted, before main began to wait. Runs the list leaves out
 * are read one by one.
 */
export async function settledExecutions(
	n8n: N8n,
	services: QueueServicesState,
	workflowId: string,
	options: { quietMs?: number; timeoutMs?: number } = {},
): Promise<any[]> {
	const deadline = Date.now() + (options.timeoutMs ?? 300_000);
	let last = -1;
	let stableSince = Date.now();
	let stored: Array<{ id: string; finished: boolean }>;
	for (;;) {
		stored = executionsInDatabase(services, workflowId);
		const unfinished = stored.filter((execution) => !execution.finished).length;
		if (stored.length !== last || unfinished > 0) {
			last = stored.length;
			stableSince = Date.now();
		} else if (Date.now() - stableSince >= (options.quietMs ?? 3000)) {
			break;
		}
		if (Date.now() > deadline) {
			throw new Error(`executions of workflow ${workflowId} did not settle: ${stored.length} in the database, ${unfinished} unfinished`);
		}
		await delay(500);
	}
	const listed = await n8n.allExecutions(workflowId, { includeData: true });
	const listedIds = new Set(listed.map((execution) => String(execution.id)));
	const unlisted = stored.filter((execution) => !listedIds.has(execution.id)).map((execution) => execution.id);
	if (unlisted.length) console.log(`[queue] n8n's public API leaves out ${unlisted.length} finished run(s) main still holds as running: ${unlisted.join(', ')}`);
	for (const id of unlisted) listed.push(await n8n.apiCall('GET', `/executions/${id}?includeData=true`));
	return listed;
}

/** Starts a worker or a webhook processor next to a running main process and waits for it. */
export async function startHelper(
	main: N8n,
	role: N8nHelperProcess['role'],
	env: Record<string, string>,
	options: { concurrency?: number } = {},
): Promise<N8nHelperProcess> {
	const port = await freePort();
	const brokerPort = await freePort();
	const base = { ...n8nEnvironment(main.state.userFolder, port, brokerPort), ...env };
	let args: string[];
	let healthUrl: string;
	let url: string;
	if (role === 'worker') {
		const healthPort = await freePort();
		base.QUEUE_HEALTH_CHECK_PORT = String(healthPort);
		// The worker's own port is unused; its health check has its own.
		args = ['worker', `--concurrency=${options.concurrency ?? 10}`];
		url = `http://127.0.0.1:${healthPort}`;
		healthUrl = `${url}/healthz/readiness`;
	} else {
		// Production webhook URLs shown in the editor stay main's; the processor listens on its own port.
		Object.assign(base, webhookUrlSetting(`http://127.0.0.1:${main.state.port}/`));
		args = ['webhook'];
		url = `http://127.0.0.1:${port}`;
		healthUrl = `${url}/healthz/readiness`;
	}
	const { child, logFile } = spawnN8n(args, base, `n8n-${role}-${port}`);
	await waitForReady(healthUrl, child, logFile);
	return { role, pid: child.pid ?? 0, url, logFile };
}

/**
 * One psql connection kept open, for statements that must share a transaction (a table lock held
 * while the test acts). Each `query` resolves with that statement's rows as lines.
 */
export class PsqlSession {
	private readonly child: ChildProcessWithoutNullStreams;
	private output = '';
	private waiting?: { marker: string; resolve: (rows: string) => void };

	constructor(services: QueueServicesState) {
		this.child = spawn(postgresBin('psql'), ['-h', '127.0.0.1', '-p', String(services.postgres.port), '-U', 'n8n', '-d', 'n8n', '-At', '-q', '-v', 'ON_ERROR_STOP=0']);
		this.child.stdout.setEncoding('utf8');
		this.child.stdout.on('data', (chunk: string) => {
			this.output += chunk;
			const waiting = this.waiting;
			if (!waiting) return;
			const at = this.output.indexOf(`${waiting.marker}\n`);
			if (at < 0) return;
			const rows = this.output.slice(0, at);
			this.output = this.output.slice(at + waiting.marker.length + 1);
			this.waiting = undefined;
			waiting.resolve(rows);
		});
	}

	async query(sql: string): Promise<string> {
		const marker = `__done_${Math.random().toString(36).slice(2)}`;
		const rows = new Promise<string>((resolve) => (this.waiting = { marker, resolve }));
		this.child.stdin.write(`${sql}\n\\echo ${marker}\n`);
		return await rows;
	}

	close(): void {
		this.child.stdin.end('\\q\n');
	}
}
