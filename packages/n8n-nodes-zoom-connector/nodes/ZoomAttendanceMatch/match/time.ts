/**
 * Times in and out of the match: join and leave values (ISO 8601 text or epoch numbers) to epoch ms,
 * with a fast path for the form Zoom sends, and epoch ms back to ISO text for the output items. Both
 * are hand-written because at 100k rows `Date.parse` and `toISOString` were a large part of the node's
 * time; the unit tests hold them to the built-ins (test/unit/attendanceMatchItems.test.ts, attendanceMatch.test.ts).
 */

/** What parseTime gives for a value that is not a usable time (any valid time is ≥ 0). */
export const MISSING = -1;
export const INVALID = -2;
export const OUT_OF_RANGE = -3;

/**
 * A number below this is epoch seconds, from it on epoch milliseconds: 1e11 s is the year 5138 and 1e11 ms is
 * March 1973, so no time a meeting has (1973 to 5138) reads both ways.
 */
export const EPOCH_SECONDS_BELOW = 1e11;

const DAY = 86_400_000;
const YEAR_1000 = -30_610_224_000_000;
const YEAR_10000 = 253_402_300_800_000;

/** A value no sum of a few digits gets back from: any part holding a non-digit ends up negative. */
const NOT_A_DIGIT = -100_000;

/** The value of the ASCII digit at `index`, NOT_A_DIGIT for any other character (small integers only, for speed). */
function digit(value: string, index: number): number {
	const code = value.charCodeAt(index) - 48;
	return code >= 0 && code <= 9 ? code : NOT_A_DIGIT;
}

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
/** Leap years from year 1 to 1969. */
const LEAP_YEARS_BEFORE_1970 = 477;
/**
 * Days from 1970-01-01 to the start of the year last parsed: rows of one session share their year. Module
 * state, but only a memo: the pair always agrees (both are set together, synchronously), so a result
 * never depends on what was parsed before.
 */
let lastYear = 1970;
let lastYearDays = 0;

/**
 * `Date.parse`, several times faster for what Zoom sends: "2024-05-01T10:00:00Z" and
 * "2024-05-01T10:00:00.123Z" with a year from 1970 on and a real calendar date and time are read
 * directly; anything else (offsets, other forms, out-of-range parts) goes to Date.parse itself.
 */
export function parseIsoTime(value: string): number {
	const length = value.length;
	if (
		(length !== 20 && length !== 24) ||
		value.charCodeAt(length - 1) !== 90 /* Z */ ||
		value.charCodeAt(4) !== 45 /* - */ ||
		value.charCodeAt(7) !== 45 ||
		value.charCodeAt(10) !== 84 /* T */ ||
		value.charCodeAt(13) !== 58 /* : */ ||
		value.charCodeAt(16) !== 58 ||
		(length === 24 && value.charCodeAt(19) !== 46) /* . */
	) {
		return Date.parse(value);
	}
	const year =
		digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
	const month = digit(value, 5) * 10 + digit(value, 6);
	const day = digit(value, 8) * 10 + digit(value, 9);
	const hours = digit(value, 11) * 10 + digit(value, 12);
	const minutes = digit(value, 14) * 10 + digit(value, 15);
	const seconds = digit(value, 17) * 10 + digit(value, 18);
	const millis =
		length === 24 ? digit(value, 20) * 100 + digit(value, 21) * 10 + digit(value, 22) : 0;
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	const monthDays =
		month === 2
			? leap
				? 29
				: 28
			: month === 4 || month === 6 || month === 9 || month === 11
				? 30
				: 31;
	if (
		year < 1970 ||
		month < 1 ||
		month > 12 ||
		day < 1 ||
		day > monthDays ||
		hours < 0 ||
		hours > 23 ||
		minutes < 0 ||
		minutes > 59 ||
		seconds < 0 ||
		seconds > 59 ||
		millis < 0
	) {
		return Date.parse(value);
	}
	if (year !== lastYear) {
		const before = year - 1;
		lastYear = year;
		lastYearDays =
			(year - 1970) * 365 +
			Math.floor(before / 4) -
			Math.floor(before / 100) +
			Math.floor(before / 400) -
			LEAP_YEARS_BEFORE_1970;
	}
	const days = lastYearDays + DAYS_BEFORE_MONTH[month - 1] + (leap && month > 2 ? 1 : 0) + day - 1;
	return ((days * 24 + hours) * 60 + minutes) * 60_000 + seconds * 1000 + millis;
}

/**
 * Epoch ms; MISSING for undefined/null/''; INVALID when present but not a time; OUT_OF_RANGE for a time
 * outside 1970–9999 (an ISO time string cannot show it, and `new Date(1e300)` cannot even be formatted).
 * Negative epochs are not Zoom's.
 */
export function parseTime(value: unknown): number {
	if (value === undefined || value === null || value === '') return MISSING;
	let ms: number;
	if (typeof value === 'string') ms = parseIsoTime(value);
	else if (typeof value === 'number') ms = value < EPOCH_SECONDS_BELOW ? value * 1000 : value;
	else return INVALID;
	if (Number.isNaN(ms)) return INVALID;
	return ms >= 0 && ms < YEAR_10000 ? ms : OUT_OF_RANGE;
}

/** Character codes of the tens and units digits of 0–99. */
const tens = (n: number): number => 48 + Math.floor(n / 10);
const units = (n: number): number => 48 + (n % 10);

/**
 * `new Date(ms).toISOString()`, about four times faster and with a quarter of the garbage: at 100k people
 * the two timestamps per output item were a large part of the node's time. Civil date from days since
 * the epoch (H. Hinnant's algorithm), written with one String.fromCharCode call, which makes one flat
 * string (a template literal makes a tree of a dozen cons strings). Years outside 1000–9999 take the
 * native path, whose format differs there.
 */
export function isoTimestamp(ms: number): string {
	if (!Number.isFinite(ms) || ms < YEAR_1000 || ms >= YEAR_10000) return new Date(ms).toISOString();
	const time = Math.floor(ms);
	const days = Math.floor(time / DAY);
	let rest = time - days * DAY;
	const z = days + 719_468;
	const era = Math.floor(z / 146_097);
	const dayOfEra = z - era * 146_097;
	const yearOfEra = Math.floor(
		(dayOfEra -
			Math.floor(dayOfEra / 1460) +
			Math.floor(dayOfEra / 36_524) -
			Math.floor(dayOfEra / 146_096)) /
			365,
	);
	const dayOfYear =
		dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
	const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
	const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
	const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
	const hours = Math.floor(rest / 3_600_000);
	rest -= hours * 3_600_000;
	const minutes = Math.floor(rest / 60_000);
	rest -= minutes * 60_000;
	const seconds = Math.floor(rest / 1000);
	const millis = rest - seconds * 1000;
	const century = Math.floor(year / 100);
	const yearOfCentury = year - century * 100;
	const centiseconds = Math.floor(millis / 10);
	// prettier-ignore
	return String.fromCharCode(
		tens(century), units(century), tens(yearOfCentury), units(yearOfCentury), 45, // YYYY-
		tens(month), units(month), 45, tens(day), units(day), 84, // MM-DDT
		tens(hours), units(hours), 58, tens(minutes), units(minutes), 58, tens(seconds), units(seconds), 46, // hh:mm:ss.
		tens(centiseconds), units(centiseconds), units(millis), 90, // sssZ
	);
}
