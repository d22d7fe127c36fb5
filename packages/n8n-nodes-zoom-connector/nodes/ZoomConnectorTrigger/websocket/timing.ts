/**
 * When to reconnect and when to renew the token (pure). Zoom's access tokens last an hour
 * (https://developers.zoom.us/docs/api/websockets/) and the connection carries the token it was opened
 * with, so a fresh connection is opened with a fresh token before the old one runs out.
 */

export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_MAX_MS = 60_000;

/** Renew this long before the token expires, or at 80% of a short token's life. */
export const RENEW_AHEAD_MS = 5 * 60_000;

/**
 * The wait before reconnect attempt `attempt` (0 = the first retry): exponential with full jitter,
 * capped, so many n8n instances cut off at once do not reconnect in step. `random` is in [0, 1).
 */
export function backoffMs(attempt: number, random: number): number {
	const steps = Math.max(0, Math.min(30, Math.floor(attempt)));
	const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** steps);
	const share = Math.min(Math.max(random, 0), 1);
	// Half fixed, half random: never a zero wait, never more than the ceiling.
	return Math.round(ceiling / 2 + (ceiling / 2) * share);
}

/**
 * The earliest a connection is replaced after its token was issued, whatever expires_in says: a token
 * answer claiming a lifetime of a millisecond would otherwise have the trigger ask for a token and open a
 * connection in a tight loop. Zoom's tokens last an hour; a token that really expires sooner gets its
 * connection closed by Zoom, and the trigger reconnects with backoff.
 */
export const MIN_RENEW_AFTER_MS = 10_000;

/** When (epoch ms) to replace a connection whose token was issued at `issuedAt` for `expiresInSeconds`. */
export function renewAt(
	issuedAt: number,
	expiresInSeconds: number,
	floorMs: number = MIN_RENEW_AFTER_MS,
): number {
	const lifetime = Math.max(0, expiresInSeconds) * 1000;
	const ahead = Math.min(RENEW_AHEAD_MS, lifetime * 0.2);
	return issuedAt + Math.max(floorMs, lifetime - ahead);
}
