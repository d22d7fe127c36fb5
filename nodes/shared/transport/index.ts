import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INodeProperties,
	IPollFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { apiBaseUrl, credentialHostsLabel, isCredentialHost } from '../environment';
import { describeDailyLimit, describeZoomError, type ZoomErrorBody } from './errors';
import { DEFAULT_PLAN, isZoomPlan, RatePacer, rateCategory, type ZoomPlan } from './rateLimit';
import { backoffDelay, isNetworkErrorCode, isSafeToRepeat, parseRetryAfter, RETRY } from './retry';
import { nextUtcMidnight, PER_SECOND_WINDOW_MS, tooManyRequestsKind } from './tooManyRequests';

export type ZoomContext =
	IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export const ZOOM_USER_APP = 'zoomConnectorOAuth2Api';
export const ZOOM_ACCOUNT_APP = 'zoomConnectorServerToServerOAuthApi';
export type ZoomApiCredentialType = typeof ZOOM_USER_APP | typeof ZOOM_ACCOUNT_APP;

/** The Authentication parameter every Zoom API node carries; its value is the credential type. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'OAuth2 (User)', value: ZOOM_USER_APP },
		{ name: 'Server-to-Server OAuth (Account)', value: ZOOM_ACCOUNT_APP },
	],
	default: ZOOM_USER_APP,
};

export const zoomApiCredentials = [
	{
		name: ZOOM_USER_APP,
		required: true,
		displayOptions: { show: { authentication: [ZOOM_USER_APP] } },
	},
	{
		name: ZOOM_ACCOUNT_APP,
		required: true,
		displayOptions: { show: { authentication: [ZOOM_ACCOUNT_APP] } },
	},
];

/** One pacer per n8n process: every Zoom call of every node shares it, keyed by credential. */
export const pacer = new RatePacer();

export interface ZoomRequestOptions {
	qs?: IDataObject;
	body?: IDataObject;
	itemIndex?: number;
	/** An absolute URL (recording downloads); the path is still used for pacing. */
	url?: string;
	encoding?: IHttpRequestOptions['encoding'];
	headers?: IDataObject;
	/** An app-level token (appToken.ts) sent instead of the credential's own token. */
	appToken?: string;
}

export interface ZoomResponse<T> {
	body: T;
	headers: Record<string, unknown>;
	statusCode: number;
}

export function credentialType(context: ZoomContext): ZoomApiCredentialType {
	const value =
		'getInputData' in context
			? (context as IExecuteFunctions).getNodeParameter('authentication', 0, ZOOM_USER_APP)
			: (context as IPollFunctions).getNodeParameter('authentication', ZOOM_USER_APP);
	return value === ZOOM_ACCOUNT_APP ? ZOOM_ACCOUNT_APP : ZOOM_USER_APP;
}

interface Failure {
	status: number;
	headers: Record<string, unknown>;
	body: ZoomErrorBody | undefined;
	networkCode?: string;
}

/** n8n wraps the HTTP client's error (NodeApiError → cause); find the response or socket error inside. */
function readFailure(error: unknown): Failure {
	let current: unknown = error;
	let networkCode: string | undefined;
	for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
		const candidate = current as {
			response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
			code?: unknown;
			cause?: unknown;
		};
		if (!networkCode && isNetworkErrorCode(candidate.code)) networkCode = candidate.code as string;
		if (candidate.response && typeof candidate.response.status === 'number') {
			return {
				status: candidate.response.status,
				headers: candidate.response.headers ?? {},
				body: parseBody(candidate.response.data),
				networkCode,
			};
		}
		current = candidate.cause;
	}
	if (!networkCode && /socket hang up|ECONNRESET/i.test(String((error as Error)?.message))) {
		networkCode = 'ECONNRESET';
	}
	return { status: 0, headers: {}, body: undefined, networkCode };
}

const MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * With encoding 'stream' an error response's body is still a stream: read its start (Zoom's JSON error)
 * into a Buffer in place, so readFailure sees it as with any other encoding, and let the rest go.
 */
async function bufferStreamedErrorBody(error: unknown): Promise<void> {
	let current: unknown = error;
	for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
		const response = (current as { response?: { data?: unknown } }).response;
		const data = response?.data as (AsyncIterable<Buffer> & { destroy?: () => void }) | undefined;
		if (
			data &&
			typeof data === 'object' &&
			Symbol.asyncIterator in data &&
			!Buffer.isBuffer(data)
		) {
			const chunks: Buffer[] = [];
			let length = 0;
			try {
				for await (const chunk of data) {
					chunks.push(Buffer.from(chunk));
					length += chunk.length;
					if (length >= MAX_ERROR_BODY_BYTES) break;
				}
			} catch {
				// A body cut off mid-way: keep what arrived.
			}
			data.destroy?.();
			response!.data = Buffer.concat(chunks).subarray(0, MAX_ERROR_BODY_BYTES);
			return;
		}
		current = (current as { cause?: unknown }).cause;
	}
}

function parseBody(data: unknown): ZoomErrorBody | undefined {
	if (data === undefined || data === null) return undefined;
	if (typeof data === 'object' && !(data instanceof ArrayBuffer) && !Buffer.isBuffer(data)) {
		return data as ZoomErrorBody;
	}
	const text = Buffer.isBuffer(data)
		? data.toString('utf8')
		: data instanceof ArrayBuffer
			? Buffer.from(data).toString('utf8')
			: String(data);
	try {
		return JSON.parse(text) as ZoomErrorBody;
	} catch {
		return { message: text.slice(0, 300) };
	}
}

function header(headers: Record<string, unknown>, name: string): unknown {
	const lower = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === lower) return value;
	return undefined;
}

function pathOf(url: string): string {
	return url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/^\/v2(?=\/)/, '');
}

/**
 * The node's credential, read once per execution context: reading a credential is a database read and a
 * decryption, and a Return All makes dozens of calls.
 */
const credentialsByContext = new WeakMap<object, Map<string, ICredentialDataDecryptedObject>>();

async function credentialsOf(
	context: ZoomContext,
	type: ZoomApiCredentialType,
): Promise<ICredentialDataDecryptedObject> {
	let byType = credentialsByContext.get(context);
	if (!byType) {
		byType = new Map();
		credentialsByContext.set(context, byType);
	}
	const cached = byType.get(type);
	if (cached !== undefined) return cached;
	const credentials = (await context.getCredentials(type)) as ICredentialDataDecryptedObject;
	byType.set(type, credentials);
	return credentials;
}

/**
 * The URL to call. An absolute URL (a recording's download_url, which comes from Zoom's response and so
 * from whoever answered) gets the credential's token only on the credential's own hosts.
 */
async function requestUrl(
	context: ZoomContext,
	type: ZoomApiCredentialType,
	endpoint: string,
	options: ZoomRequestOptions,
): Promise<string> {
	const credentials = await credentialsOf(context, type);
	let allowed: boolean;
	try {
		if (options.url === undefined) return `${apiBaseUrl(credentials)}${endpoint}`;
		allowed = isCredentialHost(credentials, options.url);
	} catch (error) {
		// apiBaseUrl and isCredentialHost throw only UnsafeBaseUrlError: a Custom URL that is refused.
		throw new NodeOperationError(context.getNode(), (error as Error).message, {
			itemIndex: options.itemIndex,
		});
	}
	if (allowed) return options.url;
	let shown = options.url;
	try {
		shown = new URL(options.url).origin;
	} catch {
		// Not a URL: show it as it is.
	}
	throw new NodeOperationError(
		context.getNode(),
		`Refused to send the Zoom access token to ${shown.slice(0, 200)}`,
		{
			itemIndex: options.itemIndex,
			description: `The URL is not on this credential's Zoom hosts (${credentialHostsLabel(credentials)}), so the token was not sent. Check the credential's environment, or download the file from the URL without this node's authentication.`,
		},
	);
}

