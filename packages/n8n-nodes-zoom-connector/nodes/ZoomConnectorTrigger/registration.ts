/**
 * Registration: Automatic. On activation the trigger registers an event subscription in the Zoom app of
 * its API credential, for exactly the selected events and this node's URL, and deletes it on
 * deactivation. Zoom's Marketplace API (https://developers.zoom.us/docs/api/marketplace/#tag/app,
 * typed in @zoom/rivet/marketplace as the app.*EventSubscription endpoints):
 * - POST /marketplace/app/event_subscription creates it (events, event_webhook_url, subscription_scope
 *   `account` or `user`, account_id, user_ids); Zoom validates the URL on creation with its
 *   endpoint.url_validation challenge and refuses with code 1701 when the answer is wrong;
 * - PATCH /marketplace/app/event_subscription/{id} subscribes the account or the users;
 * - GET /marketplace/app/event_subscription?account_id&user_id lists the subscriptions;
 * - DELETE /marketplace/app/event_subscription/{id} deletes it (for every subscriber).
 * They take an app-level token only: a Server-to-Server app's own token, or for a General (OAuth) app a
 * client-credentials token (https://devforum.zoom.us/t/enabling-event-subscriptions-programmatically/129108).
 * Zoom lists no scope for them; the app needs the scopes of the events it subscribes to.
 */
import type {
	AppCreateEventSubscriptionRequestBody,
	AppCreateEventSubscriptionResponse,
	AppGetUserOrAccountEventSubscriptionResponse,
	AppSubscribeEventSubscriptionRequestBody,
} from '@zoom/rivet/marketplace';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	credentialType,
	ZOOM_ACCOUNT_APP,
	zoomApiPages,
	zoomApiRequest,
	type ZoomRequestOptions,
} from '../shared/transport';
import { clientCredentialsToken } from '../shared/transport/appToken';
import { asNodeError } from '../shared/nodeError';
import { eventsToRegister, sameEvents } from './registrationEvents';
import { forgetOrphan, knownOrphans, recordOrphan } from './registrationOrphans';

const PATH = '/marketplace/app/event_subscription';

/** What this node registered, per webhook URL (the test URL and the production URL each get one). */
interface Remembered {
	id: string;
	events: string[];
}
type Store = Record<string, Remembered>;

type Listed = NonNullable<
	AppGetUserOrAccountEventSubscriptionResponse['event_subscriptions']
>[number];

interface Subscriber {
	accountId: string;
	userId: string;
	/** `account` for a Server-to-Server app (every user of the account), `user` for the connected user. */
	scope: 'account' | 'user';
}

export function isAutomatic(context: IHookFunctions): boolean {
	return context.getNodeParameter('registration', 'manual') === 'automatic';
}

function store(context: IHookFunctions): Store {
	const data = context.getWorkflowStaticData('node');
	const saved = data.eventSubscriptions;
	return saved && typeof saved === 'object' && !Array.isArray(saved) ? (saved as Store) : {};
}

/**
 * Sets (or clears) what this node holds for `url`. The node's entry is reassigned, never changed inside:
 * n8n saves static data only when it noticed a change, and it notices changes to the node's own
 * properties, not inside an object put there since the workflow was loaded (after a failed attempt that
 * n8n retried, a subscription written that way was never saved, and deactivation left it in Zoom).
 */
function setHeld(context: IHookFunctions, url: string, held: Remembered | undefined): void {
	const next = { ...store(context) };
	if (held) next[url] = held;
	else delete next[url];
	context.getWorkflowStaticData('node').eventSubscriptions = next;
}

function webhookUrl(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n gave this trigger no webhook URL');
	return url;
}

function selectedEvents(context: IHookFunctions): string[] {
	const result = eventsToRegister(context.getNodeParameter('events', []) as string[]);
	if (typeof result === 'string') {
		throw new NodeOperationError(context.getNode(), result, {
			description:
				'Registration: Automatic subscribes exactly the events chosen in Events. Choose them, or choose Registration: Manual to keep the subscription you made in the Zoom app.',
		});
	}
	return result;
}

/** The token the event subscription calls need: the S2S credential's own, or the OAuth app's app token. */
async function appToken(context: IHookFunctions): Promise<string | undefined> {
	if (credentialType(context) === ZOOM_ACCOUNT_APP) return undefined;
	return await clientCredentialsToken(
		context,
		await context.getCredentials('zoomConnectorOAuth2Api'),
	);
}

/** The account (Server-to-Server) or the connected user (OAuth2), from GET /users/me. */
async function subscriber(context: IHookFunctions): Promise<Subscriber> {
	const me = await zoomApiRequest.call(context, 'GET', '/users/me');
	const accountId = typeof me.account_id === 'string' ? me.account_id : '';
	const userId = typeof me.id === 'string' ? me.id : '';
	if (!accountId || !userId) {
		throw new NodeOperationError(
			context.getNode(),
			'Zoom did not name the account of this credential',
			{
				description: 'GET /users/me answered without id or account_id. Check the credential.',
			},
		);
	}
	return {
		accountId,
		userId,
		scope: credentialType(context) === ZOOM_ACCOUNT_APP ? 'account' : 'user',
	};
}

