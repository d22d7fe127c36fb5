/**
 * Pure webhook logic for the Zoom Connector Trigger (no n8n imports): Zoom's v0 signature, the URL
 * validation answer, screening a raw request into a decision, delivery keys and the bounded record of
 * deliveries already emitted. See zoom-api-reference §8.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

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

/** How long after the tolerance the once-only record keeps a delivery, for clocks that disagree. */
export const SEEN_SLACK_SECONDS = 600;

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
	if (!secret) return { ok: false, status: 401, reason: 'No secret token is configured in the credential' };
	const timestamp = timestampHeader?.trim() ?? '';
	if (!timestamp) return { ok: false, status: 401, reason: 'Missing x-zm-request-timestamp header' };
	if (!TIMESTAMP_SHAPE.test(timestamp)) {
		return { ok: false, status: 401, reason: 'Malformed x-zm-request-timestamp header' };
	}
	const signature = signatureHeader?.trim() ?? '';
	if (!signature) return { ok: false, status: 401, reason: 'Missing x-zm-signature header' };
	if (!SIGNATURE_SHAPE.test(signature)) return { ok: false, status: 401, reason: 'Malformed x-zm-signature header' };

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

/** The answer to `endpoint.url_validation` (§8.3). */
export function validationAnswer(secret: string, plainToken: string): { plainToken: string; encryptedToken: string } {
	return { plainToken, encryptedToken: hmacHex(secret, plainToken) };
}

export interface ZoomEnvelope {
	event: string;
	event_ts?: number;
	payload: Record<string, unknown>;
	download_token?: string;
	[key: string]: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a body as Zoom's envelope: a JSON object with a non-empty `event` and an object `payload`. */
export function parseEnvelope(rawBody: Buffer | string): { ok: true; body: ZoomEnvelope } | Rejection {
	const text = (typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8')).replace(/^\uFEFF/, '');
	if (!text.trim()) return { ok: false, status: 400, reason: 'Empty body; Zoom always sends a JSON event' };
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return { ok: false, status: 400, reason: 'Body is not valid JSON' };
	}
	if (!isObject(parsed)) return { ok: false, status: 400, reason: 'Body is not a JSON object' };
	if (typeof parsed.event !== 'string' || !parsed.event) {
		return { ok: false, status: 400, reason: 'Body has no "event" string' };
	}
	if (!isObject(parsed.payload)) return { ok: false, status: 400, reason: 'Body has no "payload" object' };
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
			return { ok: false, status: 400, reason: 'URL validation without a "payload.plainToken" string' };
		}
		return { ok: true, kind: 'validation', answer: validationAnswer(input.secret, plainToken) };
	}
	return { ok: true, kind: 'event', body: parsed.body };
}

/** Epoch milliseconds as a whole number a Date can hold, or undefined. */
function plausibleMs(ms: unknown): number | undefined {
	if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0 || ms > 8.64e15) return undefined;
	return Math.trunc(ms);
}

/** Epoch milliseconds as ISO-8601 UTC, or undefined when it is not a plausible time. */
function isoFromMs(ms: unknown): string | undefined {
	const whole = plausibleMs(ms);
	return whole === undefined ? undefined : new Date(whole).toISOString();
}

