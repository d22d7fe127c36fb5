/**
 * The Zoom Connector Trigger's WebSocket delivery in a real n8n against the sandbox's /ws: events arrive
 * with no webhook URL registered, in the webhook's item shape; a cut connection comes back; a token
 * expiring mid-connection is replaced (renewed before it runs out, and reconnected after Zoom closes an
 * expired one); deactivation closes the connection; one subscription is held by one trigger.
 */
import axios from 'axios';

import { harness } from '../harness/context';
import { delay } from '../harness/n8n';
import {
	activeSocketWorkflow,
	connectionsOf,
	control,
	newSubscription,
	openOnes,
	push,
	SOCKET_TRIGGER,
	socketWorkflow,
	waitForConnections,
} from '../harness/socketDelivery';
import { readRun } from '../harness/workflows';

const h = () => harness();
const TRIGGER = SOCKET_TRIGGER;

async function endedMeeting(topic: string): Promise<number> {
	const scenario = await control<{ meetings: Array<{ id: number }> }>('POST', '/scenario', { meetings: [{ topic, ended: { participants: 2 } }] });
	return scenario.meetings[0].id;
}

function triggerItems(execution: any): Array<Record<string, any>> {
	return readRun(execution)[TRIGGER]?.outputs[0] ?? [];
}

/**
 * n8n 2.x activates triggers after the activation call returns, retrying a failing one 5 times (1 s,
 * 2 s, 4 s, 8 s apart); the editor then shows the node's error from the workflow's publication status.
 */
async function waitForActivationError(workflowId: string, pattern: RegExp): Promise<void> {
	const deadline = Date.now() + 40_000;
	let seen = '';
	for (;;) {
		seen = JSON.stringify(await h().n8n.restCall('GET', `/workflows/${workflowId}/publication-status`));
		if (pattern.test(seen)) return;
		if (Date.now() > deadline) throw new Error(`no activation error matching ${pattern} for ${workflowId}: ${seen}`);
		await delay(500);
	}
}

const cleanup: string[] = [];
afterEach(async () => {
	for (const id of cleanup.splice(0)) {
		await h().n8n.deactivate(id).catch(() => undefined);
	}
});

