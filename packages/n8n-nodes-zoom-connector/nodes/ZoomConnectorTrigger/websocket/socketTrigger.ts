/**
 * The trigger's WebSocket delivery: for an n8n that Zoom cannot reach (no public HTTPS URL), the node
 * opens the app's event-subscription WebSocket itself and emits each event as the webhook delivery
 * does (item.ts), through the same once-only run (execute() and shared/ledger.ts).
 *
 * One consumer per subscription: n8n runs trigger() only on the main instance (in queue mode workers
 * and webhook processors never activate triggers; with several mains, only the leader does, and it
 * closes them when it steps down), and within one process a subscription is held by one trigger only.
 */
import { randomUUID } from 'node:crypto';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	ITriggerFunctions,
	ITriggerResponse,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { SubscriptionHolder, type SocketFactory, type ZoomSocket } from './connection';
import { checkEndpoint } from './endpoint';
import { mintSocketToken, type RequestContext } from './token';
import { deliveryKeys, emptySeen, hasSeen, remember, type SeenRecord } from '../deliveries';
import { isSelected, summarise } from '../item';
import type { ZoomEnvelope } from '../signature';
import type { ZoomEnvironment } from '../../shared/environment';

/** Node.js 22 and newer have the WHATWG WebSocket client built in; older ones have none. */
declare const WebSocket: (new (url: string) => ZoomSocket) | undefined;

export const NO_WEBSOCKET_CLIENT =
	'WebSocket delivery needs Node.js 22 or newer, which has a WebSocket client built in; this n8n runs on a Node.js without one. Update Node.js (n8n 2.x requires 22 or newer), or choose Webhook delivery.';

/** Subscriptions held in this process, by subscription id: which trigger holds each. */
const holders = new Map<string, string>();

/** Events a connection handed over moments ago, per trigger: a renewal's overlap can bring one twice. */
const recentEvents = new Map<string, SeenRecord>();
const AT_THE_DOOR = { maxEntries: 2000, maxAgeSeconds: 120 };

function builtInWebSocket(): SocketFactory | undefined {
	if (typeof WebSocket !== 'function') return undefined;
	const Client = WebSocket;
	return (url) => new Client(url);
}

/** What holding a subscription needs from n8n: a trigger's context, or a manual run's (execute()). */
export type SocketContext = Pick<
	ITriggerFunctions,
	'getNode' | 'getWorkflow' | 'getCredentials' | 'logger'
> &
	RequestContext;

export interface HoldOptions {
	websocketUrl: unknown;
	events: string[];
	emit(item: IDataObject): void;
	/** Who holds it: the trigger while active, or a manual run listening for a test event. */
	role: 'active' | 'manual';
	openSocket?: SocketFactory;
}

/** The trigger's trigger(): holds the subscription and emits each selected event. */
export async function holdSubscription(context: ITriggerFunctions): Promise<ITriggerResponse> {
	return await hold(context, {
		websocketUrl: context.getNodeParameter('websocketUrl', ''),
		events: context.getNodeParameter('events', ['*']) as string[],
		// Read at each event: in a manual run n8n replaces emit after trigger() returns.
		emit: (item) => context.emit([context.helpers.returnJsonArray(item)]),
		role: 'active',
	});
}

export async function hold(
	context: SocketContext,
	options: HoldOptions,
): Promise<ITriggerResponse> {
	const openSocket = 'openSocket' in options ? options.openSocket : builtInWebSocket();
	const node = context.getNode();
	if (!openSocket) throw new NodeOperationError(node, NO_WEBSOCKET_CLIENT);
	const credentials: ICredentialDataDecryptedObject = await context.getCredentials(
		'zoomConnectorServerToServerOAuthApi',
	);
	const environment = (credentials.environment as ZoomEnvironment | undefined) ?? 'zoom';
	const checked = checkEndpoint(options.websocketUrl, environment);
	if (!checked.ok) {
		throw new NodeOperationError(node, checked.problem, {
			description: 'Fix the WebSocket URL parameter.',
		});
	}
	const { endpoint } = checked;
	const owner = `${context.getWorkflow().id ?? ''}:${node.id}:${options.role}`;
	const holder = holders.get(endpoint.subscriptionId);
	if (holder !== undefined && holder !== owner) {
		const [workflowId, nodeId] = holder.split(':');
		const fix =
			workflowId === (context.getWorkflow().id ?? '') && nodeId === node.id
				? 'This workflow is active and holds it, so its events already run the workflow: deactivate it to listen for a test event here.'
				: `It is held by workflow ${workflowId || 'unsaved'}: deactivate that workflow, or give this trigger its own subscription.`;
		throw new NodeOperationError(
			node,
			`Zoom event subscription ${endpoint.subscriptionId} is already held by another active Zoom Connector Trigger in this n8n. One connection receives the subscription's events. ${fix}`,
		);
	}
	const { events } = options;
	const onEvent = (body: ZoomEnvelope) => {
		if (!isSelected(events, body.event)) return;
		const nowSeconds = Math.floor(Date.now() / 1000);
		const keys = deliveryKeys({}, body);
		const seen = recentEvents.get(owner) ?? emptySeen();
		if (hasSeen(seen, keys, nowSeconds, AT_THE_DOOR)) return;
		recentEvents.set(owner, remember(seen, keys, nowSeconds, AT_THE_DOOR));
		const item = summarise(body) as IDataObject;
		// As for a webhook request: this message's own id, for execute() to tell a retry of its run.
		item.receiptId = randomUUID();
		options.emit(item);
	};
	const subscription = new SubscriptionHolder({
		endpoint,
		mintToken: async () => await mintSocketToken(context, credentials),
		openSocket,
		onEvent,
		log: context.logger,
		wait: sleep,
	});
	holders.set(endpoint.subscriptionId, owner);
	try {
		await subscription.start();
	} catch (error) {
		holders.delete(endpoint.subscriptionId);
		throw new NodeOperationError(
			node,
			`Could not open Zoom's WebSocket for subscription ${endpoint.subscriptionId}: ${(error as Error).message}`,
			{
				description:
					'Check the WebSocket URL (copied from the Zoom app’s WebSocket event subscription) and that the credential’s app is the one that owns that subscription.',
			},
		);
	}
	return {
		closeFunction: async () => {
			await subscription.close();
			if (holders.get(endpoint.subscriptionId) === owner) holders.delete(endpoint.subscriptionId);
			recentEvents.delete(owner);
		},
	};
}
