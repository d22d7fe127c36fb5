/**
 * meeting.summary_completed end to end in a real n8n: a meeting ends in the sandbox, its AI Companion
 * summary becomes ready, and the sandbox announces it to the Zoom Connector Trigger's URL as Zoom does
 * (signed, Rivet's MeetingSummaryCompletedEvent). The trigger emits it once, with the meeting's fields, and
 * the Zoom Connector's Meeting Summary › Get reads the summary by the UUID the event carried.
 */
import axios from 'axios';
import { randomUUID } from 'node:crypto';

import { harness } from '../harness/context';
import { delay } from '../harness/n8n';
import { readRun, zoomConnectorNode, zoomTriggerNode } from '../harness/workflows';

const h = () => harness();
const TRIGGER = 'Zoom Trigger';

/** n8n answers 404 until the webhook is registered; then the trigger refuses an unsigned POST with 401. */
async function served(url: string): Promise<void> {
	const deadline = Date.now() + 20_000;
	while ((await axios.post(url, '{}', { headers: { 'content-type': 'application/json' }, validateStatus: () => true })).status === 404) {
		if (Date.now() > deadline) throw new Error(`${url} was never registered`);
		await delay(200);
	}
}

describe('meeting.summary_completed from the sandbox', () => {
	let workflowId: string | undefined;
	afterAll(async () => {
		if (workflowId) await h().n8n.deleteWorkflow(workflowId).catch(() => undefined);
	});

	it('reaches the trigger when the summary is ready; Meeting Summary › Get reads it by the event’s UUID', async () => {
		const webhookId = randomUUID();
		const summary = zoomConnectorNode('s2s', { resource: 'meetingSummary', operation: 'get', sessionId: '={{ $json.uuid }}' }, { name: 'Summary' });
		workflowId = await h().n8n.createWorkflow({
			name: `summary completed ${webhookId.slice(0, 8)}`,
			nodes: [zoomTriggerNode(TRIGGER, webhookId, ['meeting.summary_completed'], h().credentials.webhook, [0, 0]), { id: randomUUID(), typeVersion: 1, position: [220, 0], ...summary }],
			connections: { [TRIGGER]: { main: [[{ node: summary.name, type: 'main', index: 0 }]] } },
		});
		await h().n8n.activate(workflowId);
		const url = `${h().n8n.state.url}/webhook/${webhookId}/zoom`;
		await served(url);

		const seeded = await h().sandbox.post('/_sandbox/scenario', { meetings: [{ topic: 'Summary event', ended: { participants: 2 } }] });
		const meeting = seeded.data.meetings[0] as { id: number; instances: Array<{ uuid: string; end_time: string }> };
		const [instance] = meeting.instances;
		const ready = await h().sandbox.post('/_sandbox/summaries', {
			uuid: instance.uuid,
			overview: 'The team agreed on the plan.',
			details: [{ label: 'Plan', summary: 'Ship in May.' }],
			nextSteps: ['Send the notes'],
			sendTo: url,
		});
		expect(ready.status).toBe(200);
		expect(ready.data.delivery.attempts).toEqual([expect.objectContaining({ status: 200 })]);

		const [execution] = await h().n8n.waitForExecutions(workflowId, 1, 60_000);
		const run = readRun(execution);
		expect(run[TRIGGER].outputs[0]).toEqual([
			expect.objectContaining({
				event: 'meeting.summary_completed',
				meetingId: String(meeting.id),
				uuid: instance.uuid,
				topic: 'Summary event',
				endTime: instance.end_time,
				summaryTitle: 'Meeting summary for Summary event',
			}),
		]);
		expect(run.Summary.error).toBeUndefined();
		expect(run.Summary.outputs[0]).toEqual([
			expect.objectContaining({ meeting_uuid: instance.uuid, overview: 'The team agreed on the plan.', nextSteps: ['Send the notes'] }),
		]);
	});
});
