/**
 * A workflow around the Zoom Attendance Match in a real n8n: Webhook → one Split Out per input list
 * (participants unless the node fetches them from Zoom, registrations and, with Include Engagement,
 * engagement) → the node's inputs in order; each of its three outputs is read back from the execution.
 */
import { randomUUID } from 'node:crypto';

import { harness } from './context';
import { PKG, postToWebhook, readRun, type NodeRun } from './workflows';

export const MATCH = 'Zoom Attendance Match';

const INPUTS = [
	{ list: 'participants', name: 'Participants' },
	{ list: 'registrations', name: 'Registrations' },
	{ list: 'engagement', name: 'Engagement' },
	// The Start input, drawn when both lists are read from Zoom: its items only run the node.
	{ list: 'run', name: 'Run' },
];

export class MatchWorkflow {
	readonly path = `attendance-${randomUUID()}`;
	private id?: string;
	private runs = 0;

	/** `lists`: the body's lists that get a Split Out, in the order of the node's inputs. */
	constructor(
		private readonly parameters: Record<string, unknown>,
		private readonly onError?: string,
		private readonly lists: Array<'participants' | 'registrations' | 'engagement' | 'run'> = ['participants', 'registrations'],
		private readonly credentials?: Record<string, { id: string; name: string }>,
	) {}

	async run(body: Record<string, unknown>): Promise<{ status: number; nodes: Record<string, NodeRun>; execution: any }> {
		const { n8n } = harness();
		const inputs = this.lists.map((list) => INPUTS.find((input) => input.list === list)!);
		if (!this.id) {
			this.id = await n8n.createWorkflow({
				name: `attendance match ${this.path}`,
				nodes: [
					{
						id: randomUUID(),
						name: 'Start',
						type: 'n8n-nodes-base.webhook',
						typeVersion: 2,
						webhookId: randomUUID(),
						position: [0, 0],
						parameters: { httpMethod: 'POST', path: this.path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
					},
					...inputs.map(({ list, name }, index) => ({
						id: randomUUID(),
						name,
						type: 'n8n-nodes-base.splitOut',
						typeVersion: 1,
						position: [220, index * 200],
						parameters: { fieldToSplitOut: `body.${list}`, options: {} },
					})),
					{
						id: randomUUID(),
						name: MATCH,
						type: `${PKG}.zoomAttendanceMatch`,
						typeVersion: 2,
						position: [440, 100],
						parameters: this.parameters,
						...(this.credentials ? { credentials: this.credentials } : {}),
						...(this.onError ? { onError: this.onError } : {}),
					},
				],
				connections: {
					Start: { main: [inputs.map(({ name }) => ({ node: name, type: 'main', index: 0 }))] },
					...Object.fromEntries(inputs.map(({ name }, index) => [name, { main: [[{ node: MATCH, type: 'main', index }]] }])),
				},
			});
			await n8n.activate(this.id);
		}
		const response = await postToWebhook(`${n8n.state.url}/webhook/${this.path}`, body, { timeoutMs: 60_000 });
		if (response.status === 404) throw new Error(`the webhook of ${this.path} was never registered`);
		this.runs++;
		const [execution] = await n8n.waitForExecutions(this.id, this.runs, 60_000);
		return { status: response.status, nodes: readRun(execution), execution };
	}

	async remove(): Promise<void> {
		if (this.id) await harness().n8n.deleteWorkflow(this.id).catch(() => undefined);
	}
}