/** JSON with object keys sorted, so equal payloads hash equally whatever order Zoom serialised them in. */
function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (isObject(value)) {
		const keys = Object.keys(value)
			.filter((key) => value[key] !== undefined)
			.sort();
		return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/** 96 bits of SHA-256: collisions are negligible at this record's size, and the record stays small. */
function shortHash(text: string): string {
	return createHash('sha256').update(text).digest('hex').slice(0, 24);
}

/**
 * The keys one delivery is known by. Zoom keeps `x-zm-trackingid` across retries of a delivery; the
 * content key (event, event_ts and the whole payload) also catches a re-send under a new tracking id,
 * without merging two participants who join the same meeting in the same millisecond.
 */
export function deliveryKeys(headers: Headers, body: ZoomEnvelope): string[] {
	const keys: string[] = [];
	const trackingId = headerValue(headers, 'x-zm-trackingid')?.trim();
	if (trackingId) keys.push(`t:${shortHash(trackingId)}`);
	const eventMs = plausibleMs(body.event_ts);
	keys.push(`c:${shortHash(`${body.event}\n${eventMs ?? ''}\n${canonicalJson(body.payload)}`)}`);
	return keys;
}

/**
 * The same keys, rebuilt from the item `summarise` made of the delivery (its trackingId, event,
 * eventTime and payload), so the run that the delivery started can record it too.
 */
export function itemDeliveryKeys(item: Record<string, unknown>): string[] {
	if (typeof item.event !== 'string' || !isObject(item.payload)) return [];
	const eventMs = typeof item.eventTime === 'string' ? Date.parse(item.eventTime) : undefined;
	const headers: Headers = typeof item.trackingId === 'string' ? { 'x-zm-trackingid': item.trackingId } : {};
	return deliveryKeys(headers, { event: item.event, event_ts: eventMs, payload: item.payload });
}

/** Deliveries seen: [key, first seen (epoch s)] oldest first. */
export interface SeenRecord {
	version: 1;
	entries: Array<[string, number]>;
}

export interface SeenLimits {
	/** Most keys kept (two per delivery). */
	maxEntries: number;
	/** Keys older than this are dropped; Zoom's last retry comes 85 minutes after the first try. */
	maxAgeSeconds: number;
}

export const SEEN_LIMITS: SeenLimits = { maxEntries: 2000, maxAgeSeconds: 6 * 3600 };

/** Most deliveries one process remembers as claimed (see claimedLimits). */
const CLAIMED_MAX_ENTRIES = 20_000;

/** How long a claimed delivery is remembered: the whole timestamp window, so every retry is matched. */
export function claimedLimits(toleranceSeconds: number): SeenLimits {
	return { maxEntries: CLAIMED_MAX_ENTRIES, maxAgeSeconds: toleranceSeconds + SEEN_SLACK_SECONDS };
}

export function emptySeen(): SeenRecord {
	return { version: 1, entries: [] };
}

/** Reads a record back from static data, starting afresh from anything it does not recognise. */
export function loadSeen(value: unknown): SeenRecord {
	if (!isObject(value) || value.version !== 1 || !Array.isArray(value.entries)) return emptySeen();
	const entries = value.entries.filter(
		(entry): entry is [string, number] =>
			Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number',
	);
	return { version: 1, entries: entries.map(([key, at]) => [key, at]) };
}

export function hasSeen(record: SeenRecord, keys: string[], nowSeconds: number, limits: SeenLimits = SEEN_LIMITS): boolean {
	const wanted = new Set(keys);
	return record.entries.some(([key, at]) => wanted.has(key) && nowSeconds - at <= limits.maxAgeSeconds);
}

/** A new record with `keys` added, expired keys dropped and the oldest cut beyond the size limit. */
export function remember(
	record: SeenRecord,
	keys: string[],
	nowSeconds: number,
	limits: SeenLimits = SEEN_LIMITS,
): SeenRecord {
	const fresh = new Set(keys);
	const kept = record.entries.filter(([key, at]) => !fresh.has(key) && nowSeconds - at <= limits.maxAgeSeconds);
	const entries: Array<[string, number]> = [...kept, ...[...fresh].map((key): [string, number] => [key, nowSeconds])];
	return { version: 1, entries: entries.slice(Math.max(0, entries.length - limits.maxEntries)) };
}

/** Whether a string looks like a Zoom app's Secret Token; undefined when it does, else what is wrong. */
export function secretTokenProblem(token: unknown): string | undefined {
	if (typeof token !== 'string' || token.length === 0) return 'The secret token is empty';
	if (token.trim() !== token) return 'The secret token has spaces or line breaks around it; paste it again without them';
	if (token.length < 16) return `The secret token is ${token.length} characters long; Zoom's are at least 16`;
	if (!/^[A-Za-z0-9_-]+$/.test(token)) {
		return 'The secret token has characters Zoom never uses (only letters, digits, "-" and "_")';
	}
	return undefined;
}

/** Whether the node's Events selection takes this event ('*' is All). */
export function isSelected(selected: string[], event: string): boolean {
	return selected.includes('*') || selected.includes(event);
}

function text(value: unknown): string | undefined {
	if (typeof value === 'string' && value !== '') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}


/**
 * The item a delivery becomes: what the next node usually needs at the top level (ids always as
 * strings, since Zoom sends meeting ids as numbers in some events and strings in others), then the
 * whole payload. Fields Zoom did not send are left out rather than set to null.
 */
export function summarise(body: ZoomEnvelope, trackingId?: string): Record<string, unknown> {
	const payload = body.payload;
	const object = isObject(payload.object) ? payload.object : {};
	const out: Record<string, unknown> = { event: body.event };
	const put = (key: string, value: unknown) => {
		const shown = text(value);
		if (shown !== undefined) out[key] = shown;
	};
	put('eventTime', isoFromMs(body.event_ts));
	put('accountId', payload.account_id);

	const family = body.event.split('.')[0];
	const idKey =
		family === 'webinar' ? 'webinarId' : family === 'meeting' || family === 'recording' ? 'meetingId' : family === 'user' ? 'userId' : 'objectId';
	put(idKey, object.id);
	put('uuid', object.uuid);
	put('topic', object.topic);
	put('hostId', object.host_id);
	put('hostEmail', object.host_email);
	put('startTime', object.start_time);
	put('endTime', object.end_time);
	if (typeof object.duration === 'number') out.duration = object.duration;

	if (isObject(object.participant)) {
		const participant = object.participant;
		put('participantName', participant.user_name);
		put('participantEmail', participant.email);
		put('participantId', participant.participant_user_id ?? participant.id);
		put('participantJoinTime', participant.join_time);
		put('participantLeaveTime', participant.leave_time);
		put('participantLeaveReason', participant.leave_reason);
	}
	if (isObject(object.registrant)) {
		const registrant = object.registrant;
		const name = [text(registrant.first_name), text(registrant.last_name)].filter(Boolean).join(' ');
		put('registrantId', registrant.id);
		put('registrantName', name);
		put('registrantEmail', registrant.email);
		put('registrantJoinUrl', registrant.join_url);
	}
	if (family === 'user') {
		put('userEmail', object.email);
	}
	if (body.event === 'app_deauthorized') {
		put('userId', payload.user_id);
		put('clientId', payload.client_id);
		put('deauthorizationTime', payload.deauthorization_time);
	}
	put('operator', payload.operator);
	put('downloadToken', body.download_token);
	put('trackingId', trackingId);
	out.payload = payload;
	return out;
}
