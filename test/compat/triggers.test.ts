/**
 * Compatibility smoke suite, part 2: in the n8n that N8N_VERSION names, the Zoom Connector Trigger
 * answers Zoom's URL validation, emits a signed event once (a re-sent copy is recognised) and refuses
 * a forged one; the Zoom Daily Sync Trigger emits an ended session on a poll and not again on the next.
 */
import axios from 'axios';
import { createHmac, randomUUID } from 'node:crypto';

import { harness } from '../harness/context';
import { delay } from '../harness/n8n';
import { N8N_VERSION } from '../harness/paths';
import { postSigned } from '../harness/signedDelivery';
import { activeSocketWorkflow, control, newSubscription, push } from '../harness/socketDelivery';
import { DAILY_SYNC, dailySyncNode, readRun, zoomTriggerNode } from '../harness/workflows';
import { SANDBOX_DEFAULTS } from '../../sandbox';

const h = () => harness();
const TRIGGER = 'Zoom Trigger';

function noOp(position: [number, number]) {
	return { id: randomUUID(), name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position, parameters: {} };
}

/** Waits until n8n serves the trigger: until then it answers 404, after that the node's own 401. */
async function waitUntilServed(url: string): Promise<void> {
	const deadline = Date.now() + 20_000;
	for (;;) {
		const response = await axios.post(url, '{}', { headers: { 'content-type': 'application/json' }, validateStatus: () => true });
		if (response.status === 401) return;
		if (response.status !== 404 || Date.now() > deadline) {
			throw new Error(`webhook ${url} answered ${response.status}: ${JSON.stringify(response.data)}`);
		}
		await delay(200);
	}
}

async function waitForRequest(path: string): Promise<void> {
	const deadline = Date.now() + 30_000;
	for (;;) {
		const log = (await h().sandbox.get('/_sandbox/requests')).data as Array<{ path: string }>;
		if (log.some((entry) => entry.path === path)) return;
		if (Date.now() > deadline) throw new Error(`the sandbox saw no request to ${path}`);
		await delay(250);
	}
}

async function executionCount(workflowId: string): Promise<number> {
	return (await h().n8n.executions(workflowId, 100)).length;
}

