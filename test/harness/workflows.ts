/**
 * Runs nodes of this package inside real n8n workflows: a Webhook node (answering with the last
 * node's output) starts the workflow, the execution is read back from n8n, and each node's output
 * items and error are returned.
 */
import axios from 'axios';
import { randomUUID } from 'node:crypto';

import { authentication, zoomCredentials, type CredentialRef } from './context';
import { delay, type N8n } from './n8n';

export const PKG = 'n8n-nodes-zoom-connector';

/** The Zoom Connector's one version (2: the package's first release dropped a development-only version 1). */
export const ZOOM_CONNECTOR_VERSION = 2;

/** A resource locator's value as n8n saves it; `id` mode unless told. */
export function locator(value: unknown, mode = 'id') {
	return { __rl: true, mode, value };
}

/**
 * POSTs to a just-activated workflow's webhook. n8n registers the webhook a moment after the
 * activation call returns and answers 404 until then, so a 404 is retried for up to `registerMs`.
 */
export async function postToWebhook(url: string, body: unknown, options: { registerMs?: number; timeoutMs?: number } = {}) {
	const deadline = Date.now() + (options.registerMs ?? 20_000);
	for (;;) {
		const response = await axios.post(url, body, { validateStatus: () => true, timeout: options.timeoutMs ?? 300_000 });
		if (response.status !== 404 || Date.now() > deadline) return response;
		await delay(200);
	}
}

type Credential = { id: string; name: string };

/** The Zoom Connector Trigger on `path` "zoom" for `events`, named `name`. */
export function zoomTriggerNode(name: string, webhookId: string, events: string[], webhookCredential: Credential, position: [number, number]) {
	return {
		id: randomUUID(),
		name,
		type: `${PKG}.zoomConnectorTrigger`,
		typeVersion: 1,
		position,
		webhookId,
		parameters: { path: 'zoom', events },
		credentials: { zoomConnectorWebhookApi: webhookCredential },
	};
}

export const DAILY_SYNC = 'Daily Sync';

/** The Zoom Daily Sync Trigger (Server-to-Server, polling daily at 08:00) with `parameters` on top. */
export function dailySyncNode(s2sCredential: Credential, parameters: Record<string, unknown>, position: [number, number] = [0, 0]) {
	return {
		id: randomUUID(),
		name: DAILY_SYNC,
		type: `${PKG}.zoomDailySyncTrigger`,
		typeVersion: 1,
		position,
		parameters: {
			authentication: 'zoomConnectorServerToServerOAuthApi',
			pollTimes: { item: [{ mode: 'everyDay', hour: 8, minute: 0 }] },
			...parameters,
		},
		credentials: { zoomConnectorServerToServerOAuthApi: s2sCredential },
	};
}

/**
 * Get Participants of each incoming session (its `uuid`) with Skip Sessions Already Processed: the node
 * both triggers feed in a workflow that syncs each ended session once.
 */
export function participantsSkippingProcessed(s2sCredential: Credential, position: [number, number]) {
	return {
		id: randomUUID(),
		name: 'Participants',
		type: `${PKG}.zoomConnector`,
		typeVersion: ZOOM_CONNECTOR_VERSION,
		position,
		credentials: { zoomConnectorServerToServerOAuthApi: s2sCredential },
		parameters: {
			authentication: 'zoomConnectorServerToServerOAuthApi',
			resource: 'pastSession',
			operation: 'getParticipants',
			sessionType: 'meeting',
			sessionId: { __rl: true, mode: 'id', value: '={{ $json.uuid }}' },
			returnAll: true,
			addSessionFields: false,
			skipProcessedSessions: true,
		},
	};
}

export interface NodeSpec {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	typeVersion?: number;
	credentials?: Record<string, { id: string; name: string }>;
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	webhookId?: string;
}

/** A Zoom Connector node with the harness's credential of that kind (or `credential`), named Zoom unless `name` says. */
export function zoomConnectorNode(
	kind: 'oauth2' | 's2s',
	parameters: Record<string, unknown>,
	options: Partial<NodeSpec> & { credential?: CredentialRef } = {},
): NodeSpec {
	const { credential, ...extra } = options;
	return {
		name: 'Zoom',
		type: `${PKG}.zoomConnector`,
		typeVersion: ZOOM_CONNECTOR_VERSION,
		parameters: { authentication: authentication(kind), ...parameters },
		credentials: zoomCredentials(kind, credential),
		...extra,
	};
}

export interface NodeRun {
	/** Output items' json per output index. */
	outputs: Array<Array<Record<string, any>>>;
	/** Full items (json, binary, pairedItem) per output index. */
	items: Array<Array<{ json: Record<string, any>; binary?: Record<string, any>; pairedItem?: any }>>;
	error?: { message: string; description?: string; httpCode?: string; context?: Record<string, unknown>; name?: string };
}

