/**
 * Queue mode only (`npm run test:queue`: PostgreSQL, Redis, main + 2 workers + a webhook processor).
 * Deliveries of one event that land on different n8n processes at once are emitted once; a daily
 * sync poll overlapping a burst of meeting.ended deliveries syncs each session once; a worker killed
 * mid-run leaves a failed run, no repeated create and a session that a retry still syncs.
 */
import { createHash, randomUUID } from 'node:crypto';

import { harness } from '../harness/context';
import { readFileSync, writeFileSync } from 'node:fs';

import { delay, type N8nHelperProcess } from '../harness/n8n';
import { runSql, settledExecutions, startHelper } from '../harness/queue';
import { lockEntries, signatureAt } from 'n8n-nodes-zoom-connector/nodes/shared/ledgerLock';
import { postSigned } from '../harness/signedDelivery';
import { pool, waitUntilServed, webhookUrls } from '../harness/queueWebhooks';
import { activeSocketWorkflow, connectionsOf, newSubscription, push } from '../harness/socketDelivery';
import { DAILY_SYNC, dailySyncNode, locator, participantsSkippingProcessed, PKG, postToWebhook, readRun, ZOOM_CONNECTOR_VERSION, zoomTriggerNode } from '../harness/workflows';

const h = () => harness();
const describeQueue = process.env.ZOOM_QUEUE ? describe : describe.skip;
const TRIGGER = 'Zoom Trigger';
const SYNC = DAILY_SYNC;

function quantile(sorted: number[], q: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** The worker whose log says it started this execution. */
async function workerRunning(executionId: string): Promise<N8nHelperProcess> {
	const deadline = Date.now() + 30_000;
	for (;;) {
		const worker = (h().n8n.state.helpers ?? []).find(
			(helper) => helper.role === 'worker' && readFileSync(helper.logFile, 'utf8').includes(`started execution ${executionId} `),
		);
		if (worker) return worker;
		if (Date.now() > deadline) throw new Error(`no worker log mentions execution ${executionId}`);
		await delay(200);
	}
}

async function waitForStatus(executionId: string, done: (status: string) => boolean, timeoutMs = 120_000): Promise<any> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const execution = await h().n8n.apiCall('GET', `/executions/${executionId}?includeData=true`);
		if (done(execution.status)) return execution;
		if (Date.now() > deadline) throw new Error(`execution ${executionId} is still ${execution.status}`);
		await delay(500);
	}
}

/** All of a workflow's executions, with their data, once they have finished (see settledExecutions). */
async function settled(workflowId: string, options: { quietMs?: number; timeoutMs?: number } = {}): Promise<any[]> {
	return await settledExecutions(h().n8n, h().state.queue!.services, workflowId, options);
}

/** The first execution of a workflow that satisfies `match`, once it is there. */
async function waitForRun(workflowId: string, match: (execution: any) => boolean, timeoutMs = 120_000): Promise<any> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = (await h().n8n.allExecutions(workflowId, { includeData: true })).find(match);
		if (found) return found;
		if (Date.now() > deadline) throw new Error(`no matching execution of ${workflowId}`);
		await delay(1000);
	}
}

async function sandboxRequests(): Promise<Array<{ method: string; path: string; status: number }>> {
	return (await h().sandbox.get('/_sandbox/requests')).data;
}

/** Waits until the sandbox has answered `count` requests matching `match`. */
async function waitForRequests(match: (r: { method: string; path: string; status: number }) => boolean, count: number): Promise<void> {
	const deadline = Date.now() + 60_000;
	while ((await sandboxRequests()).filter(match).length < count) {
		if (Date.now() > deadline) throw new Error(`the sandbox did not see ${count} matching requests`);
		await delay(200);
	}
}

const triggerNode = (webhookId: string, events: string[]) => zoomTriggerNode(TRIGGER, webhookId, events, h().credentials.webhook, [0, 200]);

interface Seeded {
	users: Array<{ id: string }>;
	meetings: Array<{ id: number; topic: string; instances: Array<{ uuid: string; end_time: string }> }>;
}

