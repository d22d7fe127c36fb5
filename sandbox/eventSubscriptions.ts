// Event subscriptions managed through Zoom's Marketplace API (https://developers.zoom.us/docs/api/marketplace/#tag/app,
// typed by @zoom/rivet/marketplace): create (Zoom validates the URL with its endpoint.url_validation challenge and
// answers 404 code 1701 when that fails), subscribe, unsubscribe, delete, list. App-owned: they take an app-level
// token (a Server-to-Server token, or a General app's client-credentials token), as Zoom says in
// https://devforum.zoom.us/t/enabling-event-subscriptions-programmatically/129108. Then events that happen in the
// sandbox reach every subscription that has them, signed as Zoom signs them.
import type {
	AppCreateEventSubscriptionRequestBody,
	AppCreateEventSubscriptionResponse,
	AppGetUserOrAccountEventSubscriptionResponse,
	AppSubscribeEventSubscriptionRequestBody,
} from '@zoom/rivet/marketplace';
import type { Ctx, Route, Sandbox } from './core';
import { ZoomError, compile, json, randomToken } from './http';
import type { Reply } from './http';
import type { SendOptions } from './webhooks';

type Scope = AppCreateEventSubscriptionRequestBody['subscription_scope'];
const SCOPES: Scope[] = ['user', 'account', 'master_account'];

export interface EventSubscription {
	id: string;
	clientId: string;
	name: string;
	events: string[];
	url: string;
	scope: Scope;
	accountId: string;
	/** Whether the account is subscribed (account scope), and which users are (user scope). */
	accountSubscribed: boolean;
	userIds: Set<string>;
}

/** Zoom documents no error for a user's token here; it refuses tokens that are not the app's like any invalid token. */
function appOwned(ctx: Ctx): void {
	if (ctx.token.kind !== 's2s' && ctx.token.kind !== 'app') throw new ZoomError(401, 124, 'Invalid access token.');
}

const invalid = (id: string) => new ZoomError(404, 1601, `App event subscription is invalid: ${id}`);

function owned(ctx: Ctx, id: string): EventSubscription {
	const s = ctx.sb.store.eventSubscriptions.get(id);
	if (!s || s.clientId !== ctx.token.clientId) throw invalid(id);
	return s;
}

function userIdsOf(value: unknown): string[] {
	const list = Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? value.split(',') : [];
	if (list.length > 10) throw new ZoomError(400, 300, 'The user ID list holds at most 10 users.');
	return list.map((id) => id.trim()).filter(Boolean);
}

function knownUsers(ctx: Ctx, ids: string[]): void {
	for (const id of ids) if (!ctx.sb.store.users.some((u) => u.id === id)) throw new ZoomError(404, 1001, `User does not exist or does not belong to this account: ${id}.`);
}

async function create(ctx: Ctx): Promise<Reply> {
	appOwned(ctx);
	const b = ctx.body as Partial<AppCreateEventSubscriptionRequestBody>;
	const events = Array.isArray(b.events) ? b.events.map(String).filter(Boolean) : [];
	if (!events.length) throw new ZoomError(400, 1500, 'The events list is empty.');
	if (typeof b.event_webhook_url !== 'string' || !b.event_webhook_url) throw new ZoomError(400, 1500, 'The event webhook url is empty.');
	if (!SCOPES.includes(b.subscription_scope as Scope)) throw new ZoomError(400, 1500, 'The subscription scope is invalid.');
	const userIds = userIdsOf(b.user_ids);
	knownUsers(ctx, userIds);
	const validation = await ctx.sb.webhooks.validate({ url: b.event_webhook_url });
	if (!validation.ok) throw new ZoomError(404, 1701, `The event webhook url validate failed: ${b.event_webhook_url}.`);
	const id = randomToken(16);
	const accountId = typeof b.account_id === 'string' && b.account_id ? b.account_id : ctx.token.accountId;
	ctx.sb.store.eventSubscriptions.set(id, {
		id,
		clientId: ctx.token.clientId,
		name: typeof b.event_subscription_name === 'string' ? b.event_subscription_name : '',
		events: [...new Set(events)],
		url: b.event_webhook_url,
		scope: b.subscription_scope as Scope,
		accountId,
		accountSubscribed: b.subscription_scope !== 'user' && accountId === ctx.sb.store.accountId,
		userIds: new Set(userIds),
	});
	const answer: AppCreateEventSubscriptionResponse = { event_subscription_id: id };
	return json(201, answer);
}

