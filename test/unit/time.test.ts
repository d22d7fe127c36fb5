import fc from 'fast-check';
import { DateTime } from 'luxon';

import { isValidTimeZone, parseDateTime, toZoomTime, toZoomUtc } from 'n8n-nodes-zoom-connector/nodes/shared/time';

describe('toZoomTime with a chosen time zone', () => {
	it('keeps a wall-clock value (the date picker’s form) as written, to seconds', () => {
		expect(toZoomTime('2025-07-01T09:30:00', 'Europe/Berlin')).toEqual({ value: '2025-07-01T09:30:00' });
		expect(toZoomTime('2025-07-01T09:30', 'Europe/Berlin')).toEqual({ value: '2025-07-01T09:30:00' });
		expect(toZoomTime('2025-07-01 09:30', 'America/New_York')).toEqual({ value: '2025-07-01T09:30:00' });
	});

	it('converts an instant into the zone’s local time (summer and winter offsets)', () => {
		expect(toZoomTime('2025-07-01T07:30:00Z', 'Europe/Berlin')).toEqual({ value: '2025-07-01T09:30:00' });
		expect(toZoomTime('2025-01-15T07:30:00.000Z', 'Europe/Berlin')).toEqual({ value: '2025-01-15T08:30:00' });
		expect(toZoomTime('2025-07-01T09:30:00+02:00', 'America/Los_Angeles')).toEqual({ value: '2025-07-01T00:30:00' });
	});

	it('reads luxon DateTimes, JS Dates and epoch milliseconds as instants', () => {
		const instant = Date.UTC(2025, 6, 1, 7, 30);
		expect(toZoomTime(new Date(instant), 'Europe/Berlin')).toEqual({ value: '2025-07-01T09:30:00' });
		expect(toZoomTime(instant, 'Asia/Kolkata')).toEqual({ value: '2025-07-01T13:00:00' });
		const dt = DateTime.fromMillis(instant, { zone: 'Asia/Tokyo' });
		expect(toZoomTime(dt, 'Europe/Berlin')).toEqual({ value: '2025-07-01T09:30:00' });
		// A DateTime from another copy of luxon (n8n's) is not `instanceof` ours: only toISO is used.
		expect(toZoomTime({ toISO: () => '2025-07-01T07:30:00.000Z' }, 'Europe/Berlin')).toEqual({ value: '2025-07-01T09:30:00' });
	});
});

describe('toZoomTime without a time zone', () => {
	it('sends UTC with Z, reading a wall-clock value in the workflow’s zone', () => {
		expect(toZoomTime('2025-07-01T09:30:00', undefined, 'Europe/Berlin')).toEqual({ value: '2025-07-01T07:30:00Z' });
		expect(toZoomTime('2025-07-01T09:30:00', '', 'UTC')).toEqual({ value: '2025-07-01T09:30:00Z' });
		expect(toZoomTime('2025-07-01T09:30:00-04:00', undefined, 'Europe/Berlin')).toEqual({ value: '2025-07-01T13:30:00Z' });
		expect(toZoomUtc('2025-12-31', 'Europe/Berlin')).toEqual({ value: '2025-12-30T23:00:00Z' });
	});
});

describe('toZoomTime problems', () => {
	it.each([
		['tomorrow', '"tomorrow" is not a date-time'],
		['', '"" is not a date-time'],
		['2025-13-01T10:00:00', '"2025-13-01T10:00:00" is not a date-time'],
		[null, 'null is not a date-time'],
	])('rejects %p', (input, problem) => {
		expect(toZoomTime(input, 'Europe/Berlin')).toEqual({ problem: expect.stringContaining(problem.replace(/^null/, '"null"')) });
	});

	it('rejects an unknown zone', () => {
		expect(toZoomTime('2025-07-01T09:30:00', 'Mars/Olympus')).toEqual({ problem: 'the time zone "Mars/Olympus" is not an IANA time zone' });
	});
});

describe('time zones and parsing', () => {
	it('knows IANA zones only', () => {
		expect(isValidTimeZone('Europe/Berlin')).toBe(true);
		expect(isValidTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
		expect(isValidTimeZone('Berlin')).toBe(false);
		expect(isValidTimeZone('')).toBe(false);
	});

	it('a local value sent for a zone means the same instant Zoom will read back (property)', () => {
		const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'];
		fc.assert(
			fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
				const instant = Math.floor(ms / 1000) * 1000;
				const local = toZoomTime(new Date(instant), zone).value as string;
				expect(local).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
				const back = parseDateTime(local, zone) as DateTime;
				// Wall-clock times in a DST overlap are ambiguous; they land within the overlap's hour.
				expect(Math.abs(back.toMillis() - instant)).toBeLessThanOrEqual(3_600_000);
				const utc = toZoomUtc(new Date(instant)).value as string;
				expect(Date.parse(utc)).toBe(instant);
			}),
		);
	});
});
