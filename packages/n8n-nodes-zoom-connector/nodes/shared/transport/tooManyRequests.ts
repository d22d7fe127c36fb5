/**
 * What a 429 from Zoom is. Zoom answers three kinds (https://developers.zoom.us/docs/api/rate-limits/):
 * the per-second limit ("You have reached the maximum per-second rate limit for this API. Try again
 * later."), a daily limit ("You have reached the maximum daily rate limit for this API. ...", or for the
 * 100 meeting/webinar creates and updates a user may make a day "You have exceeded the daily rate limit
 * (100) of Meeting Create/Update API requests permitted for this particular user. You may resume these
 * requests at GMT 00:00:00.", https://devforum.zoom.us/t/18928), and concurrent requests to one resource.
 * X-RateLimit-Type (QPS or Daily-limit) is often missing, and a daily 429 often has no Retry-After,
 * so the body decides when the header is silent. Pure.
 */
export type TooManyRequests = 'per-second' | 'daily' | 'other';

export function tooManyRequestsKind(type: unknown, message: unknown): TooManyRequests {
	const typeText = typeof type === 'string' ? type.toLowerCase() : '';
	if (typeText === 'daily-limit') return 'daily';
	const text = typeof message === 'string' ? message : '';
	if (/\bdaily rate limit\b/i.test(text)) return 'daily';
	if (typeText === 'qps' || /\bper-second\b/i.test(text)) return 'per-second';
	return 'other';
}

/** Zoom's daily limits reset at 00:00 UTC: the next one after `now`. */
export function nextUtcMidnight(now: number): Date {
	const day = new Date(now);
	return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1));
}

/** Milliseconds Zoom's per-second window lasts: without a Retry-After, a per-second 429 waits at least this. */
export const PER_SECOND_WINDOW_MS = 1000;
