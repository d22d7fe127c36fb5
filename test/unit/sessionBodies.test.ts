/**
 * The meeting/webinar create and update bodies, built from parameter values alone and compared with the
 * body Zoom expects (https://developers.zoom.us/docs/api/meetings/#tag/meetings/POST/users/{userId}/meetings).
 */
import fc from 'fast-check';

import {
	FieldError,
	recurrenceBody,
	sessionBody,
	settingsBody,
} from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/resources/session/bodies';

const input = (over: Partial<Parameters<typeof sessionBody>[0]> = {}) => ({
	noun: 'meeting',
	fields: {},
	settings: {},
	workflowTimeZone: 'UTC',
	...over,
});

describe('sessionBody', () => {
	it('a scheduled meeting in a time zone, with settings and a weekly rule', () => {
		const body = sessionBody(
			input({
				fields: {
					topic: 'Weekly sync',
					type: 8,
					agenda: 'Plans',
					password: 'abc123',
					duration: 45,
					timezone: ' Europe/Berlin ',
					startTime: '2025-07-01T09:30:00',
				},
				settings: { waitingRoom: true, alternativeHosts: 'jane@example.com; joe@example.com,  ann@example.com' },
				recurrence: { rule: { type: 2, repeatInterval: 1, weeklyDays: [6, 2, 4], ends: 'times', endTimes: 4 } },
			}),
		);
		expect(body).toEqual({
			topic: 'Weekly sync',
			type: 8,
			agenda: 'Plans',
			password: 'abc123',
			duration: 45,
			timezone: 'Europe/Berlin',
			start_time: '2025-07-01T09:30:00',
			settings: { waiting_room: true, alternative_hosts: 'jane@example.com;joe@example.com;ann@example.com' },
			recurrence: { type: 2, repeat_interval: 1, weekly_days: '2,4,6', end_times: 4 },
		});
	});

	it('without a time zone the start is read in the workflow’s zone and sent in UTC', () => {
		const body = sessionBody(input({ fields: { startTime: '2025-07-01T09:30:00' }, workflowTimeZone: 'Europe/Berlin' }));
		expect(body).toEqual({ start_time: '2025-07-01T07:30:00Z' });
	});

	it('a monthly rule ending on a date: end_date_time in UTC from the session’s time zone', () => {
		const body = sessionBody(
			input({
				fields: { timezone: 'America/New_York' },
				recurrence: { rule: { type: 3, monthlyDay: 15, repeatInterval: 2, ends: 'date', endDateTime: '2025-12-31T10:00:00' } },
			}),
		);
		expect(body).toEqual({
			timezone: 'America/New_York',
			recurrence: { type: 3, repeat_interval: 2, monthly_day: 15, end_date_time: '2025-12-31T15:00:00Z' },
		});
	});

	it('no recurrence parameter, or one without a rule, sends no recurrence; empty texts are left out', () => {
		expect(sessionBody(input({ fields: { topic: '', agenda: '' } }))).toEqual({});
		expect(sessionBody(input({ recurrence: {} }))).toEqual({});
	});

	it('bad values throw a FieldError naming the field and the fix', () => {
		const thrown = (over: Partial<Parameters<typeof sessionBody>[0]>) => {
			try {
				sessionBody(input(over));
			} catch (error) {
				return error;
			}
			throw new Error('no error');
		};
		const zone = thrown({ fields: { timezone: 'Mars/Olympus' } }) as FieldError;
		expect(zone).toBeInstanceOf(FieldError);
		expect(zone.message).toBe('The field "Time Zone" is not an IANA time zone: "Mars/Olympus"');
		expect(zone.fix).toMatch(/Europe\/Berlin/);
		const start = thrown({ fields: { startTime: 'next tuesday' } }) as FieldError;
		expect(start.message).toMatch(/^The field "Start Time" is not a date-time/);
		const days = thrown({ noun: 'webinar', recurrence: { rule: { type: 2, weeklyDays: [] } } }) as FieldError;
		expect(days.message).toBe('The field "Weekdays" is empty');
		expect(days.fix).toBe('Pick the weekdays the weekly webinar meets on.');
	});
});

describe('settingsBody', () => {
	it('nothing set: no settings key at all', () => {
		expect(settingsBody({})).toBeUndefined();
	});

	it('property: every setting arrives under its snake_case name with its value', () => {
		const names = fc.constantFrom('hostVideo', 'muteUponEntry', 'joinBeforeHost', 'approvalType', 'autoRecording', 'hdVideo');
		fc.assert(
			fc.property(fc.dictionary(names, fc.oneof(fc.boolean(), fc.integer(), fc.string())), (values) => {
				const body = settingsBody(values);
				const entries = Object.entries(values);
				if (!entries.length) return body === undefined;
				expect(Object.keys(body!).length).toBe(entries.length);
				for (const [name, value] of entries) {
					expect(body![name.replace(/[A-Z]/g, (l) => `_${l.toLowerCase()}`)]).toBe(value);
				}
				return true;
			}),
		);
	});

	it('property: alternative hosts come out as one ;-separated list, whatever separators were typed', () => {
		const email = fc.emailAddress().filter((e) => !/[;,\s]/.test(e));
		const separator = fc.constantFrom(',', ';', ' ', ', ', ' ; ', '\n');
		fc.assert(
			fc.property(fc.array(fc.tuple(email, separator), { minLength: 1, maxLength: 6 }), (pairs) => {
				const typed = pairs.map(([e, s]) => e + s).join('');
				expect(settingsBody({ alternativeHosts: typed })).toEqual({
					alternative_hosts: pairs.map(([e]) => e).join(';'),
				});
			}),
		);
	});
});

describe('recurrenceBody', () => {
	it('property: weekly days are sorted, and the count of occurrences is kept', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1 }),
				fc.integer({ min: 1, max: 60 }),
				(days, times) => {
					const body = recurrenceBody({ rule: { type: 2, weeklyDays: days, ends: 'times', endTimes: times } }, 'meeting', undefined, 'UTC');
					expect(body).toEqual({
						type: 2,
						repeat_interval: 1,
						weekly_days: [...days].sort((a, b) => a - b).join(','),
						end_times: times,
					});
				},
			),
		);
	});
});
