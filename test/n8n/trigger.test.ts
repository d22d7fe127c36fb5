/**
 * The Zoom Connector Trigger in a real n8n, fed by the sandbox's webhook sender (signed exactly as
 * Zoom signs) and by hand-made requests: URL validation, a verified event emitted once, every kind of
 * bad delivery refused without an execution, retries recognised, unselected events acknowledged, and
 * the dedupe record kept across deactivation.
 */
import axios from 'axios';
import { createHmac, randomUUID } from 'node:crypto';

import { harness } from '../harness/context';
import { delay } from '../harness/n8n';
import { postSigned } from '../harness/signedDelivery';
import { PKG, readRun } from '../harness/workflows';

const h = () => harness();
const SECRET = 'sandbox-webhook-secret';
const TRIGGER = 'Zoom Trigger';

interface TriggerWorkflow {
	id: string;
	url: string;
}

async function createTriggerWorkflow(
	name: string,
	parameters: Record<string, unknown>,
	after: Array<Record<string, unknown>> = [{ name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} }],
): Promise<TriggerWorkflow> {
	const webhookId = randomUUID();
	const path = 'zoom';
	const chain = [
		{
			name: TRIGGER,
			type: `${PKG}.zoomConnectorTrigger`,
			typeVersion: 1,
			webhookId,
			parameters: { path, ...parameters },
			credentials: { zoomConnectorWebhookApi: h().credentials.webhook },
		},
		...after,
	];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < chain.length - 1; i++) {
		connections[chain[i].name as string] = { main: [[{ node: chain[i + 1].name, type: 'main', index: 0 }]] };
	}
	const id = await h().n8n.createWorkflow({
		name: `trigger ${name} ${webhookId.slice(0, 8)}`,
		nodes: chain.map((node, index) => ({ id: randomUUID(), position: [index * 220, 0], ...node })),
		connections,
	});
	await h().n8n.activate(id);
	const url = `${h().n8n.state.url}/webhook/${webhookId}/${path}`;
	await waitUntilServed(url);
	return { id, url };
}

/**
 * n8n answers 404 for a moment after activation; an unsigned POST gets the node's own 401 once the
 * webhook is registered (and never starts an execution).
 */
async function waitUntilServed(url: string): Promise<void> {
	await waitForStatus(url, 401, 404);
}

/** Deactivation too takes a moment to reach n8n's webhook routing. */
async function waitUntilGone(url: string): Promise<void> {
	await waitForStatus(url, 404, 401);
}

async function waitForStatus(url: string, wanted: number, meanwhile: number): Promise<void> {
	const deadline = Date.now() + 20_000;
	for (;;) {
		const response = await axios.post(url, '{}', { headers: { 'content-type': 'application/json' }, validateStatus: () => true });
		if (response.status === wanted) return;
		if (response.status !== meanwhile || Date.now() > deadline) {
			throw new Error(`webhook ${url} answered ${response.status}, waiting for ${wanted}: ${JSON.stringify(response.data)}`);
		}
		await delay(200);
	}
}

async function executionCount(workflowId: string): Promise<number> {
	return (await h().n8n.executions(workflowId, 100)).length;
}

/** Gives n8n time to start an execution it should not start, then checks none appeared. */
async function expectNoNewExecutions(workflowId: string, before: number): Promise<void> {
	await delay(1500);
	expect(await executionCount(workflowId)).toBe(before);
}

async function send(body: Record<string, unknown>) {
	const response = await h().sandbox.post('/_sandbox/webhooks/send', body);
	expect(response.status).toBe(200);
	return response.data as { deliveryId: string; trackingId: string; body: string; attempts: Array<{ status: number; ms: number; error?: string }> };
}

async function deliveries(): Promise<Array<{ deliveryId: string; attempt: number; status: number; trackingId: string; timestamp: string; responseBody?: string }>> {
	const response = await h().sandbox.get('/_sandbox/webhooks/deliveries');
	expect(response.status).toBe(200);
	return response.data;
}

function triggerItems(execution: any): Array<Record<string, any>> {
	return readRun(execution)[TRIGGER]?.outputs[0] ?? [];
}

