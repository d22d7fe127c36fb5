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

/**
 * How old an event may be, by its own time (event_ts, which Zoom keeps across retries and which the
 * signature covers), and still be accepted: Zoom's last retry comes 85 min after the first try, and
 * 35 min more allow for Zoom sending late. Older copies, retried or replayed, are refused, so the
 * once-only memory only has to reach back this far (plus the clock slack), whatever the request's
 * timestamp tolerance is.
 */
export const EVENT_WINDOW_SECONDS = 2 * 3600;
/** How long every accepted delivery is remembered: the event window plus the clock slack. */
export const MEMORY_SECONDS = EVENT_WINDOW_SECONDS + SEEN_SLACK_SECONDS;
/**
 * The highest rate the memory is sized for, in deliveries per second per trigger node: the trigger's
 * capacity (docs/BENCHMARKS.md: main mode's ceiling 12.2/s; queue mode is lower). Above it for longer
 * than MEMORY_SECONDS, the oldest deliveries leave the memory early (docs/SCALING.md).
 */
export const CAPACITY_PER_SECOND = 12;
/** Ledger entries one delivery takes: its content key and its owner (shared/ledger.ts). */
export const LEDGER_ENTRIES_PER_DELIVERY = 2;
/** 2 × 12/s × 7,800 s = 187,200 entries, about 5 MB as n8n stores them (24-character hashes). */
export const LEDGER_MAX_ENTRIES =
	LEDGER_ENTRIES_PER_DELIVERY * CAPACITY_PER_SECOND * MEMORY_SECONDS;

/**
 * Why a delivery's event is outside the accepted window, or undefined when it is inside or has no
 * time (then only the request's timestamp tolerance bounds a replay).
 */
export function eventTimeProblem(eventTs: unknown, nowSeconds: number): string | undefined {
	const ms = plausibleMs(eventTs);
	if (ms === undefined) return undefined;
	const ageSeconds = nowSeconds - ms / 1000;
	if (ageSeconds > EVENT_WINDOW_SECONDS)
		return `Event time (event_ts) is more than ${EVENT_WINDOW_SECONDS} s ago: a copy this late is not told from the first one, so it is refused`;
	if (ageSeconds < -SEEN_SLACK_SECONDS)
		return `Event time (event_ts) is more than ${SEEN_SLACK_SECONDS} s ahead of this server's clock`;
	return undefined;
}

/**
 * What the ledger claims of a delivery: its content key. A retry or replay carries the same signed
 * body, so the content key alone tells it; the tracking id helps only at the door (cheaper there).
 */
export function ledgerKeys(keys: string[]): string[] {
	return keys.filter((key) => key.startsWith('c:'));
}

/** How long a claimed delivery is remembered in this process: the whole memory span. */
export function claimedLimits(): SeenLimits {
	return {
		maxEntries: 2 * CAPACITY_PER_SECOND * MEMORY_SECONDS,
		maxAgeSeconds: MEMORY_SECONDS,
	};
}

/**
 * Keys with the time they were first seen, kept until they are `limits.maxAgeSeconds` old or beyond
 * `limits.maxEntries`: the same rule as a SeenRecord, at a constant cost per key (a Map keeps its
 * keys in insertion order, so the oldest are always first).
 */
export class KeyMemory {
	private readonly seen = new Map<string, number>();

	constructor(private readonly limits: SeenLimits) {}

	get size(): number {
		return this.seen.size;
	}

	has(keys: string[], nowSeconds: number): boolean {
		this.expire(nowSeconds);
		return keys.some((key) => this.seen.has(key));
	}

	add(keys: string[], nowSeconds: number): void {
		for (const key of keys) {
			this.seen.delete(key);
			this.seen.set(key, nowSeconds);
		}
		this.expire(nowSeconds);
	}

	private expire(nowSeconds: number): void {
		for (const [key, at] of this.seen) {
			if (nowSeconds - at <= this.limits.maxAgeSeconds && this.seen.size <= this.limits.maxEntries)
				break;
			this.seen.delete(key);
		}
	}
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
