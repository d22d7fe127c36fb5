/**
 * Listening for a test event in a real n8n (the editor's "Listen for test event", through n8n's REST API):
 * with Registration: Automatic the test URL gets its own event subscription while n8n listens, a meeting ended
 * in the sandbox arrives there, and the subscription is gone afterwards; with nothing from Zoom, Options →
 * Sample After gives one sample item per selected event, marked _sample.
 */
import { randomUUID } from 'node:crypto';

import { subscriptionsOf, until } from '../harness/autoRegistration';
import { harness } from '../harness/context';
import { delay } from '../harness/n8n';
import { PKG, readRun } from '../harness/workflows';

const h = () => harness();
const TRIGGER = 'Zoom Trigger';

async function listeningWorkflow(parameters: Record<string, unknown>, credentials: Record<string, unknown> = {}) {
	const webhookId = randomUUID();
	const id = await h().n8n.createWorkflow({
		name: `listening ${webhookId.slice(0, 8)}`,
		nodes: [
			{ id: randomUUID(), name: TRIGGER, type: `${PKG}.zoomConnectorTrigger`, typeVersion: 1.1, webhookId, position: [0, 0], parameters: { path: 'zoom', ...parameters }, credentials: { zoomConnectorWebhookApi: h().credentials.webhook, ...credentials } },
			{ id: randomUUID(), name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
		],
		connections: { [TRIGGER]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
	});
	const started = await h().n8n.rest.post(`/workflows/${id}/run`, { triggerToStartFrom: { name: TRIGGER } });
	expect(started.status).toBe(200);
	expect(started.data.data).toEqual(expect.objectContaining({ waitingForWebhook: true }));
	return { id, webhookId };
}

function triggerItems(execution: any): Array<Record<string, any>> {
	return readRun(execution)[TRIGGER]?.outputs[0] ?? [];
}

describe('listening for a test event', () => {
	it('with nothing from Zoom, gives one sample item per selected event after the set time', async () => {
		const { id } = await listeningWorkflow({ registration: 'manual', events: ['meeting.ended', 'webinar.registration_approved'], settings: { sampleAfterSeconds: 1 } });
		const [execution] = await h().n8n.waitForExecutions(id, 1);
		expect(execution.mode).toBe('manual');
		const items = triggerItems(execution);
		expect(items.map((item) => [item.event, item._sample])).toEqual([
			['meeting.ended', true],
			['webinar.registration_approved', true],
		]);
		expect(items[1]).toEqual(expect.objectContaining({ webinarId: expect.any(String), registrantEmail: expect.any(String) }));
		await h().n8n.deleteWorkflow(id);
	});

	it('with Registration: Automatic, registers the test URL while listening, takes the real event first, and cleans up', async () => {
		const { id, webhookId } = await listeningWorkflow(
			{ registration: 'automatic', authentication: 'zoomConnectorServerToServerOAuthApi', events: ['meeting.ended'], settings: { sampleAfterSeconds: 8 } },
			{ zoomConnectorServerToServerOAuthApi: h().credentials.s2s },
		);
		const [subscription] = await until('the test URL’s subscription', () => subscriptionsOf(webhookId), (list) => list.length > 0);
		expect(subscription.url).toBe(`${h().n8n.state.url}/webhook-test/${webhookId}/zoom`);
		const scenario = await h().sandbox.post('/_sandbox/scenario', { meetings: [{ topic: 'Heard while listening' }] });
		await h().sandbox.post(`/_sandbox/meetings/${scenario.data.meetings[0].id}/end`, {});
		const [execution] = await h().n8n.waitForExecutions(id, 1);
		expect(triggerItems(execution)).toEqual([expect.objectContaining({ event: 'meeting.ended', topic: 'Heard while listening' })]);
		expect(triggerItems(execution)[0]._sample).toBeUndefined();
		await until('the test URL’s subscription to be deleted', () => subscriptionsOf(webhookId), (list) => list.length === 0);
		// The sample was cancelled by the real event: no second execution when its time has passed.
		await delay(9000);
		expect(await h().n8n.executions(id)).toHaveLength(1);
		await h().n8n.deleteWorkflow(id);
	});
});