/**
 * One Zoom call with pacing, Zoom's errors and safe retries. Returns the full response; most
 * callers want `zoomApiRequest`.
 */
export async function zoomApiRequestFull<T = IDataObject>(
	this: ZoomContext,
	method: IHttpRequestMethods,
	endpoint: string,
	options: ZoomRequestOptions = {},
): Promise<ZoomResponse<T>> {
	const type = credentialType(this);
	const url = await requestUrl(this, type, endpoint, options);
	const credentials = await credentialsOf(this, type);
	const plan: ZoomPlan = isZoomPlan(credentials.zoomPlan) ? credentials.zoomPlan : DEFAULT_PLAN;
	const category = rateCategory(method, options.url ? pathOf(options.url) : endpoint);
	const key = `${type}:${this.getNode().credentials?.[type]?.id ?? this.getNode().name}`;

	let rateLimitRetries = 0;
	let serverRetries = 0;
	for (;;) {
		const wait = pacer.reserve(key, category, plan);
		if (wait > 0) await sleep(wait);
		try {
			const request: IHttpRequestOptions = {
				method,
				url,
				qs: options.qs,
				body: options.body,
				headers: options.headers,
				json: options.encoding === undefined,
				encoding: options.encoding,
				returnFullResponse: true,
				// Zoom redirects a download to a signed storage URL, which needs no token: n8n would send it on.
				sendCredentialsOnCrossOriginRedirect: options.url === undefined,
			};
			const response = (
				options.appToken === undefined
					? await this.helpers.httpRequestWithAuthentication.call(this, type, request)
					: await this.helpers.httpRequest({
							...request,
							headers: { ...options.headers, Authorization: `Bearer ${options.appToken}` },
						})
			) as { body: T; headers: Record<string, unknown>; statusCode: number };
			pacer.succeeded(key, category, plan);
			const body = (response.body === '' || response.body === undefined ? {} : response.body) as T;
			return { body, headers: response.headers ?? {}, statusCode: response.statusCode };
		} catch (error) {
			await bufferStreamedErrorBody(error);
			const failure = readFailure(error);
			if (failure.status === 429) {
				const kind = tooManyRequestsKind(
					header(failure.headers, 'x-ratelimit-type'),
					failure.body?.message,
				);
				const retryAfter = parseRetryAfter(header(failure.headers, 'retry-after'));
				if (kind === 'daily' || (retryAfter ?? 0) > RETRY.maxRetryAfterMs) {
					// Nothing succeeds before the reset: fail now with when that is, instead of retrying.
					const resetAt =
						retryAfter !== undefined && retryAfter > RETRY.maxRetryAfterMs
							? // Retry-After names a whole second (seconds or an HTTP date): a clock tick must not shift it.
								new Date(Math.round((Date.now() + retryAfter) / 1000) * 1000)
							: nextUtcMidnight(Date.now());
					throw zoomError(this, error, failure, method, options.itemIndex, resetAt);
				}
				if (rateLimitRetries < RETRY.maxRateLimitRetries) {
					const delay =
						retryAfter ?? Math.max(PER_SECOND_WINDOW_MS, backoffDelay(rateLimitRetries));
					rateLimitRetries++;
					if (kind === 'per-second')
						pacer.backOff(key, category, delay, retryAfter === undefined, plan);
					else await sleep(delay);
					continue;
				}
			}
			const transient =
				failure.status >= 500 || (failure.status === 0 && failure.networkCode !== undefined);
			if (transient && isSafeToRepeat(method) && serverRetries < RETRY.maxServerErrorRetries) {
				await sleep(backoffDelay(serverRetries));
				serverRetries++;
				continue;
			}
			throw zoomError(this, error, failure, method, options.itemIndex);
		}
	}
}

