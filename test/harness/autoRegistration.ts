/**
 * What the tests of Registration: Automatic share: a workflow with the Zoom Connector Trigger (version 1.1) and the
 * sandbox's event subscriptions for one trigger's URLs, read through the sandbox's control API.
 */
import { randomUUID } from 'node:crypto';

import type { EventSubscription } from '../../sandbox/eventSubscriptions';
import { harness } from './context';
import { delay } from './n8n';
import { PKG } from './workflows';

export const AUTO_TRIGGER = 'Zoom Trigger';

/** A subscription as GET /_sandbox/event_subscriptions lists it. */
export type SandboxSubscription = Omit<EventSubscription, 'userIds'> & { userIds: string[] };

/** The sandbox's event subscriptions for one trigger's URLs (other tests share the sandbox, which is not reset: that would void the OAuth2 credential's tokens). */
export async function subscriptionsOf(webhookId: string): Promise<SandboxSubscription[]> {
	const response = await harness().sandbox.get('/_sandbox/event_subscriptions');
	if (response.status !== 200) throw new Error(`GET /_sandbox/event_subscriptions answered ${response.status}`);
	return (response.data as SandboxSubscription[]).filter((s) => s.url.includes(`/${webhookId}/`));
}

/** The trigger's production URL in the harness's n8n (its webhook path is `zoom`). */
export const productionUrlOf = (webhookId: string): string => `${harness().n8n.state.url}/webhook/${webhookId}/zoom`;

/** A workflow: the Zoom Connector Trigger 1.1 (with the shared webhook credential and `credentials`) → No Operation. */
export function autoRegistrationWorkflow(name: string, webhookId: string, parameters: Record<string, unknown>, credentials: Record<string, unknown>) {
	return {
		name,
		nodes: [
			{
				id: randomUUID(),
				name: AUTO_TRIGGER,
				type: `${PKG}.zoomConnectorTrigger`,
				typeVersion: 1.1,
				webhookId,
				position: [0, 0],
				parameters: { path: 'zoom', ...parameters },
				credentials: { zoomConnectorWebhookApi: harness().credentials.webhook, ...credentials },
			},
			{ id: randomUUID(), name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
		],
		connections: { [AUTO_TRIGGER]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** Reads until `ok` holds (n8n activates and deactivates in the background), failing with the last value read. */
export async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (ok(value)) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
		await delay(200);
	}
}