/** Zoom's refusals at registration, with what the user can do about each. */
function explained(context: IHookFunctions, error: unknown, url: string): Error {
	if (!(error instanceof NodeApiError)) return asNodeError(context.getNode(), error);
	const code = error.context.zoomCode;
	if (code === 1701) {
		error.description = `Zoom posted its URL validation challenge to ${url} and did not get the right answer. That URL must be reachable from Zoom over https with a valid certificate, and the webhook credential must hold this Zoom app's Secret Token.`;
	} else if (code === 1003 || code === 1602 || code === 1601) {
		error.description = `Zoom does not let this app subscribe to one of the selected events: ${error.message}. Add the scopes of these events to the app in the Zoom Marketplace, or remove the event.`;
	} else if (error.httpCode === '401' || code === 124) {
		error.description =
			'Event subscriptions take the app’s own token: a Server-to-Server credential, or the Client ID and Secret of a General app in the OAuth2 credential.';
	}
	return error;
}

async function listed(
	context: IHookFunctions,
	who: Subscriber,
	token: string | undefined,
): Promise<Listed[]> {
	const all: Listed[] = [];
	const options: ZoomRequestOptions = {
		qs: { account_id: who.accountId, user_id: who.userId, subscription_scope: who.scope },
		appToken: token,
	};
	for await (const page of zoomApiPages.call(context, PATH, 'event_subscriptions', options)) {
		all.push(...(page as Listed[]));
	}
	return all;
}

async function remove(
	context: IHookFunctions,
	id: string,
	token: string | undefined,
): Promise<void> {
	try {
		await zoomApiRequest.call(context, 'DELETE', `${PATH}/${encodeURIComponent(id)}`, {
			appToken: token,
		});
	} catch (error) {
		// 1601: already gone (deleted in the Marketplace, or by an earlier deactivation).
		if (error instanceof NodeApiError && error.context.zoomCode === 1601) return;
		throw asNodeError(context.getNode(), error);
	}
}

/**
 * Deletes the subscriptions earlier half-failed activations left in the Zoom app. One that cannot be
 * deleted now stays recorded (in the static data n8n saves next) for the next activation or deactivation,
 * and does not stop this one.
 */
async function removeOrphans(
	context: IHookFunctions,
	url: string,
	token: string | undefined,
): Promise<void> {
	for (const id of knownOrphans(context, url)) {
		try {
			await remove(context, id, token);
			forgetOrphan(context, url, id);
		} catch (error) {
			recordOrphan(context, url, id);
			context.logger.warn(
				`Zoom Connector Trigger could not delete event subscription ${id}, left in the Zoom app by an earlier activation that failed; it tries again on the next activation or deactivation: ${(error as Error).message}`,
			);
		}
	}
}

/** n8n's checkExists: true when the subscription this node made is still in Zoom as it should be. */
export async function subscriptionExists(context: IHookFunctions): Promise<boolean> {
	const url = webhookUrl(context);
	const remembered = store(context)[url];
	if (!remembered) return false;
	const wanted = selectedEvents(context);
	const token = await appToken(context);
	await removeOrphans(context, url, token);
	const current = (await listed(context, await subscriber(context), token)).find(
		(entry) => entry.event_subscription_id === remembered.id,
	);
	if (current && current.event_webhook_url === url && sameEvents(current.events ?? [], wanted)) {
		return true;
	}
	// The events changed since activation, or the subscription was edited or deleted in Zoom: replace it.
	if (current) await remove(context, remembered.id, token);
	setHeld(context, url, undefined);
	return false;
}

/** n8n's create: register the selected events for this URL and subscribe the account or the user. */
export async function createSubscription(context: IHookFunctions): Promise<boolean> {
	const url = webhookUrl(context);
	const events = selectedEvents(context);
	const who = await subscriber(context);
	const token = await appToken(context);
	await removeOrphans(context, url, token);
	const target = who.scope === 'user' ? { user_ids: [who.userId] } : {};
	const name = `n8n ${context.getWorkflow().name ?? ''} / ${context.getNode().name}`.slice(0, 120);
	const body: AppCreateEventSubscriptionRequestBody = {
		events,
		event_subscription_name: name,
		event_webhook_url: url,
		subscription_scope: who.scope,
		account_id: who.accountId,
		...target,
	};
	let created: AppCreateEventSubscriptionResponse;
	try {
		created = (await zoomApiRequest.call(context, 'POST', PATH, {
			body: body as unknown as IDataObject,
			appToken: token,
		})) as AppCreateEventSubscriptionResponse;
	} catch (error) {
		throw explained(context, error, url);
	}
	const id = created.event_subscription_id;
	if (!id) throw new NodeOperationError(context.getNode(), 'Zoom created no event subscription id');
	// Recorded before the next step: if subscribing fails and so does deleting it, it is not lost.
	recordOrphan(context, url, id);
	const subscribe: AppSubscribeEventSubscriptionRequestBody = {
		account_id: who.accountId,
		...target,
	};
	try {
		await zoomApiRequest.call(context, 'PATCH', `${PATH}/${encodeURIComponent(id)}`, {
			body: subscribe as unknown as IDataObject,
			appToken: token,
		});
	} catch (error) {
		// A subscription nobody is subscribed to would only linger in the app: take it back now, or
		// (when that fails too) on the next activation or deactivation.
		await removeOrphans(context, url, token);
		throw explained(context, error, url);
	}
	setHeld(context, url, { id, events });
	forgetOrphan(context, url, id);
	return true;
}

/** n8n's delete: remove the subscription this node registered for this URL. */
export async function deleteSubscription(context: IHookFunctions): Promise<boolean> {
	const url = webhookUrl(context);
	const remembered = store(context)[url];
	if (!remembered && !knownOrphans(context, url).length) return true;
	const token = await appToken(context);
	await removeOrphans(context, url, token);
	if (!remembered) return true;
	await remove(context, remembered.id, token);
	setHeld(context, url, undefined);
	return true;
}