function subscribe(ctx: Ctx): Reply {
	appOwned(ctx);
	const s = owned(ctx, ctx.params.eventSubscriptionId);
	const b = ctx.body as Partial<AppSubscribeEventSubscriptionRequestBody>;
	const userIds = userIdsOf(b.user_ids);
	knownUsers(ctx, userIds);
	if (s.scope === 'user') for (const id of userIds) s.userIds.add(id);
	else if (b.account_id === ctx.sb.store.accountId) s.accountSubscribed = true;
	return json(204);
}

function unsubscribe(ctx: Ctx): Reply {
	appOwned(ctx);
	const s = owned(ctx, ctx.query.get('event_subscription_id') ?? '');
	const userIds = userIdsOf(ctx.query.get('user_ids') ?? '');
	if (userIds.length) for (const id of userIds) s.userIds.delete(id);
	else s.accountSubscribed = false;
	return json(204);
}

function remove(ctx: Ctx): Reply {
	appOwned(ctx);
	const s = owned(ctx, ctx.params.eventSubscriptionId);
	ctx.sb.store.eventSubscriptions.delete(s.id);
	return json(204);
}

type Listed = NonNullable<AppGetUserOrAccountEventSubscriptionResponse['event_subscriptions']>[number];

export function listedJson(s: EventSubscription, subscriberId: string): Listed {
	return { event_subscription_id: s.id, events: s.events, event_subscription_name: s.name, event_webhook_url: s.url, subscription_scope: s.scope, created_source: 'openapi', subscriber_id: subscriberId };
}

function list(ctx: Ctx): Reply {
	appOwned(ctx);
	const userId = ctx.query.get('user_id') ?? '';
	const accountId = ctx.query.get('account_id') ?? '';
	const scope = ctx.query.get('subscription_scope');
	if (scope && !SCOPES.includes(scope as Scope)) throw new ZoomError(400, 1500, 'The subscription scope is invalid.');
	if (userId && !ctx.sb.store.users.some((u) => u.id === userId)) throw new ZoomError(404, 1001, 'User does not exist or does not belong to this account.');
	const rows = [...ctx.sb.store.eventSubscriptions.values()]
		.filter((s) => s.clientId === ctx.token.clientId && (!scope || s.scope === scope))
		.filter((s) => (s.scope === 'user' ? s.userIds.has(userId) : s.accountSubscribed && s.accountId === accountId))
		.map((s) => listedJson(s, s.scope === 'user' ? userId : accountId));
	const answer: AppGetUserOrAccountEventSubscriptionResponse = { next_page_token: '', page_size: rows.length, event_subscriptions: rows };
	return json(200, answer);
}

const PATH = '/marketplace/app/event_subscription';
/** App-owned routes: no scope is needed (Zoom lists none), the token must be the app's (appOwned). */
const appRoute = (method: string, path: string, category: Route['category'], handler: Route['handler']): Route => ({ method, pattern: compile(path), category, scopes: [], handler });

export const eventSubscriptionRoutes: Route[] = [
	appRoute('GET', PATH, 'Medium', list),
	appRoute('POST', PATH, 'Heavy', create),
	appRoute('DELETE', PATH, 'Medium', unsubscribe),
	appRoute('PATCH', `${PATH}/:eventSubscriptionId`, 'Medium', subscribe),
	appRoute('DELETE', `${PATH}/:eventSubscriptionId`, 'Medium', remove),
];

/**
 * Deliver an event that happened in the sandbox to every subscription that has it: account subscriptions of
 * the account, and user subscriptions of the user it is about (`userId`, e.g. the host). Resolves after each
 * first attempt.
 */
export async function publish(sb: Sandbox, event: Omit<SendOptions, 'url'>, userId?: string) {
	const targets = [...sb.store.eventSubscriptions.values()].filter(
		(s) => s.events.includes(event.event) && (s.scope === 'user' ? userId !== undefined && s.userIds.has(userId) : s.accountSubscribed),
	);
	return await Promise.all(targets.map(async (s) => ({ eventSubscriptionId: s.id, url: s.url, ...(await sb.webhooks.send({ ...event, url: s.url })) })));
}
