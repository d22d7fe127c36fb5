/** WebSocket delivery in the n8n tests: the sandbox's /ws connections and a WebSocket trigger workflow. */
import { randomUUID } from 'node:crypto';

import type { WsConnectionRecord } from '../../sandbox/websocket';
import { harness } from './context';
import { delay } from './n8n';
import { PKG } from './workflows';

const h = () => harness();
export const SOCKET_TRIGGER = 'Zoom Trigger';
const TRIGGER = SOCKET_TRIGGER;

/** A connection as GET /_sandbox/websockets/connections lists it. */
export type Connection = WsConnectionRecord;

export async function control<T = any>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
	const response = await h().sandbox.request({ method, url: `/_sandbox${path}`, data: body });
	if (response.status !== 200) throw new Error(`sandbox ${path} → ${response.status} ${JSON.stringify(response.data)}`);
	return response.data as T;
}

export async function newSubscription(events = ['*']): Promise<string> {
	return (await control<{ id: string }>('POST', '/websockets/subscriptions', { events })).id;
}

export async function connectionsOf(subscriptionId: string): Promise<Connection[]> {
	return (await control<Connection[]>('GET', '/websockets/connections')).filter((c) => c.subscriptionId === subscriptionId);
}

export async function waitForConnections(subscriptionId: string, ok: (all: Connection[]) => boolean, what: string, timeoutMs = 20_000): Promise<Connection[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const all = await connectionsOf(subscriptionId);
		if (ok(all)) return all;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(all)}`);
		await delay(200);
	}
}

export const openOnes = (all: Connection[]) => all.filter((c) => !c.closedAt);

export function socketWorkflow(subscriptionId: string, parameters: Record<string, unknown> = {}) {
	const webhookId = randomUUID();
	return {
		webhookId,
		workflow: {
			name: `websocket trigger ${webhookId.slice(0, 8)}`,
			nodes: [
				{
					id: randomUUID(),
					name: TRIGGER,
					type: `${PKG}.zoomConnectorTrigger`,
					typeVersion: 1,
					webhookId,
					position: [0, 0],
					parameters: {
						delivery: 'websocket',
						websocketUrl: `${h().sandboxUrl.replace(/^http/, 'ws')}/ws?subscriptionId=${subscriptionId}`,
						...parameters,
					},
					credentials: { zoomConnectorServerToServerOAuthApi: h().credentials.s2s },
				},
				{ id: randomUUID(), name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
			],
			connections: { [TRIGGER]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		},
	};
}

/** Creates and activates a WebSocket trigger workflow, and waits until its connection is open. */
export async function activeSocketWorkflow(subscriptionId: string, parameters: Record<string, unknown> = {}) {
	const { webhookId, workflow } = socketWorkflow(subscriptionId, parameters);
	const id = await h().n8n.createWorkflow(workflow);
	await h().n8n.activate(id);
	await waitForConnections(subscriptionId, (all) => openOnes(all).length === 1, 'the trigger’s connection');
	return { id, webhookId };
}


/** Zoom sends an event on the subscription's open connections (the sandbox builds it as for a webhook). */
export async function push(subscriptionId: string, event: string, meetingId?: number, eventTs?: number): Promise<{ delivered: number; body: string }> {
	return await control('POST', '/websockets/send', { subscriptionId, event, meetingId, eventTs });
}
