/** Retry policy for Zoom calls. Pure, so it is unit-tested without a network. */

export const RETRY = {
	/** 429s are safe to retry for any method: Zoom did not process the call. */
	maxRateLimitRetries: 6,
	/** 5xx and dropped connections: only calls that cannot create anything twice. */
	maxServerErrorRetries: 4,
	baseDelayMs: 500,
	maxDelayMs: 8000,
	/** A Retry-After longer than this (a daily limit) fails the call instead of stalling the workflow. */
	maxRetryAfterMs: 60_000,
};

const NETWORK_ERROR_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'EPIPE',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EAI_AGAIN',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

export function isNetworkErrorCode(code: unknown): boolean {
	return typeof code === 'string' && NETWORK_ERROR_CODES.has(code);
}

/** Methods we repeat after a 5xx or a dropped connection. POST/PATCH/PUT/DELETE may have taken effect. */
export function isSafeToRepeat(method: string): boolean {
	return ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

/** Capped exponential backoff with full jitter; `random` is injectable for tests. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
	const ceiling = Math.min(RETRY.maxDelayMs, RETRY.baseDelayMs * 2 ** attempt);
	return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * Milliseconds to wait from a Retry-After header: seconds ("2"), an HTTP date, or the ISO date
 * Zoom sends for daily limits. Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(Array.isArray(value) ? value[0] : value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	// A signed number ("-5") is no valid Retry-After, but Date.parse reads it as a year 2001 date.
	if (/^[-+]\s*\d/.test(text)) return undefined;
	const at = Date.parse(text);
	if (Number.isNaN(at)) return undefined;
	return Math.max(0, at - now);
}
