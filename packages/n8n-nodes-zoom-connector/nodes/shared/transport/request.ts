/** One Zoom call: pacing, safe retries and Zoom's errors around n8n's httpRequestWithAuthentication. */
import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { credentialsOf, credentialType, requestUrl, type ZoomContext } from './credentials';
import { bufferStreamedErrorBody, header, readFailure, zoomError } from './failure';
import { DEFAULT_PLAN, isZoomPlan, RatePacer, rateCategory, type ZoomPlan } from './rateLimit';
import { backoffDelay, isSafeToRepeat, parseRetryAfter, RETRY } from './retry';
import { nextUtcMidnight, PER_SECOND_WINDOW_MS, tooManyRequestsKind } from './tooManyRequests';

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
	/**
	 * An app-level token (appToken.ts) sent instead of the credential's own token: Zoom's Marketplace
	 * event-subscription calls take the app's client-credentials token, which no n8n credential holds.
	 */
	appToken?: string;
}

export interface ZoomResponse<T> {
	body: T;
	headers: Record<string, unknown>;
	statusCode: number;
}

function pathOf(url: string): string {
	return url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/^\/v2(?=\/)/, '');
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