function zoomError(
	context: ZoomContext,
	error: unknown,
	failure: Failure,
	method: string,
	itemIndex: number | undefined,
	dailyLimitResetAt?: Date,
): NodeApiError {
	const text = dailyLimitResetAt
		? describeDailyLimit(failure.body, dailyLimitResetAt)
		: describeZoomError(failure.status, failure.body);
	let description = text.description;
	if ((failure.status >= 500 || failure.status === 0) && !isSafeToRepeat(method)) {
		description = `Zoom did not confirm this ${method}. It may have been carried out, so it was not repeated (that could create or change things twice): check in Zoom before running it again.`;
	}
	const response = (failure.body ?? {
		message: (error as Error)?.message ?? 'Request failed',
	}) as JsonObject;
	const apiError = new NodeApiError(context.getNode(), response, {
		message: text.message,
		description,
		httpCode: failure.status ? String(failure.status) : undefined,
		itemIndex,
	});
	const zoomCode = failure.body?.code;
	if (zoomCode !== undefined) apiError.context.zoomCode = Number(zoomCode);
	return apiError;
}

/** One Zoom call; the parsed body ({} for Zoom's 204s). */
export async function zoomApiRequest(
	this: ZoomContext,
	method: IHttpRequestMethods,
	endpoint: string,
	options: ZoomRequestOptions = {},
): Promise<IDataObject> {
	const response = (await zoomApiRequestFull.call(
		this,
		method,
		endpoint,
		options,
	)) as ZoomResponse<IDataObject>;
	return response.body;
}

export const MAX_PAGE_SIZE = 300;

/**
 * Pages of a Zoom list, following next_page_token. page_size stays the same on every page
 * (Zoom binds the token to the query), at most 300.
 */
export async function* zoomApiPages(
	this: ZoomContext,
	endpoint: string,
	propertyName: string,
	options: ZoomRequestOptions & { pageSize?: number } = {},
): AsyncGenerator<IDataObject[], void, undefined> {
	const pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, options.pageSize ?? MAX_PAGE_SIZE));
	let nextPageToken = '';
	// A server that hands back a token it already gave would page forever (and fill memory on Return All).
	const seenTokens = new Set<string>();
	do {
		const qs: IDataObject = { ...options.qs, page_size: pageSize };
		if (nextPageToken) qs.next_page_token = nextPageToken;
		const page = await zoomApiRequest.call(this, 'GET', endpoint, { ...options, qs });
		const items = page[propertyName];
		yield Array.isArray(items) ? (items as IDataObject[]) : [];
		nextPageToken = typeof page.next_page_token === 'string' ? page.next_page_token : '';
		if (nextPageToken && seenTokens.has(nextPageToken)) {
			throw new NodeOperationError(
				this.getNode(),
				`Zoom repeated a page token while listing ${endpoint} (after ${seenTokens.size + 1} pages)`,
				{
					itemIndex: options.itemIndex,
					description:
						'The server sent a next_page_token it had already sent, so the list would never end. Set a Limit instead of Return All, or try again later; if it persists, report it to Zoom.',
				},
			);
		}
		seenTokens.add(nextPageToken);
	} while (nextPageToken);
}

/** Every item of a Zoom list (Return All), or the first `limit`; memory holds only the result. */
export async function zoomApiRequestAllItems(
	this: ZoomContext,
	endpoint: string,
	propertyName: string,
	options: ZoomRequestOptions & { limit?: number } = {},
): Promise<IDataObject[]> {
	const limit = options.limit && options.limit > 0 ? options.limit : undefined;
	const results: IDataObject[] = [];
	for await (const items of zoomApiPages.call(this, endpoint, propertyName, {
		...options,
		pageSize: limit,
	})) {
		for (const item of items) {
			results.push(item);
			if (limit !== undefined && results.length >= limit) return results;
		}
	}
	return results;
}
