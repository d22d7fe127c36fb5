/**
 * Registration: Automatic in a real n8n against the sandbox: activating registers one event subscription with
 * the chosen events and n8n's production URL (the sandbox validates the URL on creation as Zoom does, so it
 * exists only if n8n answered the challenge); a meeting ended in the sandbox reaches the workflow with no
 * manual step; deactivating deletes it; changing the events and activating again makes it follow.
 */
import { randomUUID } from 'node:crypto';

import { AUTO_TRIGGER, autoRegistrationWorkflow, productionUrlOf, subscriptionsOf, until } from '../harness/autoRegistration';
import { harness } from '../harness/context';
import { delay } from '../harness/n8n';
import { readRun } from '../harness/workflows';

const h = () => harness();

async function endMeeting(topic: string) {
	const scenario = await h().sandbox.post('/_sandbox/scenario', { meetings: [{ topic }] });
	expect(scenario.status).toBe(200);
	const meetingId = scenario.data.meetings[0].id as number;
	const ended = await h().sandbox.post(`/_sandbox/meetings/${meetingId}/end`, { participants: 2 });
	expect(ended.status).toBe(200);
	return { meetingId, deliveries: ended.data.deliveries as Array<{ url: string; attempts: Array<{ status: number }> }> };
}

describe('Registration: Automatic with a Server-to-Server credential', () => {
	const webhookId = randomUUID();
	const subscriptions = () => subscriptionsOf(webhookId);
	const productionUrl = () => productionUrlOf(webhookId);
	const s2s = () => ({ zoomConnectorServerToServerOAuthApi: h().credentials.s2s });
	let workflowId = '';

	beforeAll(async () => {
		workflowId = await h().n8n.createWorkflow(
			autoRegistrationWorkflow(`auto registration ${webhookId.slice(0, 8)}`, webhookId, { registration: 'automatic', authentication: 'zoomConnectorServerToServerOAuthApi', events: ['meeting.ended'] }, s2s()),
		);
	});

	afterAll(async () => {
		await h().n8n.deactivate(workflowId).catch(() => undefined);
		// Deactivation too runs in the background: let its calls finish before the next test counts calls.
		await until('the subscription to be deleted', subscriptions, (list) => list.length === 0).catch(() => undefined);
		await h().n8n.deleteWorkflow(workflowId).catch(() => undefined);
	});

	it('activation registers one validated subscription with the chosen events and n8n’s production URL', async () => {
		await h().n8n.activate(workflowId);
		// n8n publishes an activation in the background: wait for the subscription to appear.
		const list = await until('the subscription', subscriptions, (found) => found.length > 0);
		expect(list).toEqual([expect.objectContaining({ events: ['meeting.ended'], url: productionUrl(), scope: 'account', accountSubscribed: true })]);
		// The id is kept in the workflow's static data, saved by n8n, so a restarted n8n still finds and deletes it.
		const saved = await until('the saved static data', async () => (await h().n8n.apiCall('GET', `/workflows/${workflowId}`)).staticData, (data) => Boolean(data?.[`node:${AUTO_TRIGGER}`]));
		expect(saved[`node:${AUTO_TRIGGER}`].eventSubscriptions).toEqual({ [productionUrl()]: { id: list[0].id, events: ['meeting.ended'] } });
	});

	it('a meeting ended in the sandbox reaches the workflow with no manual step', async () => {
		const { meetingId, deliveries } = await endMeeting('Auto-registered');
		const ours = deliveries.filter((d) => d.url.includes(webhookId));
		expect(ours).toEqual([expect.objectContaining({ url: productionUrl() })]);
		expect(ours[0].attempts[0].status).toBe(200);
		const [execution] = await h().n8n.waitForExecutions(workflowId, 1);
		const item = readRun(execution)[AUTO_TRIGGER].outputs[0][0];
		expect(item).toEqual(expect.objectContaining({ event: 'meeting.ended', meetingId: String(meetingId), topic: 'Auto-registered' }));
	});

	it('deactivation deletes the subscription', async () => {
		await h().n8n.deactivate(workflowId);
		await until('the subscription to be deleted', subscriptions, (list) => list.length === 0);
	});

	it('changing the events and activating again registers the new events, once', async () => {
		await h().n8n.apiCall(
			'PUT',
			`/workflows/${workflowId}`,
			autoRegistrationWorkflow(`auto registration ${webhookId.slice(0, 8)}`, webhookId, { registration: 'automatic', authentication: 'zoomConnectorServerToServerOAuthApi', events: ['meeting.started', 'meeting.ended'] }, s2s()),
		);
		await h().n8n.activate(workflowId);
		const list = await until('the new subscription', subscriptions, (found) => found.some((s) => s.events.length === 2));
		await delay(1000);
		expect(await subscriptions()).toEqual(list);
		expect(list).toEqual([expect.objectContaining({ events: ['meeting.ended', 'meeting.started'], url: productionUrl() })]);
	});
});