describe(`n8n ${N8N_VERSION}: Zoom Connector Trigger`, () => {
	let workflowId: string;
	let url: string;

	beforeAll(async () => {
		const webhookId = randomUUID();
		workflowId = await h().n8n.createWorkflow({
			name: `compat trigger ${webhookId.slice(0, 8)}`,
			nodes: [zoomTriggerNode(TRIGGER, webhookId, ['meeting.started'], h().credentials.webhook, [0, 0]), noOp([220, 0])],
			connections: { [TRIGGER]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		});
		await h().n8n.activate(workflowId);
		url = `${h().n8n.state.url}/webhook/${webhookId}/zoom`;
		await waitUntilServed(url);
	});

	afterAll(async () => {
		await h().n8n.deleteWorkflow(workflowId).catch(() => undefined);
	});

	it('answers Zoom’s URL validation as Zoom checks it, and starts no execution', async () => {
		const before = await executionCount(workflowId);
		const response = await h().sandbox.post('/_sandbox/webhooks/validate', { url });
		expect(response.data).toMatchObject({ ok: true, status: 200 });
		const expected = createHmac('sha256', SANDBOX_DEFAULTS.webhookSecretToken).update(response.data.plainToken).digest('hex');
		expect(response.data.body).toEqual({ plainToken: response.data.plainToken, encryptedToken: expected });
		await delay(1000);
		expect(await executionCount(workflowId)).toBe(before);
	});

	it('emits a signed event once: a re-sent copy is recognised and starts nothing', async () => {
		const before = await executionCount(workflowId);
		const body = JSON.stringify({
			event: 'meeting.started',
			event_ts: Date.now(),
			payload: { account_id: 'acc-1', object: { id: '555', uuid: 'c29tcGF0', topic: 'Compat', host_id: 'h' } },
		});
		const trackingId = `v=2.0;clid=aw1;rid=WEBHOOK_${randomUUID()}`;
		expect((await postSigned(url, body, { trackingId })).status).toBe(200);
		const executions = await h().n8n.waitForExecutions(workflowId, before + 1, 30_000);
		expect(readRun(executions[0])[TRIGGER].outputs[0]).toEqual([
			expect.objectContaining({ event: 'meeting.started', meetingId: '555', topic: 'Compat', trackingId }),
		]);
		expect(readRun(executions[0]).Done.outputs[0]).toHaveLength(1);

		const again = await postSigned(url, body, { trackingId });
		expect(again.status).toBe(200);
		// Either the node recognises it at the door, or the execution it starts claims nothing.
		await delay(1500);
		const after = await h().n8n.executions(workflowId, 100);
		const emittedRuns = after.filter((execution) => (readRun(execution)[TRIGGER]?.outputs[0] ?? []).length > 0);
		expect(emittedRuns.length - before).toBe(1);
	});

	it('refuses a forged event (signed with another secret) with 401 and starts no execution', async () => {
		const before = await executionCount(workflowId);
		const body = JSON.stringify({ event: 'meeting.started', event_ts: Date.now(), payload: { account_id: 'acc-1', object: { id: '556', uuid: 'Zm9yZ2Vk', topic: 'Forged', host_id: 'h' } } });
		const forged = await postSigned(url, body, { secret: 'not-the-secret-token' });
		expect(forged.status).toBe(401);
		expect(forged.data).toEqual({ status: 401, error: expect.any(String) });
		await delay(1500);
		expect(await executionCount(workflowId)).toBe(before);
	});
});

describe(`n8n ${N8N_VERSION}: Zoom Daily Sync Trigger`, () => {
	it('a poll emits the ended session, and the next poll does not emit it again', async () => {
		const tag = randomUUID().slice(0, 8);
		const host = { email: `compat-host-${tag}@example.com`, first_name: 'Host', last_name: tag };
		const seeded = await h().sandbox.post('/_sandbox/scenario', {
			users: [host],
			meetings: [{ hostEmail: host.email, topic: `ended ${tag}`, ended: { endedMinutesAgo: 90, participants: 2 } }],
		});
		expect(seeded.status).toBeLessThan(300);
		const uuid = seeded.data.meetings[0].instances[0].uuid;
		const workflowId = await h().n8n.createWorkflow({
			name: `compat daily sync ${tag}`,
			nodes: [dailySyncNode(h().credentials.s2s, { hosts: 'list', userIds: host.email }), noOp([250, 0])],
			connections: { [DAILY_SYNC]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1', timezone: 'UTC' },
		});
		try {
			// n8n polls a poll trigger once when its workflow is activated.
			await h().n8n.activate(workflowId);
			const [first] = await h().n8n.waitForExecutions(workflowId, 1, 30_000);
			await h().n8n.deactivate(workflowId);
			expect(readRun(first)[DAILY_SYNC].outputs[0]).toEqual([expect.objectContaining({ uuid, sessionType: 'meeting', topic: `ended ${tag}` })]);

			// The second poll reads the host's list again, finds nothing new, and starts no execution.
			await h().sandbox.delete('/_sandbox/requests');
			await h().n8n.activate(workflowId);
			await waitForRequest(`/v2/report/users/${encodeURIComponent(host.email)}/meetings`);
			await delay(1500);
			await h().n8n.deactivate(workflowId);
			expect(await executionCount(workflowId)).toBe(1);
		} finally {
			await h().n8n.deleteWorkflow(workflowId).catch(() => undefined);
		}
	});
});

describe(`n8n ${N8N_VERSION}: Zoom Connector Trigger over Zoom's WebSocket`, () => {
	it('emits an event sent on the subscription’s connection, with no webhook URL registered', async () => {
		const subscription = await newSubscription();
		const { id, webhookId } = await activeSocketWorkflow(subscription);
		try {
			const scenario = await control<{ meetings: Array<{ id: number }> }>('POST', '/scenario', { meetings: [{ topic: 'Compat socket', ended: { participants: 1 } }] });
			expect((await push(subscription, 'meeting.started', scenario.meetings[0].id)).delivered).toBe(1);
			const [execution] = await h().n8n.waitForExecutions(id, 1, 30_000);
			expect(readRun(execution)[TRIGGER].outputs[0][0]).toMatchObject({ event: 'meeting.started', topic: 'Compat socket' });
			const response = await axios.post(`${h().n8n.state.url}/webhook/${webhookId}/zoom`, '{}', { validateStatus: () => true });
			expect(response.status).toBe(404);
		} finally {
			await h().n8n.deactivate(id);
		}
	});
});
