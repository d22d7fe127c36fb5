/**
 * Pure webhook logic for the Zoom Connector Trigger (no n8n imports): Zoom's v0 signature, the URL
 * validation answer, Zoom's envelope, and screening a raw request into a decision
 * (https://developers.zoom.us/docs/api/webhooks/#verify-webhook-events). Which deliveries are the same
 * one lives in deliveries.ts; the item a delivery becomes, in item.ts.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

import { nestsDeeperThan, TOO_DEEP_REASON } from './jsonDepth';

export const URL_VALIDATION_EVENT = 'endpoint.url_validation';

/**
 * How far x-zm-request-timestamp may be from now. Zoom retries a delivery that got no 2xx within 3 s
 * 5 min after the first try, then 20 and 60 min after that, so the last retry comes 85 min after the
 * first (https://developers.zoom.us/blog/webhook-delays/). Zoom does not say whether a retry is signed
 * again with a fresh timestamp, nor whether it keeps x-zm-trackingid, and neither its SDK nor its
 * sample app checks a window; so the window takes the whole schedule plus 35 min of slack. A replay
 * inside it is still refused: the once-only record (the door record and the ledger) covers it.
 */
export const DEFAULT_TOLERANCE_SECONDS = 2 * 3600;

/** Zoom's largest payloads (recordings with many files) are tens of kB; anything near 1 MiB is not Zoom. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type Headers = Record<string, string | string[] | undefined>;

export type Rejection = { ok: false; status: 400 | 401 | 413; reason: string };
export type VerifyResult = { ok: true } | Rejection;

const SIGNATURE_SHAPE = /^v0=[0-9a-f]{64}$/;
const TIMESTAMP_SHAPE = /^\d{1,12}$/;

function hmacHex(secret: string, message: string | Buffer): string {
	return createHmac('sha256', secret).update(message).digest('hex');
}

/** The `x-zm-signature` value Zoom sends for this body: v0=HMAC-SHA256(secret, "v0:{ts}:{raw body}"). */
export function sign(secret: string, timestamp: string, rawBody: Buffer | string): string {
	const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
	// Signed over the bytes as received, so a re-serialised body can never pass for the original.
	const message = Buffer.concat([Buffer.from(`v0:${timestamp}:`, 'utf8'), body]);
	return `v0=${hmacHex(secret, message)}`;
}

/**
 * Checks a delivery's signature and timestamp. The signature is checked before the clock so that a
 * forged request is reported as forged; both failures are 401 as neither proves the sender is Zoom.
 */
export function verify(
	secret: string,
	timestampHeader: string | undefined,
	signatureHeader: string | undefined,
	rawBody: Buffer | string,
	nowSeconds: number,
	toleranceSeconds: number,
): VerifyResult {
	if (!secret)
		return { ok: false, status: 401, reason: 'No secret token is configured in the credential' };
	const timestamp = timestampHeader?.trim() ?? '';
	if (!timestamp)
		return { ok: false, status: 401, reason: 'Missing x-zm-request-timestamp header' };
	if (!TIMESTAMP_SHAPE.test(timestamp)) {
		return { ok: false, status: 401, reason: 'Malformed x-zm-request-timestamp header' };
	}
	const signature = signatureHeader?.trim() ?? '';
	if (!signature) return { ok: false, status: 401, reason: 'Missing x-zm-signature header' };
	if (!SIGNATURE_SHAPE.test(signature))
		return { ok: false, status: 401, reason: 'Malformed x-zm-signature header' };

	const expected = Buffer.from(sign(secret, timestamp, rawBody).slice(3), 'hex');
	const received = Buffer.from(signature.slice(3), 'hex');
	// Both are 32 bytes by the shape check above, as timingSafeEqual requires.
	if (!timingSafeEqual(expected, received)) {
		return { ok: false, status: 401, reason: 'Signature does not match the secret token' };
	}
	if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) {
		return {
			ok: false,
			status: 401,
			reason: `Timestamp is more than ${toleranceSeconds} s from now (a replayed or delayed request)`,
		};
	}
	return { ok: true };
}