describe('Registration: Automatic with an OAuth2 credential (General app)', () => {
	const webhookId = randomUUID();
	const subscriptions = () => subscriptionsOf(webhookId);
	let workflowId = '';

	beforeAll(async () => {
		workflowId = await h().n8n.createWorkflow(
			autoRegistrationWorkflow(`auto registration oauth ${webhookId.slice(0, 8)}`, webhookId, { registration: 'automatic', authentication: 'zoomConnectorOAuth2Api', events: ['meeting.ended'] }, { zoomConnectorOAuth2Api: h().credentials.oauth2 }),
		);
	});

	afterAll(async () => {
		await h().n8n.deactivate(workflowId).catch(() => undefined);
		await h().n8n.deleteWorkflow(workflowId).catch(() => undefined);
	});

	it('subscribes the connected user with the app’s client-credentials token, delivers their meeting, and deletes it', async () => {
		const logged = (await h().sandbox.get('/_sandbox/requests')).data.length as number;
		await h().n8n.activate(workflowId);
		const [subscription] = await until('the subscription', subscriptions, (found) => found.length > 0);
		const calls = (await h().sandbox.get('/_sandbox/requests')).data.slice(logged).filter((r: { path: string }) => r.path.startsWith('/v2/marketplace/'));
		expect(new Set(calls.map((r: { tokenKind: string }) => r.tokenKind))).toEqual(new Set(['app']));
		expect(subscription).toEqual(expect.objectContaining({ scope: 'user', events: ['meeting.ended'], url: productionUrlOf(webhookId) }));
		expect(subscription.userIds).toHaveLength(1);
		const { deliveries } = await endMeeting('The user’s meeting');
		expect(deliveries.filter((d) => d.url.includes(webhookId)).map((d) => d.attempts[0].status)).toEqual([200]);
		await h().n8n.waitForExecutions(workflowId, 1);
		await h().n8n.deactivate(workflowId);
		await until('the subscription to be deleted', subscriptions, (list) => list.length === 0);
	});
});

describe('Registration: Automatic when activations half-fail', () => {
	const webhookId = randomUUID();
	const subscriptions = () => subscriptionsOf(webhookId);
	const fault = (method: string, count: number, message: string) => ({ method, path: '/v2/marketplace/app/event_subscription/', kind: 'status', status: 400, count, body: { code: 300, message } });
	const publication = async (workflowId: string) => (await h().n8n.restCall('GET', `/workflows/${workflowId}/publication-status`)) as { status: string };
	const savedNodeData = async (workflowId: string) => (await h().n8n.apiCall('GET', `/workflows/${workflowId}`)).staticData?.[`node:${AUTO_TRIGGER}`] ?? {};
	let workflowId = '';

	beforeAll(async () => {
		workflowId = await h().n8n.createWorkflow(
			autoRegistrationWorkflow(`auto registration orphans ${webhookId.slice(0, 8)}`, webhookId, { registration: 'automatic', authentication: 'zoomConnectorServerToServerOAuthApi', events: ['meeting.ended'] }, { zoomConnectorServerToServerOAuthApi: h().credentials.s2s }),
		);
	});

	afterAll(async () => {
		await h().sandbox.delete('/_sandbox/faults');
		await h().n8n.deactivate(workflowId).catch(() => undefined);
		await h().n8n.deleteWorkflow(workflowId).catch(() => undefined);
	});

	it('records each subscription a failed attempt left in the Zoom app, and the next activation deletes them all, then deactivation the one it holds', async () => {
		// Subscribing fails on n8n's five attempts, and so does every deletion meanwhile.
		await h().sandbox.post('/_sandbox/faults', fault('PATCH', 5, 'Sandbox: subscribing failed'));
		await h().sandbox.post('/_sandbox/faults', fault('DELETE', 1000, 'Sandbox: deleting failed'));
		await h().n8n.activate(workflowId);
		const left = await until('five failed attempts', subscriptions, (found) => found.length === 5, 60_000);
		await until('the activation to fail', () => publication(workflowId), (p) => p.status !== 'in_progress', 30_000);
		// What could not be deleted is recorded in the static data n8n saved.
		const recorded = await until('the saved orphans', () => savedNodeData(workflowId), (data) => (data.orphanedSubscriptions ?? []).length === 5);
		expect(new Set(recorded.orphanedSubscriptions)).toEqual(new Set(left.map((s) => s.id)));

		await h().sandbox.delete('/_sandbox/faults');
		await h().n8n.activate(workflowId);
		const held = await until('one subscription, the new one', subscriptions, (found) => found.length === 1 && !left.some((s) => s.id === found[0].id), 60_000);
		await delay(1000);
		expect(await subscriptions()).toEqual(held);
		const saved = await until('the saved static data', () => savedNodeData(workflowId), (data) => Boolean(data.eventSubscriptions?.[productionUrlOf(webhookId)]));
		expect(saved.eventSubscriptions).toEqual({ [productionUrlOf(webhookId)]: { id: held[0].id, events: ['meeting.ended'] } });
		expect(saved.orphanedSubscriptions).toBeUndefined();

		await h().n8n.deactivate(workflowId);
		await until('every subscription to be deleted', subscriptions, (list) => list.length === 0);
	});
});
