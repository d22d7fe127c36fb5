/** A failed Zoom call: reading Zoom's answer out of n8n's error, and the NodeApiError that explains it. */
import type { JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ZoomContext } from './credentials';
import { describeDailyLimit, describeZoomError, type ZoomErrorBody } from './errors';
import { isNetworkErrorCode, isSafeToRepeat } from './retry';

export interface Failure {
	status: number;
	headers: Record<string, unknown>;
	body: ZoomErrorBody | undefined;
	networkCode?: string;
}

/** n8n wraps the HTTP client's error (NodeApiError → cause); find the response or socket error inside. */
export function readFailure(error: unknown): Failure {
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
export async function bufferStreamedErrorBody(error: unknown): Promise<void> {
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

export function header(headers: Record<string, unknown>, name: string): unknown {
	const lower = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === lower) return value;
	return undefined;
}

export function zoomError(
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