/** The answer to `endpoint.url_validation` (https://developers.zoom.us/docs/api/webhooks/#validate-your-webhook-endpoint). */
export function validationAnswer(
	secret: string,
	plainToken: string,
): { plainToken: string; encryptedToken: string } {
	return { plainToken, encryptedToken: hmacHex(secret, plainToken) };
}

export interface ZoomEnvelope {
	event: string;
	event_ts?: number;
	payload: Record<string, unknown>;
	download_token?: string;
	[key: string]: unknown;
}

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a body as Zoom's envelope: a JSON object with a non-empty `event` and an object `payload`. */
export function parseEnvelope(
	rawBody: Buffer | string,
): { ok: true; body: ZoomEnvelope } | Rejection {
	const text = (typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8')).replace(
		/^\uFEFF/,
		'',
	);
	if (!text.trim())
		return { ok: false, status: 400, reason: 'Empty body; Zoom always sends a JSON event' };
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return { ok: false, status: 400, reason: 'Body is not valid JSON' };
	}
	if (nestsDeeperThan(parsed)) return { ok: false, status: 400, reason: TOO_DEEP_REASON };
	if (!isObject(parsed)) return { ok: false, status: 400, reason: 'Body is not a JSON object' };
	if (typeof parsed.event !== 'string' || !parsed.event) {
		return { ok: false, status: 400, reason: 'Body has no "event" string' };
	}
	if (!isObject(parsed.payload))
		return { ok: false, status: 400, reason: 'Body has no "payload" object' };
	if (parsed.event_ts !== undefined && typeof parsed.event_ts !== 'number') {
		return { ok: false, status: 400, reason: '"event_ts" is not a number' };
	}
	return { ok: true, body: parsed as ZoomEnvelope };
}

/** One header's value; a repeated header is refused (undefined) rather than guessed at. */
export function headerValue(headers: Headers, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
	return value;
}

export type Decision =
	| Rejection
	| { ok: true; kind: 'validation'; answer: { plainToken: string; encryptedToken: string } }
	| { ok: true; kind: 'event'; body: ZoomEnvelope };

export interface ScreenInput {
	secret: string;
	headers: Headers;
	rawBody: Buffer;
	nowSeconds: number;
	toleranceSeconds?: number;
	maxBytes?: number;
}

/**
 * What to do with one request: reject it (413, 401, 400, in that order: size is checked before any
 * hashing, and nothing unauthenticated is parsed), answer Zoom's URL validation, or hand on an event.
 * URL validation requests are signed by Zoom, so they are verified like any event.
 */
export function screen(input: ScreenInput): Decision {
	const maxBytes = input.maxBytes ?? MAX_BODY_BYTES;
	if (input.rawBody.length > maxBytes) {
		return { ok: false, status: 413, reason: `Body is larger than ${maxBytes} bytes` };
	}
	const verified = verify(
		input.secret,
		headerValue(input.headers, 'x-zm-request-timestamp'),
		headerValue(input.headers, 'x-zm-signature'),
		input.rawBody,
		input.nowSeconds,
		input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
	);
	if (!verified.ok) return verified;
	const parsed = parseEnvelope(input.rawBody);
	if (!parsed.ok) return parsed;
	if (parsed.body.event === URL_VALIDATION_EVENT) {
		const plainToken = parsed.body.payload.plainToken;
		if (typeof plainToken !== 'string' || !plainToken) {
			return {
				ok: false,
				status: 400,
				reason: 'URL validation without a "payload.plainToken" string',
			};
		}
		return { ok: true, kind: 'validation', answer: validationAnswer(input.secret, plainToken) };
	}
	return { ok: true, kind: 'event', body: parsed.body };
}

/** Whether a string looks like a Zoom app's Secret Token; undefined when it does, else what is wrong. */
export function secretTokenProblem(token: unknown): string | undefined {
	if (typeof token !== 'string' || token.length === 0) return 'The secret token is empty';
	if (token.trim() !== token)
		return 'The secret token has spaces or line breaks around it; paste it again without them';
	if (token.length < 16)
		return `The secret token is ${token.length} characters long; Zoom's are at least 16`;
	if (!/^[A-Za-z0-9_-]+$/.test(token)) {
		return 'The secret token has characters Zoom never uses (only letters, digits, "-" and "_")';
	}
	return undefined;
}