export interface WorkflowRun {
	status: number;
	response: any;
	execution: any;
	nodes: Record<string, NodeRun>;
	/** Output items of one node's first output. */
	json(node: string, output?: number): Array<Record<string, any>>;
}

export function readRun(execution: any): Record<string, NodeRun> {
	const runData = execution?.data?.resultData?.runData ?? {};
	const result: Record<string, NodeRun> = {};
	for (const [name, runs] of Object.entries<any[]>(runData)) {
		const run = runs[runs.length - 1];
		const main: any[][] = run?.data?.main ?? [];
		result[name] = {
			items: main.map((output) => output ?? []),
			outputs: main.map((output) => (output ?? []).map((item: any) => item.json)),
			error: run?.error,
		};
	}
	return result;
}

/**
 * A workflow Webhook → [Split Out of body.items] → nodes (a chain), created and activated once, run
 * as often as needed.
 */
export class NodeWorkflow {
	private workflowId?: string;
	readonly path = `run-${randomUUID()}`;
	private runs = 0;

	constructor(
		private readonly n8n: N8n,
		private readonly nodes: NodeSpec[],
		private readonly options: { splitItems?: boolean; name?: string } = {},
	) {}

	get id(): string | undefined {
		return this.workflowId;
	}

	private definition(): Record<string, unknown> {
		const start: NodeSpec = {
			name: 'Start',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: randomUUID(),
			parameters: {
				httpMethod: 'POST',
				path: this.path,
				responseMode: 'lastNode',
				responseData: 'allEntries',
				options: {},
			},
		};
		const chain: NodeSpec[] = [start];
		if (this.options.splitItems) {
			chain.push({
				name: 'Items',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				parameters: { fieldToSplitOut: 'body.items', options: {} },
			});
		}
		chain.push(...this.nodes);
		const connections: Record<string, unknown> = {};
		for (let i = 0; i < chain.length - 1; i++) {
			connections[chain[i].name] = { main: [[{ node: chain[i + 1].name, type: 'main', index: 0 }]] };
		}
		return {
			name: this.options.name ?? `harness ${this.path}`,
			nodes: chain.map((node, index) => ({
				id: randomUUID(),
				typeVersion: node.type === `${PKG}.zoomConnector` ? ZOOM_CONNECTOR_VERSION : 1,
				position: [index * 220, 0],
				...node,
			})),
			connections,
		};
	}

	async ensure(): Promise<string> {
		if (!this.workflowId) {
			this.workflowId = await this.n8n.createWorkflow(this.definition());
			await this.n8n.activate(this.workflowId);
		}
		return this.workflowId;
	}

	/** Runs the workflow once with `body` as the webhook's JSON body (`items` for Split Out). */
	async run(body: Record<string, unknown> = {}): Promise<WorkflowRun> {
		const workflowId = await this.ensure();
		const response = await postToWebhook(`${this.n8n.state.url}/webhook/${this.path}`, body);
		if (response.status === 404) {
			throw new Error(`the webhook of workflow ${workflowId} is not registered: ${JSON.stringify(response.data)}`);
		}
		this.runs++;
		const executions = await this.n8n.waitForExecutions(workflowId, this.runs, 60_000).catch((error: Error) => {
			throw new Error(`${error.message}; the webhook answered ${response.status} ${JSON.stringify(response.data).slice(0, 500)}`);
		});
		const execution = executions[0];
		const nodes = readRun(execution);
		return {
			status: response.status,
			response: response.data,
			execution,
			nodes,
			json: (node: string, output = 0) => nodes[node]?.outputs[output] ?? [],
		};
	}

	async remove(): Promise<void> {
		if (this.workflowId) await this.n8n.deleteWorkflow(this.workflowId).catch(() => undefined);
	}
}

/** Runs one Zoom Connector node in n8n (each input item its own run of the node when `items` are given). */
export async function runZoomConnector(
	n8n: N8n,
	kind: 'oauth2' | 's2s',
	parameters: Record<string, unknown>,
	options: { items?: Array<Record<string, unknown>>; continueOnFail?: boolean } = {},
): Promise<WorkflowRun> {
	const node = zoomConnectorNode(kind, parameters, options.continueOnFail ? { onError: 'continueRegularOutput' } : {});
	const workflow = new NodeWorkflow(n8n, [node], { splitItems: options.items !== undefined });
	try {
		return await workflow.run(options.items ? { items: options.items } : {});
	} finally {
		await workflow.remove();
	}
}
