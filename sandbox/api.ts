// The /v2 pipeline: route → bearer auth (https://developers.zoom.us/docs/integrations/oauth/) → scope (4711)
// → rate limit (https://developers.zoom.us/docs/api/rate-limits/) → handler.
import type { Ctx, RequestMeta, Route, Sandbox } from './core';
import { ZoomError, json, matchPattern, parseJson, rawSegments } from './http';
import type { Reply } from './http';
import { meetingRoutes, webinarRoutes } from './meetings';
import { pastRoutes } from './past';
import { rateLimitError } from './ratelimit';
import type { Category } from './ratelimit';
import { recordingRoutes } from './recordings';
import { registrantRoutes } from './registrants';
import { reportRoutes } from './reports';
import { summaryRoutes } from './summaries';
import { engagementRoutes } from './engagement';
import { panelistRoutes } from './panelists';
import { statusRoutes } from './status';
import { recordingLifecycleRoutes } from './recordingLifecycle';
import { registrantExtraRoutes } from './registrantExtras';
import { userRoutes } from './users';
import { eventSubscriptionRoutes } from './eventSubscriptions';
import { bearer, unauthorized } from './auth';

/** Every /v2 route the sandbox serves; test/sandbox/rivet-routes.test.ts holds it to Zoom's endpoint table (@zoom/rivet). */
export const ROUTES: Route[] = [...userRoutes, ...summaryRoutes, ...meetingRoutes, ...webinarRoutes, ...registrantRoutes, ...pastRoutes, ...reportRoutes, ...recordingRoutes, ...engagementRoutes, ...panelistRoutes, ...statusRoutes, ...recordingLifecycleRoutes, ...registrantExtraRoutes, ...eventSubscriptionRoutes];

function findRoute(method: string, segments: string[]): { route: Route; params: Record<string, string> } | undefined {
	for (const route of ROUTES) {
		if (route.method !== method) continue;
		const params = matchPattern(route.pattern, segments);
		if (params) return { route, params };
	}
	return undefined;
}

/** Rate-limit category of a /v2 path (Light for unknown routes). */
export function categoryOf(method: string, pathname: string): Category {
	return findRoute(method, rawSegments(pathname).slice(1))?.route.category ?? 'Light';
}

export async function handleApi(sb: Sandbox, method: string, url: URL, headers: Record<string, string | string[] | undefined>, body: Buffer, meta: RequestMeta): Promise<Reply> {
	const segments = rawSegments(url.pathname).slice(1); // drop "v2"
	const found = findRoute(method, segments);
	const category: Category = found?.route.category ?? 'Light';
	meta.category = category;
	meta.route = found ? `/v2${found.route.pattern.text}` : undefined;
	let account = sb.store.accountId;
	try {
		// Since Feb 2023 a token in the query string is refused outright.
		if (url.searchParams.has('access_token')) {
			meta.tokenKind = 'invalid';
			throw unauthorized('Invalid access token, this access token is not supported as query parameter string.');
		}
		const token = bearer(sb, headers.authorization as string | undefined, meta);
		account = token.accountId;
		// A path Zoom does not have. Zoom documents 404 with its {code, message} body
		// (https://developers.zoom.us/docs/api/errors); the wording for an unknown path is not published.
		if (!found) throw new ZoomError(404, 404, 'The requested resource was not found.');
		const { route, params } = found;
		// App-owned routes (event subscriptions) need no scope: their handlers check the token is the app's.
		if (route.scopes.length && !route.scopes.some((s) => token.scopes.includes(s)))
			throw new ZoomError(400, 4711, `Invalid access token, does not contain scopes:[${route.scopes.slice(0, 2).join(', ')}].`);
		const rl = sb.limiter.take(account, category);
		if (!rl.ok) throw rateLimitError(rl);
		const me = sb.store.users.find((u) => u.id === token.userId) ?? sb.store.owner;
		const ctx: Ctx = { sb, params, query: url.searchParams, body: ['POST', 'PATCH', 'PUT'].includes(method) ? parseJson(body) : {}, token, me, route: route.pattern.text };
		const reply = await route.handler(ctx);
		reply.headers = { ...rl.headers, ...reply.headers };
		return reply;
	} catch (e) {
		if (!(e instanceof ZoomError)) throw e;
		return { ...json(e.status, e.body()), headers: { ...sb.limiter.peek(account, category), ...e.headers } };
	}
}