function participantPayload(meetingId: number, name: string) {
	return {
		account_id: 'acc-1',
		object: {
			id: String(meetingId),
			uuid: 'iJ8Rr1pBR0S9cD/8bSgQJw==',
			host_id: 'host-1',
			topic: 'Weekly sync',
			type: 2,
			start_time: '2026-11-22T10:00:00Z',
			timezone: 'UTC',
			duration: 30,
			participant: {
				user_id: '16778240',
				user_name: name,
				id: 'pid-1',
				join_time: '2026-11-22T10:01:02Z',
				email: `${name.toLowerCase()}@example.com`,
			},
		},
	};
}

const SELECTED = ['meeting.participant_joined', 'meeting.started', 'meeting.ended'];

describe('Zoom Connector Trigger in n8n', () => {
	let main: TriggerWorkflow;

	beforeAll(async () => {
		main = await createTriggerWorkflow('main', { events: SELECTED, responseMode: 'onReceived', settings: { includeHeaders: true } });
	});

	afterAll(async () => {
		await h().n8n.deleteWorkflow(main.id).catch(() => undefined);
	});

	it('answers Zoom’s URL validation within 3 s, as Zoom checks it, and starts no execution', async () => {
		const before = await executionCount(main.id);
		const response = await h().sandbox.post('/_sandbox/webhooks/validate', { url: main.url });
		expect(response.status).toBe(200);
		expect(response.data).toMatchObject({ ok: true, status: 200 });
		expect(response.data.ms).toBeLessThan(3000);
		expect(response.data.body).toEqual({ plainToken: response.data.plainToken, encryptedToken: response.data.expectedEncryptedToken });
		// An answer computed here, not by the sandbox or the node.
		expect(response.data.body.encryptedToken).toBe(createHmac('sha256', SECRET).update(response.data.plainToken).digest('hex'));
		await expectNoNewExecutions(main.id, before);
	});

	it('does not answer a URL validation that is not signed with the secret', async () => {
		const body = JSON.stringify({ payload: { plainToken: 'abcdefgh12345678' }, event_ts: Date.now(), event: 'endpoint.url_validation' });
		const forged = await axios.post(main.url, body, {
			headers: { 'content-type': 'application/json', 'x-zm-request-timestamp': String(Math.floor(Date.now() / 1000)), 'x-zm-signature': `v0=${'0'.repeat(64)}` },
			validateStatus: () => true,
		});
		expect(forged.status).toBe(401);
		expect(JSON.stringify(forged.data)).not.toContain('encryptedToken');
	});

	it('emits a verified event once, with the fields the next node needs and the whole payload', async () => {
		const before = await executionCount(main.id);
		const payload = participantPayload(85746065432, 'Ada');
		const sent = await send({ url: main.url, event: 'meeting.participant_joined', payload, retries: false });
		expect(sent.attempts[0].status).toBe(200);

		const executions = await h().n8n.waitForExecutions(main.id, before + 1, 30_000);
		const [item] = triggerItems(executions[0]);
		const envelope = JSON.parse(sent.body);
		expect(item).toMatchObject({
			event: 'meeting.participant_joined',
			eventTime: new Date(envelope.event_ts).toISOString(),
			accountId: 'acc-1',
			meetingId: '85746065432',
			uuid: 'iJ8Rr1pBR0S9cD/8bSgQJw==',
			topic: 'Weekly sync',
			hostId: 'host-1',
			startTime: '2026-11-22T10:00:00Z',
			participantName: 'Ada',
			participantEmail: 'ada@example.com',
			participantJoinTime: '2026-11-22T10:01:02Z',
			trackingId: sent.trackingId,
			payload,
		});
		expect(item.headers['x-zm-trackingid']).toBe(sent.trackingId);
		expect(item.headers['user-agent']).toBe('Zoom Marketplace/1.0a');
		// The signature is a proof made with the secret: it stays out of the item (and so out of saved runs).
		expect(item.headers).toHaveProperty('x-zm-request-timestamp');
		expect(item.headers).not.toHaveProperty('x-zm-signature');
		expect(readRun(executions[0]).Done.outputs[0]).toHaveLength(1);
		await expectNoNewExecutions(main.id, before + 1);
	});

	describe('refuses bad deliveries with the right status and starts no execution', () => {
		const event = 'meeting.started';
		const payload = { account_id: 'acc-1', object: { id: '111', uuid: 'u==', topic: 'x', host_id: 'h' } };
		let before: number;

		beforeAll(async () => {
			before = await executionCount(main.id);
		});

		afterAll(async () => {
			await expectNoNewExecutions(main.id, before);
		});

		it.each([
			{ name: 'signed with another secret', options: { signature: 'wrong' }, status: 401 },
			{ name: 'unsigned', options: { signature: 'missing' }, status: 401 },
			// The default window takes Zoom's whole retry schedule (85 min) with slack: 2 h.
			{ name: 'stale (signed 3 hours ago)', options: { timestampSkewSeconds: 3 * 3600 }, status: 401 },
			{ name: 'from the future (3 hours ahead)', options: { timestampSkewSeconds: -3 * 3600 }, status: 401 },
			{ name: 'malformed JSON, validly signed', options: { rawBody: '{"event":"meeting.started","payload":' }, status: 400 },
			{ name: 'JSON that is not Zoom’s envelope, validly signed', options: { rawBody: '{"hello":"world"}' }, status: 400 },
			{ name: 'empty, validly signed', options: { rawBody: '' }, status: 400 },
			{ name: 'oversized, validly signed', options: { rawBody: JSON.stringify({ event, payload: { pad: 'x'.repeat(1_200_000) } }) }, status: 413 },
		] as Array<{ name: string; options: Record<string, unknown>; status: number }>)('$name → $status', async ({ options, status }) => {
			const sent = await send({ url: main.url, event, payload, retries: false, ...options });
			expect(sent.attempts[0].status).toBe(status);
			// Answered by the node (its own JSON), not by n8n's body parser or router.
			const [attempt] = (await deliveries()).filter((d) => d.deliveryId === sent.deliveryId);
			expect(JSON.parse(attempt.responseBody ?? '{}')).toEqual({ status, error: expect.any(String) });
		});

		it('a body changed after signing → 401', async () => {
			const signed = JSON.stringify({ event, event_ts: Date.now(), payload });
			const response = await postSigned(main.url, signed.replace('"111"', '"112"'), { signedBody: signed });
			expect(response.status).toBe(401);
			expect(response.data.error).toMatch(/does not match/);
		});

		it('a signature from another timestamp → 401', async () => {
			const body = JSON.stringify({ event, event_ts: Date.now(), payload });
			const now = Math.floor(Date.now() / 1000);
			const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${now - 1}:${body}`).digest('hex')}`;
			const response = await axios.post(main.url, body, {
				headers: { 'content-type': 'application/json', 'x-zm-request-timestamp': String(now), 'x-zm-signature': signature },
				transformRequest: [(data) => data],
				validateStatus: () => true,
			});
			expect(response.status).toBe(401);
		});

		it('malformed JSON sent as text/plain, validly signed → 400 (not n8n’s 422)', async () => {
			const response = await postSigned(main.url, '{"event":', { contentType: 'text/plain' });
			expect(response.status).toBe(400);
		});
	});

	it('acknowledges an event that is not selected with 200 and does not emit it', async () => {
		const before = await executionCount(main.id);
		const sent = await send({ url: main.url, event: 'user.created', payload: { account_id: 'acc-1', object: { id: 'u1', email: 'u@example.com' } }, retries: false });
		expect(sent.attempts[0].status).toBe(200);
		await expectNoNewExecutions(main.id, before);
	});

	it('emits a re-sent delivery (same tracking id, fresh timestamp) or the same content under a new tracking id only once', async () => {
		const before = await executionCount(main.id);
		const body = JSON.stringify({ event: 'meeting.started', event_ts: Date.now(), payload: { account_id: 'acc-1', object: { id: '222', uuid: 'v==', topic: 'Once', host_id: 'h' } } });
		const trackingId = `v=2.0;clid=aw1;rid=WEBHOOK_${randomUUID()}`;
		const now = Math.floor(Date.now() / 1000);

		expect((await postSigned(main.url, body, { trackingId, ts: now - 5 })).status).toBe(200);
		await h().n8n.waitForExecutions(main.id, before + 1, 30_000);
		const again = await postSigned(main.url, body, { trackingId, ts: now });
		expect(again.status).toBe(200);
		expect(again.data).toMatchObject({ emitted: false, reason: expect.stringMatching(/already/) });
		expect((await postSigned(main.url, body)).status).toBe(200);
		await expectNoNewExecutions(main.id, before + 1);
	});

	it('emits a delivery Zoom retries after a timeout once (sandbox retry, same tracking id)', async () => {
		// Answering after the last node, with a workflow slower than the sender's timeout, makes the
		// sender give up and retry, as Zoom does after 3 s.
		const slow = await createTriggerWorkflow('retry', { events: ['*'], responseMode: 'lastNode' }, [
			{ name: 'Slow', type: 'n8n-nodes-base.wait', typeVersion: 1.1, parameters: { resume: 'timeInterval', amount: 2, unit: 'seconds' } },
		]);
		try {
			const sent = await send({
				url: slow.url,
				event: 'meeting.ended',
				payload: { account_id: 'acc-1', object: { id: '333', uuid: 'w==', topic: 'Retried', host_id: 'h', end_time: '2026-11-22T11:00:00Z' } },
				timeoutMs: 800,
				retryDelaysMs: [4000, 2000],
			});
			expect(sent.attempts[0].status).toBe(0);

			let attempts: Awaited<ReturnType<typeof deliveries>> = [];
			const deadline = Date.now() + 20_000;
			while (Date.now() < deadline) {
				attempts = (await deliveries()).filter((d) => d.deliveryId === sent.deliveryId);
				if (attempts.some((a) => a.status === 200)) break;
				await delay(250);
			}
			expect(attempts.map((a) => a.status)).toEqual([0, 200]);
			expect(new Set(attempts.map((a) => a.trackingId)).size).toBe(1);
			expect(attempts[1].responseBody).toMatch(/already/);

			const executions = await h().n8n.waitForExecutions(slow.id, 1, 30_000);
			expect(triggerItems(executions[0])[0]).toMatchObject({ event: 'meeting.ended', meetingId: '333', endTime: '2026-11-22T11:00:00Z' });
			await expectNoNewExecutions(slow.id, 1);
		} finally {
			await h().n8n.deleteWorkflow(slow.id).catch(() => undefined);
		}
	});

	it('keeps working, and keeps deduplicating, after the workflow is deactivated and reactivated', async () => {
		const payload = participantPayload(99911122233, 'Grace');
		const before = await executionCount(main.id);
		const first = await send({ url: main.url, event: 'meeting.participant_joined', payload, retries: false });
		expect(first.attempts[0].status).toBe(200);
		await h().n8n.waitForExecutions(main.id, before + 1, 30_000);

		await h().n8n.deactivate(main.id);
		await waitUntilGone(main.url);
		const whileInactive = await send({ url: main.url, event: 'meeting.started', payload, retries: false });
		expect(whileInactive.attempts[0].status).toBe(404);
		await h().n8n.activate(main.id);
		await waitUntilServed(main.url);

		// The same delivery again: recognised, not emitted.
		const replay = await postSigned(main.url, first.body, { trackingId: first.trackingId });
		expect(replay.status).toBe(200);
		expect(replay.data).toMatchObject({ emitted: false });

		const next = await send({ url: main.url, event: 'meeting.participant_joined', payload: participantPayload(99911122233, 'Linus'), retries: false });
		expect(next.attempts[0].status).toBe(200);
		const executions = await h().n8n.waitForExecutions(main.id, before + 2, 30_000);
		expect(triggerItems(executions[0])[0]).toMatchObject({ participantName: 'Linus' });
		await expectNoNewExecutions(main.id, before + 2);

		// The record is in n8n's deduplication store, not in static data, which n8n saves whole and
		// which the Daily Sync Trigger's cursor shares.
		const workflow = await h().n8n.restCall('GET', `/workflows/${main.id}`);
		expect(workflow.staticData?.[`node:${TRIGGER}`]?.zoomDeliveriesSeen).toBeUndefined();
	});

	it('tests the webhook credential without calling Zoom', async () => {
		const result = await h().n8n.testCredential(h().credentials.webhook.id);
		expect(result).toMatchObject({ status: 'OK' });
		const bad = await h().n8n.createCredential(`bad secret ${randomUUID().slice(0, 6)}`, 'zoomConnectorWebhookApi', { secretToken: 'short' });
		expect(await h().n8n.testCredential(bad)).toMatchObject({ status: 'Error', message: expect.stringMatching(/at least 16/) });
	});
});