describe('WebSocket delivery', () => {
	it('emits events from the socket, in the webhook item’s shape, with no webhook URL registered', async () => {
		const subscription = await newSubscription();
		const { id, webhookId } = await activeSocketWorkflow(subscription, { events: ['meeting.ended'] });
		cleanup.push(id);
		const meetingId = await endedMeeting('Socket sync');
		expect((await push(subscription, 'meeting.started', meetingId)).delivered).toBe(1);
		const sent = await push(subscription, 'meeting.ended', meetingId);
		expect(sent.delivered).toBe(1);
		const [execution] = await h().n8n.waitForExecutions(id, 1, 30_000);
		const envelope = JSON.parse(sent.body);
		const [item] = triggerItems(execution);
		expect(item).toMatchObject({
			event: 'meeting.ended',
			meetingId: String(meetingId),
			uuid: envelope.payload.object.uuid,
			topic: 'Socket sync',
			endTime: envelope.payload.object.end_time,
			accountId: envelope.payload.account_id,
			payload: envelope.payload,
		});
		expect(typeof item.receiptId).toBe('string');
		expect(readRun(execution).Done.outputs[0]).toHaveLength(1);
		// The unselected meeting.started started nothing.
		await delay(1000);
		expect(await h().n8n.executions(id, 10)).toHaveLength(1);
		// No URL for Zoom to post to: n8n has no route for this trigger, production or test.
		for (const prefix of ['webhook', 'webhook-test']) {
			const response = await axios.post(`${h().n8n.state.url}/${prefix}/${webhookId}/zoom`, '{}', { validateStatus: () => true });
			expect(response.status).toBe(404);
		}
	});

	it('emits an event Zoom sends twice (as on the old and the new connection of a renewal) once', async () => {
		const subscription = await newSubscription();
		const { id } = await activeSocketWorkflow(subscription);
		cleanup.push(id);
		const meetingId = await endedMeeting('Said twice');
		const eventTs = Date.now();
		const first = await push(subscription, 'meeting.started', meetingId, eventTs);
		const second = await push(subscription, 'meeting.started', meetingId, eventTs);
		expect(second.body).toBe(first.body);
		const [execution] = await h().n8n.waitForExecutions(id, 1, 30_000);
		expect(triggerItems(execution)).toHaveLength(1);
		await delay(1500);
		expect(await h().n8n.executions(id, 10)).toHaveLength(1);
	});

	it('comes back after the connection is cut, and emits what Zoom sends after that', async () => {
		const subscription = await newSubscription();
		const { id } = await activeSocketWorkflow(subscription);
		cleanup.push(id);
		expect(await control('POST', '/websockets/kill', { subscriptionId: subscription })).toEqual({ killed: 1 });
		const all = await waitForConnections(subscription, (c) => c.length === 2 && openOnes(c).length === 1, 'a new connection');
		expect(all[0].closedBy).toBe('killed');
		expect(all[1].tokenTail).not.toBe(all[0].tokenTail);
		const sent = await push(subscription, 'meeting.started', await endedMeeting('After the cut'));
		expect(sent.delivered).toBe(1);
		const [execution] = await h().n8n.waitForExecutions(id, 1, 30_000);
		expect(triggerItems(execution)[0]).toMatchObject({ event: 'meeting.started', topic: 'After the cut' });
	});

	it('reconnects with a fresh token when Zoom closes the connection because its token expired', async () => {
		const subscription = await newSubscription();
		const { id } = await activeSocketWorkflow(subscription);
		cleanup.push(id);
		expect(await control('POST', '/websockets/expire', { subscriptionId: subscription })).toEqual({ expired: 1 });
		const all = await waitForConnections(subscription, (c) => c.length === 2 && openOnes(c).length === 1, 'a new connection');
		expect(all[0]).toMatchObject({ closedBy: 'expired', closeCode: 4001 });
		expect(all[1].tokenTail).not.toBe(all[0].tokenTail);
		await push(subscription, 'meeting.started', await endedMeeting('After expiry'));
		const [execution] = await h().n8n.waitForExecutions(id, 1, 30_000);
		expect(triggerItems(execution)[0]).toMatchObject({ topic: 'After expiry' });
	});

	it('renews its token before it expires (a new connection first), heartbeating meanwhile', async () => {
		const subscription = await newSubscription();
		const ttl = (await control<{ tokenTtlSeconds: number }>('GET', '/config')).tokenTtlSeconds;
		// A 40 s token is renewed at 32 s (80% of its life), after one 30 s heartbeat.
		await control('POST', '/config', { tokenTtlSeconds: 40 });
		try {
			const { id } = await activeSocketWorkflow(subscription);
			cleanup.push(id);
			const all = await waitForConnections(subscription, (c) => c.length === 2, 'the renewed connection', 50_000);
			const [first, second] = all;
			expect(first).toMatchObject({ closedBy: 'client', closeCode: 1000, closeReason: 'token renewed' });
			expect(Date.parse(first.closedAt!)).toBeLessThan(Date.parse(first.tokenExpiresAt));
			expect(Date.parse(second.openedAt)).toBeLessThanOrEqual(Date.parse(first.closedAt!));
			expect(first.heartbeats).toBeGreaterThanOrEqual(1);
			await push(subscription, 'meeting.started', await endedMeeting('After renewal'));
			const [execution] = await h().n8n.waitForExecutions(id, 1, 30_000);
			expect(triggerItems(execution)[0]).toMatchObject({ topic: 'After renewal' });
		} finally {
			await control('POST', '/config', { tokenTtlSeconds: ttl });
		}
	});

	it('does not spin when the token answer claims a lifetime of a millisecond: one connection, renewed no sooner than 10 s', async () => {
		const subscription = await newSubscription();
		// A real token of the app (an hour long in the sandbox), handed out by the token endpoint with expires_in 0.001.
		const minted = await control<{ access_token: string }>('POST', '/tokens', { kind: 's2s' });
		await control('POST', '/faults', { method: 'POST', path: '/oauth/token', kind: 'status', status: 200, count: 1000, body: { access_token: minted.access_token, token_type: 'bearer', expires_in: 0.001 } });
		try {
			const before = (await control<Array<{ path: string }>>('GET', '/requests')).filter((r) => r.path === '/oauth/token').length;
			const { id } = await activeSocketWorkflow(subscription);
			cleanup.push(id);
			await delay(4000);
			const tokenRequests = (await control<Array<{ path: string }>>('GET', '/requests')).filter((r) => r.path === '/oauth/token').length - before;
			const connections = await connectionsOf(subscription);
			console.log(`expires_in 0.001: ${tokenRequests} token requests and ${connections.length} connections in about 4 s`);
			expect(connections).toHaveLength(1);
			expect(tokenRequests).toBe(1);
		} finally {
			await h().sandbox.delete('/_sandbox/faults');
		}
	});

	it('holds a subscription with one trigger only, and closes its connection on deactivation', async () => {
		const subscription = await newSubscription();
		const { id } = await activeSocketWorkflow(subscription);
		cleanup.push(id);
		const second = await h().n8n.createWorkflow(socketWorkflow(subscription).workflow);
		cleanup.push(second);
		await h().n8n.activate(second);
		await waitForActivationError(second, /already held by another active Zoom Connector Trigger in this n8n/);
		expect(openOnes(await connectionsOf(subscription))).toHaveLength(1);
		await h().n8n.deactivate(id);
		const all = await waitForConnections(subscription, (c) => openOnes(c).length === 0, 'the connection to close');
		expect(all).toHaveLength(1);
		expect(all[0]).toMatchObject({ closedBy: 'client', closeCode: 1000, closeReason: 'trigger deactivated' });
		// Freed: the other workflow may hold it now.
		await h().n8n.deactivate(second);
		await h().n8n.activate(second);
		await waitForConnections(subscription, (c) => openOnes(c).length === 1, 'the second trigger’s connection');
	});

	it('listens for a test event in the editor: a manual run connects, takes the next event and lets go', async () => {
		const subscription = await newSubscription();
		const id = await h().n8n.createWorkflow(socketWorkflow(subscription).workflow);
		const started = await h().n8n.restCall<{ executionId?: string; waitingForWebhook?: boolean }>('POST', `/workflows/${id}/run`, {
			triggerToStartFrom: { name: TRIGGER },
		});
		expect(started.waitingForWebhook).not.toBe(true);
		await waitForConnections(subscription, (c) => openOnes(c).length === 1, 'the manual run’s connection');
		await push(subscription, 'meeting.started', await endedMeeting('Test event'));
		const [execution] = await h().n8n.waitForExecutions(id, 1, 30_000);
		expect(execution.mode).toBe('manual');
		expect(triggerItems(execution)[0]).toMatchObject({ event: 'meeting.started', topic: 'Test event' });
		const all = await waitForConnections(subscription, (c) => openOnes(c).length === 0, 'the manual run to let go');
		expect(all).toHaveLength(1);
		expect(all[0]).toMatchObject({ closedBy: 'client', closeReason: 'trigger deactivated' });
	});

	it('refuses to send the token to a URL that is not safe for it, naming the fix', async () => {
		const { workflow } = socketWorkflow('x', { websocketUrl: 'ws://zoom.example.com/ws?subscriptionId=abc' });
		const id = await h().n8n.createWorkflow(workflow);
		cleanup.push(id);
		await h().n8n.activate(id);
		await waitForActivationError(id, /would send the access token unencrypted: use wss:\/\//);
	});
});
