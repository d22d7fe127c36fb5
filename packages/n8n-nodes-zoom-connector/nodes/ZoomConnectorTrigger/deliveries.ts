/**
 * Which deliveries are the same one (pure, no n8n imports): the keys a delivery is known by, and the
 * bounded record of deliveries already claimed that answers Zoom's retries at the door. The once-only
 * rule across processes is nodes/shared/ledger.ts; this is what it is asked about.
 */
import { createHash } from 'node:crypto';

import { headerValue, isObject, type Headers, type ZoomEnvelope } from './signature';

/** How long after the tolerance the once-only record keeps a delivery, for clocks that disagree. */
export const SEEN_SLACK_SECONDS = 600;

/** Epoch milliseconds as a whole number a Date can hold, or undefined. */
export function plausibleMs(ms: unknown): number | undefined {
	if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0 || ms > 8.64e15) return undefined;
	return Math.trunc(ms);
}

/** Epoch milliseconds as ISO-8601 UTC, or undefined when it is not a plausible time. */
export function isoFromMs(ms: unknown): string | undefined {
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
	const headers: Headers =
		typeof item.trackingId === 'string' ? { 'x-zm-trackingid': item.trackingId } : {};
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

export function hasSeen(
	record: SeenRecord,
	keys: string[],
	nowSeconds: number,
	limits: SeenLimits = SEEN_LIMITS,
): boolean {
	const wanted = new Set(keys);
	return record.entries.some(
		([key, at]) => wanted.has(key) && nowSeconds - at <= limits.maxAgeSeconds,
	);
}

/** A new record with `keys` added, expired keys dropped and the oldest cut beyond the size limit. */
export function remember(
	record: SeenRecord,
	keys: string[],
	nowSeconds: number,
	limits: SeenLimits = SEEN_LIMITS,
): SeenRecord {
	const fresh = new Set(keys);
	const kept = record.entries.filter(
		([key, at]) => !fresh.has(key) && nowSeconds - at <= limits.maxAgeSeconds,
	);
	const entries: Array<[string, number]> = [
		...kept,
		...[...fresh].map((key): [string, number] => [key, nowSeconds]),
	];
	return { version: 1, entries: entries.slice(Math.max(0, entries.length - limits.maxEntries)) };
}
