/**
 * Date-times as Zoom wants them. Pure (luxon only), so it is unit-tested directly.
 *
 * Zoom reads `start_time` either as UTC (`yyyy-MM-ddTHH:mm:ssZ`) or, without the Z, as a wall-clock
 * time in the meeting's `timezone`. n8n hands us the date picker's value (a wall-clock string without
 * offset, read in the workflow's time zone), ISO strings with or without offset, or luxon/JS dates
 * from expressions.
 */
import { DateTime, IANAZone } from 'luxon';

export interface ZoomTime {
	value?: string;
	problem?: string;
}

// The offset must follow a time, or a plain date's "-31" would read as one.
const HAS_OFFSET = /\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;
const LOCAL_FORMAT = "yyyy-MM-dd'T'HH:mm:ss";

export function isValidTimeZone(name: string): boolean {
	return IANAZone.isValidZone(name);
}

function quote(value: unknown): string {
	const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
	return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}

/**
 * A date-time from what a user or n8n gives: an ISO string (offset or not), "yyyy-MM-dd HH:mm[:ss]",
 * epoch milliseconds, a JS Date, or a luxon DateTime (duck-typed: n8n's luxon is not our import).
 * Values without an offset are wall-clock times in `zone`.
 */
export function parseDateTime(value: unknown, zone: string): DateTime | undefined {
	if (value instanceof Date) return DateTime.fromJSDate(value);
	if (typeof value === 'number' && Number.isFinite(value)) return DateTime.fromMillis(value);
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	) {
		return parseDateTime((value as { toISO: () => string }).toISO(), zone);
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (!text) return undefined;
	const options = HAS_OFFSET.test(text) ? { setZone: true } : { zone };
	let parsed = DateTime.fromISO(text, options);
	if (!parsed.isValid) parsed = DateTime.fromSQL(text, options);
	return parsed.isValid ? parsed : undefined;
}

/**
 * `start_time` for Zoom. With `timeZone` (the meeting's): local `yyyy-MM-ddTHH:mm:ss` in that zone —
 * an instant is converted into it, a wall-clock value is kept as written. Without: UTC with Z, reading
 * a wall-clock value in `fallbackZone` (the workflow's time zone, as n8n's date picker means it).
 */
export function toZoomTime(
	value: unknown,
	timeZone: string | undefined,
	fallbackZone = 'UTC',
): ZoomTime {
	const zone = timeZone || fallbackZone;
	if (!isValidTimeZone(zone))
		return { problem: `the time zone "${zone}" is not an IANA time zone` };
	const parsed = parseDateTime(value, zone);
	if (!parsed) return { problem: `${quote(value)} is not a date-time` };
	return timeZone
		? { value: parsed.setZone(timeZone).toFormat(LOCAL_FORMAT) }
		: { value: parsed.toUTC().toFormat(`${LOCAL_FORMAT}'Z'`) };
}

/** A UTC `yyyy-MM-ddTHH:mm:ssZ` (recurrence `end_date_time`); wall-clock values are read in `zone`. */
export function toZoomUtc(value: unknown, zone = 'UTC'): ZoomTime {
	return toZoomTime(value, undefined, zone);
}