/** A new host with `count` meetings that ended an hour ago, `participants` each. */
async function seedEndedMeetings(prefix: string, count: number, participants: number): Promise<Seeded & { host: string }> {
	const tag = randomUUID().slice(0, 8);
	const host = { email: `${prefix}-${tag}@example.com`, first_name: 'Queue', last_name: `${prefix} ${tag}` };
	const seeded = (
		await h().sandbox.post('/_sandbox/scenario', {
			users: [host],
			meetings: Array.from({ length: count }, (_, i) => ({ hostEmail: host.email, topic: `${prefix} ${i}`, ended: { endedMinutesAgo: 60, participants } })),
		})
	).data as Seeded;
	expect(seeded.meetings).toHaveLength(count);
	return { ...seeded, host: host.email };
}

/** Daily Sync Trigger and Zoom Connector Trigger (meeting.ended) both feeding one Get Participants with Skip Sessions Already Processed. */
async function createSyncAndWebhookWorkflow(name: string, host: string, webhookId: string): Promise<string> {
	return await h().n8n.createWorkflow({
		name,
		nodes: [
			dailySyncNode(h().credentials.s2s, { hosts: 'list', userIds: host, options: { settleMinutes: 0.1 } }),
			triggerNode(webhookId, ['meeting.ended']),
			participantsSkippingProcessed(h().credentials.s2s, [300, 100]),
		],
		connections: {
			[SYNC]: { main: [[{ node: 'Participants', type: 'main', index: 0 }]] },
			[TRIGGER]: { main: [[{ node: 'Participants', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1', timezone: 'UTC' },
	});
}

/** A signed meeting.ended body for a seeded meeting's instance. */
function meetingEnded(seeded: Seeded, index: number, eventTs: number): string {
	const meeting = seeded.meetings[index];
	return JSON.stringify({
		event: 'meeting.ended',
		event_ts: eventTs,
		payload: {
			account_id: 'acc-queue',
			object: { id: String(meeting.id), uuid: meeting.instances[0].uuid, host_id: seeded.users[0].id, topic: meeting.topic, type: 2, end_time: meeting.instances[0].end_time },
		},
	});
}

/** Successful fetches of one session's participants the sandbox answered. */
const participantsFetched = (r: { path: string; status: number }, uuid: string) =>
	r.path.endsWith('/participants') && r.status === 200 && decodeURIComponent(decodeURIComponent(r.path)).includes(uuid);

describeQueue('queue mode: main, 2 workers and a webhook processor', () => {
	it('500 concurrent deliveries with 20 % duplicates on two processes: each event emitted exactly once', async () => {
		const webhookId = randomUUID();
		const workflow = await h().n8n.createWorkflow({
			name: `queue burst ${webhookId.slice(0, 8)}`,
			nodes: [triggerNode(webhookId, ['*']), { id: randomUUID(), name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 200], parameters: {} }],
			connections: { [TRIGGER]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		});
		await h().n8n.activate(workflow);
		const urls = webhookUrls(webhookId, 'zoom');
		for (const url of urls) await waitUntilServed(url);

		// 400 events; 100 of them delivered twice, the copy to the other process at the same moment.
		const now = Date.now();
		const events = Array.from({ length: 400 }, (_, i) =>
			JSON.stringify({
				event: 'meeting.participant_joined',
				event_ts: now - i,
				payload: {
					account_id: 'acc-queue',
					object: {
						id: '88877766655',
						uuid: 'queueBurstUuid==',
						host_id: 'host-q',
						topic: 'Queue burst',
						participant: { user_id: `p-${i}`, user_name: `Person ${i}`, email: `p${i}@example.com`, join_time: new Date(now - i * 1000).toISOString().slice(0, 19) + 'Z' },
					},
				},
			}),
		);
		const sends: Array<{ body: string; url: string }> = [];
		events.forEach((body, i) => {
			sends.push({ body, url: urls[i % 2] });
			if (i % 4 === 0) sends.push({ body, url: urls[(i + 1) % 2] });
		});
		expect(sends).toHaveLength(500);

		const started = Date.now();
		const acks = await pool(
			sends.map(({ body, url }) => async () => {
				const t0 = performance.now();
				const response = await postSigned(url, body);
				return { status: response.status, ms: performance.now() - t0, data: response.data };
			}),
			20,
		);
		const seconds = (Date.now() - started) / 1000;
		expect(acks.filter((a) => a.status !== 200)).toEqual([]);
		const latencies = acks.map((a) => a.ms).sort((a, b) => a - b);
		console.log(
			`[queue] 500 deliveries (20 in flight, main + webhook processor) acknowledged in ${seconds.toFixed(1)} s: ${(500 / seconds).toFixed(0)}/s, ack p50 ${quantile(latencies, 0.5).toFixed(0)} ms, p99 ${quantile(latencies, 0.99).toFixed(0)} ms`,
		);

		const withData = await settled(workflow, { timeoutMs: 300_000 });
		// Every delivery not answered at the door started a run.
		expect(withData).toHaveLength(acks.filter((a) => a.data?.emitted !== false).length);
		expect(withData.filter((e) => e.status !== 'success').map((e) => `${e.id}: ${e.status}`)).toEqual([]);
		const emitted = withData.flatMap((e) => readRun(e).Done?.outputs[0] ?? []);
		const perParticipant = new Map<string, number>();
		for (const item of emitted) perParticipant.set(item.participantEmail, (perParticipant.get(item.participantEmail) ?? 0) + 1);
		expect(emitted).toHaveLength(400);
		expect(perParticipant.size).toBe(400);
		expect([...perParticipant.values()].every((count) => count === 1)).toBe(true);
		// How the 100 copies were stopped: at the door of the process that had seen them, or by the run.
		const stoppedInRun = withData.filter((e) => (readRun(e)[TRIGGER]?.outputs[0] ?? []).length === 0).length;
		console.log(`[queue] ${withData.length} runs for 500 deliveries; ${stoppedInRun} copies stopped by the run, ${500 - withData.length} at the door`);
		await h().n8n.deactivate(workflow);
	}, 600_000);

	it('a daily sync poll overlapping a burst of meeting.ended deliveries syncs each session once', async () => {
		const seeded = await seedEndedMeetings('queue-host', 12, 3);
		const webhookId = randomUUID();
		const workflow = await createSyncAndWebhookWorkflow(`queue sync ${webhookId.slice(0, 8)}`, seeded.host, webhookId);
		const urls = webhookUrls(webhookId, 'zoom');
		const endedBodies = seeded.meetings.map((_, i) => meetingEnded(seeded, i, Date.now() + i));

		// Activation makes main poll at once; the burst goes to both processes meanwhile.
		await h().n8n.activate(workflow);
		for (const url of urls) await waitUntilServed(url);
		const acks = await Promise.all(endedBodies.flatMap((body) => urls.map((url) => postSigned(url, body))));
		expect(acks.map((a) => a.status).every((s) => s === 200)).toBe(true);

		const withData = await settled(workflow, { quietMs: 5000 });
		expect(withData.filter((e) => e.status !== 'success').map((e) => `${e.id}: ${e.status}`)).toEqual([]);
		const polled = withData.flatMap((e) => readRun(e)[SYNC]?.outputs[0] ?? []);
		expect(polled.map((s) => s.uuid).sort()).toEqual(seeded.meetings.map((m) => m.instances[0].uuid).sort());

		const rows = withData.flatMap((e) => readRun(e).Participants?.outputs[0] ?? []);
		const requests = await sandboxRequests();
		for (const meeting of seeded.meetings) {
			expect(requests.filter((r) => participantsFetched(r, meeting.instances[0].uuid))).toHaveLength(1);
		}
		expect(rows).toHaveLength(12 * 3);
		console.log(`[queue] sync + 24 meeting.ended deliveries: ${withData.length} runs, 12 sessions fetched once each`);
		await h().n8n.deactivate(workflow);
	});

	describe('a worker killed in the middle of a run', () => {
		// Each test adds a spare worker and kills one, so two stay for the tests after these; the harness
		// state file lists the workers alive, for globalTeardown to stop.
		const recordWorkers = () => writeFileSync(process.env.ZOOM_HARNESS_STATE!, JSON.stringify(h().state, null, 2));
		afterAll(async () => {
			await h().sandbox.delete('/_sandbox/faults');
		});

		// Started before the kill: a worker still starting up can be too busy to keep the lock of a job
		// it takes, and n8n then fails that job as stalled.
		beforeEach(async () => {
			const spare = await startHelper(h().n8n, 'worker', h().state.queue!.env);
			h().n8n.state.helpers = [...(h().n8n.state.helpers ?? []), spare];
			recordWorkers();
		}, 180_000);

		/** Kills the worker running `executionId`; the spare keeps two workers for what follows. */
		async function killWorkerOf(executionId: string): Promise<void> {
			const worker = await workerRunning(executionId);
			process.kill(-worker.pid, 'SIGKILL');
			h().n8n.state.helpers = (h().n8n.state.helpers ?? []).filter((helper) => helper.pid !== worker.pid);
			recordWorkers();
		}

		/** The once-only lock row a worker killed between taking the lock and giving it back leaves. */
		function leaveDeadHoldersLock(workflowId: string): void {
			if (!/^[A-Za-z0-9]+$/.test(workflowId)) throw new Error(`unexpected workflow id ${workflowId}`);
			// n8n stores each entry as its MD5 in base64 (deduplication-helper.ts).
			const data = lockEntries(signatureAt(Date.now(), 1)).map((entry) => createHash('md5').update(entry).digest('base64'));
			const value = JSON.stringify({ mode: 'entries', data });
			runSql(h().state.queue!.services, `INSERT INTO processed_data ("workflowId", context, value) VALUES ('${workflowId}', '', '${value}')`);
		}

		it('while holding the once-only lock: its lock is broken by its own age, and each event of a burst is emitted at most once', async () => {
			const webhookId = randomUUID();
			const workflow = await h().n8n.createWorkflow({
				name: `queue dead holder ${webhookId.slice(0, 8)}`,
				nodes: [triggerNode(webhookId, ['*']), { id: randomUUID(), name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 200], parameters: {} }],
				connections: { [TRIGGER]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
			});
			await h().n8n.activate(workflow);
			const urls = webhookUrls(webhookId, 'zoom');
			for (const url of urls) await waitUntilServed(url);

			// A worker died holding the lock; another dies during the burst, whatever it holds then.
			leaveDeadHoldersLock(workflow);
			const now = Date.now();
			const sends: Array<{ body: string; url: string }> = [];
			for (let i = 0; i < 120; i++) {
				const body = JSON.stringify({
					event: 'meeting.participant_joined',
					event_ts: now - i,
					payload: { account_id: 'acc-queue', object: { id: '88877766656', uuid: 'deadHolderUuid==', host_id: 'host-q', topic: 'Dead holder', participant: { user_id: `d-${i}`, user_name: `Person ${i}`, email: `d${i}@example.com` } } },
				});
				sends.push({ body, url: urls[i % 2] });
				if (i % 4 === 0) sends.push({ body, url: urls[(i + 1) % 2] });
			}
			const started = Date.now();
			const acks = pool(sends.map(({ body, url }) => async () => (await postSigned(url, body)).status), 20);
			await delay(3000);
			const victim = (h().n8n.state.helpers ?? []).find((helper) => helper.role === 'worker');
			if (!victim) throw new Error('no worker to kill');
			process.kill(-victim.pid, 'SIGKILL');
			h().n8n.state.helpers = (h().n8n.state.helpers ?? []).filter((helper) => helper.pid !== victim.pid);
			recordWorkers();
			expect((await acks).filter((status) => status !== 200)).toEqual([]);

			const executions = await settled(workflow, { quietMs: 5000, timeoutMs: 240_000 });
			const seconds = (Date.now() - started) / 1000;
			const emitted = executions.filter((e) => e.status === 'success').flatMap((e) => readRun(e).Done?.outputs[0] ?? []);
			const perParticipant = new Map<string, number>();
			for (const item of emitted) perParticipant.set(item.participantEmail, (perParticipant.get(item.participantEmail) ?? 0) + 1);
			const crashed = executions.filter((e) => e.status !== 'success').length;
			console.log(`[queue] dead holder + a worker killed mid-burst: ${executions.length} runs settled in ${seconds.toFixed(0)} s, ${perParticipant.size} of 120 events emitted, ${crashed} runs died with the worker`);
			expect([...perParticipant.values()].filter((count) => count !== 1)).toEqual([]);
			// An event not emitted was in a run the killed worker took down with it.
			expect(120 - perParticipant.size).toBeLessThanOrEqual(crashed);
			// The dead lock is broken at 30–45 s of its own age, not after 120 s of anyone’s waiting.
			expect(seconds).toBeLessThan(100);
			expect(runSql(h().state.queue!.services, `SELECT count(*) FROM processed_data WHERE "workflowId" = '${workflow}' AND context = ''`).trim()).toBe('0');
			await h().n8n.deactivate(workflow);
		}, 300_000);

		it('during a Return All: the run fails and nothing it created is created again', async () => {
			const tag = randomUUID().slice(0, 8);
			const host = { email: `kill-host-${tag}@example.com`, first_name: 'Kill', last_name: tag };
			const seeded = (
				await h().sandbox.post('/_sandbox/scenario', { users: [host], meetings: [{ hostEmail: host.email, topic: `K${tag}`, ended: { endedMinutesAgo: 30, participants: 1500 } }] })
			).data as { users: Array<{ id: string }>; meetings: Array<{ id: number; instances: Array<{ uuid: string }> }> };
			const uuid = seeded.meetings[0].instances[0].uuid;
			// Each page of participants takes 1.5 s, so the run is surely mid-way when the worker dies.
			await h().sandbox.post('/_sandbox/faults', { path: '^/v2/past_meetings/.+/participants', kind: 'delay', delayMs: 1500, count: 20 });

			const path = `kill-${tag}`;
			const zoom = { authentication: 'zoomConnectorServerToServerOAuthApi' };
			const credentials = { zoomConnectorServerToServerOAuthApi: h().credentials.s2s };
			const workflow = await h().n8n.createWorkflow({
				name: `queue kill return-all ${tag}`,
				nodes: [
					{ id: randomUUID(), name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: randomUUID(), parameters: { httpMethod: 'POST', path, responseMode: 'onReceived' } },
					{ id: randomUUID(), name: 'Create meeting', type: `${PKG}.zoomConnector`, typeVersion: ZOOM_CONNECTOR_VERSION, position: [220, 0], credentials, parameters: { ...zoom, resource: 'meeting', operation: 'create', userId: locator(host.email), topic: `Debrief ${tag}`, type: 2, startTime: '2030-07-01T09:30:00' } },
					{ id: randomUUID(), name: 'Participants', type: `${PKG}.zoomConnector`, typeVersion: ZOOM_CONNECTOR_VERSION, position: [440, 0], credentials, parameters: { ...zoom, resource: 'pastSession', operation: 'getParticipants', sessionType: 'meeting', sessionId: locator(uuid), returnAll: true, addSessionFields: false } },
				],
				connections: {
					Webhook: { main: [[{ node: 'Create meeting', type: 'main', index: 0 }]] },
					'Create meeting': { main: [[{ node: 'Participants', type: 'main', index: 0 }]] },
				},
				// n8n's own "save execution progress": what a retry resumes from.
				settings: { executionOrder: 'v1', saveExecutionProgress: true },
			});
			await h().n8n.activate(workflow);
			const creates = (r: { method: string; path: string }) => r.method === 'POST' && decodeURIComponent(r.path).endsWith(`/users/${host.email}/meetings`);
			const pages = (r: { method: string; path: string; status: number }) => r.method === 'GET' && r.path.includes('/participants') && r.status === 200 && decodeURIComponent(decodeURIComponent(r.path)).includes(uuid);
			const accepted = await postToWebhook(`${h().n8n.state.url}/webhook/${path}`, {});
			expect(accepted.status).toBe(200);

			await waitForRequests(pages, 1);
			const [running] = (await h().n8n.apiCall<{ data: any[] }>('GET', `/executions?workflowId=${workflow}&status=running&limit=5`)).data;
			expect(running).toBeDefined();
			await killWorkerOf(String(running.id));
			const failed = await waitForStatus(String(running.id), (status) => !['running', 'new', 'waiting'].includes(status));
			expect(['crashed', 'error']).toContain(failed.status);
			const pagesBeforeRetry = (await sandboxRequests()).filter(pages).length;
			expect(pagesBeforeRetry).toBeLessThan(5);
			expect((await sandboxRequests()).filter(creates)).toHaveLength(1);

			// n8n 2.40 cannot retry a run whose worker died (its Retry carries the stall error over and runs
			// nothing), so the same request is sent again: one more meeting, none repeated.
			await h().sandbox.delete('/_sandbox/faults');
			expect((await postToWebhook(`${h().n8n.state.url}/webhook/${path}`, {})).status).toBe(200);
			await waitForRequests(creates, 2);
			const executions = await settled(workflow);
			const succeeded = executions.filter((e) => e.status === 'success');
			expect(executions).toHaveLength(2);
			expect(succeeded).toHaveLength(1);
			expect(readRun(succeeded[0]).Participants.outputs[0]).toHaveLength(1500);
			expect((await sandboxRequests()).filter(creates)).toHaveLength(2);
			await h().n8n.deactivate(workflow);
		}, 300_000);

		it('during a daily sync: the run fails, the sync gives its sessions to a new run, and a later delivery of one is skipped', async () => {
			const seeded = await seedEndedMeetings('kill-sync', 4, 2);
			const uuids = seeded.meetings.map((m) => m.instances[0].uuid);
			await h().sandbox.post('/_sandbox/faults', { path: '^/v2/past_meetings/.+/participants', kind: 'delay', delayMs: 1500, count: 8 });
			const webhookId = randomUUID();
			const workflow = await createSyncAndWebhookWorkflow(`queue kill sync ${webhookId.slice(0, 8)}`, seeded.host, webhookId);

			await h().n8n.activate(workflow);
			// The poll's run is on a worker once the first session's participants are being read.
			await waitForRequests((r) => participantsFetched(r, uuids[0]), 1);
			const [running] = (await h().n8n.apiCall<{ data: any[] }>('GET', `/executions?workflowId=${workflow}&status=running&limit=5`)).data;
			expect(running).toBeDefined();
			await killWorkerOf(String(running.id));
			const failed = await waitForStatus(String(running.id), (status) => !['running', 'new', 'waiting'].includes(status));
			expect(['crashed', 'error']).toContain(failed.status);

			// The cursor has moved on; the sync starts a new run with the dead run's sessions, and the
			// Participants node fetches them for that same emission although the dead run had claimed them.
			await h().sandbox.delete('/_sandbox/faults');
			const again = await waitForRun(workflow, (e) => e.status === 'success' && Boolean(readRun(e)[SYNC]));
			expect(readRun(again)[SYNC].outputs[0].map((session: any) => session.uuid).sort()).toEqual([...uuids].sort());
			expect(readRun(again).Participants.outputs[0]).toHaveLength(4 * 2);

			// A late meeting.ended for one of them: already synced, so nothing is fetched or emitted again.
			const [mainUrl] = webhookUrls(webhookId, 'zoom');
			await waitUntilServed(mainUrl);
			const before = (await sandboxRequests()).filter((r) => participantsFetched(r, uuids[1])).length;
			const late = await postSigned(mainUrl, meetingEnded(seeded, 1, Date.now()));
			expect(late.status).toBe(200);
			const executions = await settled(workflow, { quietMs: 4000 });
			const lateRun = executions.find((e) => readRun(e)[TRIGGER]);
			expect(executions).toHaveLength(3);
			expect(lateRun && readRun(lateRun).Participants.outputs[0]).toEqual([]);
			expect((await sandboxRequests()).filter((r) => participantsFetched(r, uuids[1])).length).toBe(before);
			await h().n8n.deactivate(workflow);
		}, 300_000);
	});
});

describeQueue('queue mode: WebSocket delivery', () => {
	it('only main holds the subscription’s connection; the events it emits run on workers, each once', async () => {
		const subscription = await newSubscription(['meeting.started']);
		const { id } = await activeSocketWorkflow(subscription, { events: ['meeting.started'] });
		try {
			// Main, both workers and the webhook processor have loaded the package and see the workflow
			// active; n8n activates triggers on the (leader) main only, so one connection is ever opened.
			await delay(5000);
			expect(await connectionsOf(subscription)).toHaveLength(1);
			const seeded = await seedEndedMeetings('Socket', 3, 0);
			for (const meeting of seeded.meetings) {
				expect((await push(subscription, 'meeting.started', meeting.id)).delivered).toBe(1);
			}
			const executions = await settled(id, { quietMs: 4000 });
			expect(executions.map((e) => readRun(e)[TRIGGER].outputs[0][0].topic).sort()).toEqual(seeded.meetings.map((m) => m.topic).sort());
			for (const execution of executions) expect((await workerRunning(String(execution.id))).role).toBe('worker');
			expect(await connectionsOf(subscription)).toHaveLength(1);
		} finally {
			await h().n8n.deactivate(id);
		}
	}, 180_000);
});
