/**
 * Zoom lists a user's recordings one month at a time (`from`/`to` at most a month apart:
 * https://developers.zoom.us/docs/api/meetings/#tag/cloud-recording/GET/users/{userId}/recordings).
 * A longer range is walked as consecutive windows. Pure: no n8n imports, unit-tested.
 */

export interface DateWindow {
	/** First day, yyyy-MM-dd (UTC), inclusive. */
	from: string;
	/** Last day, yyyy-MM-dd (UTC), inclusive. */
	to: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Milliseconds of a yyyy-MM-dd day at 00:00 UTC; undefined for anything else (2023-02-30 included). */
export function parseZoomDate(value: string): number | undefined {
	const match = DATE.exec(value);
	if (!match) return undefined;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const ms = Date.UTC(year, month - 1, day);
	const back = new Date(ms);
	if (
		back.getUTCFullYear() !== year ||
		back.getUTCMonth() !== month - 1 ||
		back.getUTCDate() !== day
	)
		return undefined;
	return ms;
}

export function formatZoomDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The day `months` calendar months after `ms`, clamped to the end of a shorter month
 * (Jan 31 + 1 month = Feb 28/29), as people and Zoom count a month.
 */
export function addMonths(ms: number, months: number): number {
	const date = new Date(ms);
	const target = date.getUTCMonth() + months;
	const year = date.getUTCFullYear() + Math.floor(target / 12);
	const month = ((target % 12) + 12) % 12;
	const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
	return Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay));
}

/**
 * [from, to] (inclusive days) as consecutive windows, oldest first, none longer than a month:
 * each ends the day before the same date a month after its own start (Jan 1–Jan 31, Feb 1–Feb 28…),
 * the next starts the day after, and the last ends at `to`. Counting each month from the window's
 * own start (rather than from `from`) keeps every window inside Zoom's one-month rule even after a
 * clamped month end (Jan 31 → Feb 28).
 */
export function monthWindows(from: string, to: string): DateWindow[] {
	const start = parseZoomDate(from);
	const end = parseZoomDate(to);
	if (start === undefined) throw new RangeError(`"${from}" is not a yyyy-MM-dd date`);
	if (end === undefined) throw new RangeError(`"${to}" is not a yyyy-MM-dd date`);
	if (start > end) throw new RangeError(`The range starts (${from}) after it ends (${to})`);
	const windows: DateWindow[] = [];
	for (let windowStart = start; windowStart <= end;) {
		const windowEnd = Math.min(end, addMonths(windowStart, 1) - DAY_MS);
		windows.push({ from: formatZoomDate(windowStart), to: formatZoomDate(windowEnd) });
		windowStart = windowEnd + DAY_MS;
	}
	return windows;
}

/**
 * A calendar day from what an n8n date field or expression gives: "2024-03-01", an ISO date-time
 * (its calendar day as written), a JS Date or a Luxon DateTime (its UTC day). Undefined otherwise.
 */
export function toZoomDate(value: unknown): string | undefined {
	if (value instanceof Date)
		return Number.isNaN(value.getTime()) ? undefined : formatZoomDate(value.getTime());
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toUTC?: unknown }).toUTC === 'function'
	) {
		const utc = (value as { toUTC: () => { toISODate: () => string | null } }).toUTC();
		const day = utc.toISODate();
		return day && parseZoomDate(day) !== undefined ? day : undefined;
	}
	if (typeof value !== 'string') return undefined;
	const day = value.trim().slice(0, 10);
	return parseZoomDate(day) !== undefined && /^\d{4}-\d{2}-\d{2}([T ]|$)/.test(value.trim())
		? day
		: undefined;
}
