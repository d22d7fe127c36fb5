import fc from 'fast-check';

import { isoTimestamp, normaliseEmail, normaliseName, splitName, type JsonRecord } from 'n8n-nodes-zoom-connector/nodes/ZoomAttendanceMatch/match';
import { matchAttendance, outputFields, type MatchResult } from './attendanceMatchOracle';

const T0 = Date.parse('2024-05-01T10:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const row = (email: string, from: number, to: number, name = 'Someone'): JsonRecord => ({
	name,
	user_email: email,
	join_time: at(from),
	leave_time: at(to),
	duration: (to - from) * 60,
});
const registration = (email: string, first = 'First', last = 'Last'): JsonRecord => ({ email, first_name: first, last_name: last });

function byEmail(result: MatchResult) {
	return Object.fromEntries(
		[...result.attended, ...result.absent, ...result.noMatch].map((person) => [person.email || `guest:${person.firstName}`, person]),
	);
}

describe('normalisation', () => {
	it('trims and lower-cases emails, and folds accents and spaces in names', () => {
		expect(normaliseEmail('  Jane.Doe@Example.COM\t')).toBe('jane.doe@example.com');
		expect(normaliseName('  José   DOE ')).toBe('jose doe');
		expect(splitName(' Jane  Q. Doe ')).toEqual({ firstName: 'Jane', lastName: 'Q. Doe' });
		expect(splitName('Cher')).toEqual({ firstName: 'Cher', lastName: '' });
	});
});

describe('matchAttendance', () => {
	it('merges a rejoin into one attendee: overlap counted once, first join, last leave, segments', () => {
		const result = matchAttendance(
			[row('jane@example.com', 0, 30), row('bob@example.com', 0, 60), row('JANE@example.com ', 20, 45), row('jane@example.com', 50, 55)],
			[registration('Jane@Example.com', 'Jane', 'Doe'), registration('bob@example.com'), registration('carol@example.com')],
		);
		const jane = result.attended[0];
		expect(jane).toMatchObject({ status: 'attended', email: 'jane@example.com', firstName: 'Jane', registration: 0, participantRows: [0, 2, 3] });
		expect(jane.attendance).toEqual({ seconds: 50 * 60, firstJoin: T0, lastLeave: T0 + 55 * 60_000, segments: 3 });
		expect(result.attended.map((p) => p.email)).toEqual(['jane@example.com', 'bob@example.com']);
		expect(result.absent).toHaveLength(1);
		expect(result.absent[0]).toMatchObject({ email: 'carol@example.com', status: 'absent', participantRows: [] });
		expect(result.absent[0].attendance).toEqual({ seconds: 0, firstJoin: null, lastLeave: null, segments: 0 });
		expect(result.noMatch).toEqual([]);
		expect(result.summary).toMatchObject({ attended: 2, absent: 1, noMatch: 0, errors: 0, sessionSeconds: 3600, reconciled: true });
	});

	it('sends unregistered participants and guests to no match, merged per person and flagged', () => {
		const result = matchAttendance(
			[row('', 0, 10, 'iPhone Guest'), row('walkin@example.com', 0, 5), row('', 0, 10, 'Other'), row('walkin@example.com', 8, 9), row('', 15, 20, 'iphone  guest')],
			[registration('jane@example.com')],
		);
		expect(result.noMatch.map((p) => [p.email, p.firstName, p.isGuest, p.noMatchReason, p.participantRows, p.attendance.seconds])).toEqual([
			['', 'iPhone', true, 'guest', [0, 4], 900],
			['walkin@example.com', 'Someone', false, 'not-registered', [1, 3], 360],
			['', 'Other', true, 'guest', [2], 600],
		]);
		expect(result.absent.map((p) => p.email)).toEqual(['jane@example.com']);
		expect(result.summary).toMatchObject({ noMatch: 3, guests: 2, reconciled: true });
	});

	it('treats a null email as a guest', () => {
		const result = matchAttendance([{ ...row('', 0, 1), user_email: null }], []);
		expect(result.noMatch[0]).toMatchObject({ isGuest: true, noMatchReason: 'guest' });
	});

	it('matches guests by name only when asked, and refuses an ambiguous name', () => {
		const participants = [row('', 0, 10, 'José Doe'), row('jane@example.com', 5, 20), row('', 0, 10, 'Sam Smith')];
		const registrations = [
			registration('jane@example.com', 'Jose', 'DOE'),
			registration('sam1@example.com', 'Sam', 'Smith'),
			registration('sam2@example.com', 'Sam', 'Smith'),
		];
		const off = matchAttendance(participants, registrations);
		expect(off.noMatch.map((p) => p.noMatchReason)).toEqual(['guest', 'guest']);
		expect(off.attended[0]).toMatchObject({ matchedBy: 'email', participantRows: [1] });

		const on = matchAttendance(participants, registrations, { matchGuestsByName: true });
		expect(on.attended[0]).toMatchObject({ email: 'jane@example.com', matchedBy: 'email+name', participantRows: [0, 1] });
		expect(on.attended[0].attendance.seconds).toBe(20 * 60);
		expect(on.noMatch.map((p) => [p.participantRows, p.noMatchReason])).toEqual([[[2], 'ambiguous-name']]);
		expect(on.absent.map((p) => p.email)).toEqual(['sam1@example.com', 'sam2@example.com']);
	});

	it('applies a minimum in seconds: below it a registration is absent with its time, or partial', () => {
		const participants = [row('a@x.io', 0, 60), row('b@x.io', 0, 9), row('b@x.io', 30, 31)];
		const registrations = [registration('a@x.io'), registration('b@x.io')];
		const absent = matchAttendance(participants, registrations, { minimumAttendance: 11 * 60 });
		expect(absent.attended.map((p) => p.email)).toEqual(['a@x.io']);
		expect(absent.absent[0]).toMatchObject({ email: 'b@x.io', status: 'absent', participantRows: [1, 2] });
		expect(absent.absent[0].attendance.seconds).toBe(600);
		expect(absent.summary).toMatchObject({ attended: 1, partial: 0, absent: 1, reconciled: true });

		const partial = matchAttendance(participants, registrations, { minimumAttendance: 11 * 60, belowMinimum: 'partial' });
		expect(partial.attended.map((p) => [p.email, p.status])).toEqual([['a@x.io', 'attended'], ['b@x.io', 'partial']]);
		expect(partial.absent).toEqual([]);
		expect(partial.summary).toMatchObject({ attended: 1, partial: 1, absent: 0 });

		// A registration that never joined stays absent even with "partial".
		const never = matchAttendance([], [registration('c@x.io')], { minimumAttendance: 60, belowMinimum: 'partial' });
		expect(never.absent.map((p) => p.status)).toEqual(['absent']);
	});

	it('applies a minimum in percent of the session, measured from the rows or given', () => {
		const participants = [row('a@x.io', 0, 100), row('b@x.io', 10, 50)];
		const registrations = [registration('a@x.io'), registration('b@x.io')];
		const measured = matchAttendance(participants, registrations, { minimumAttendance: 50, minimumAttendanceUnit: 'percent' });
		expect(measured.summary).toMatchObject({ sessionSeconds: 6000, minimumSeconds: 3000 });
		expect(measured.absent.map((p) => p.email)).toEqual(['b@x.io']);

		const given = matchAttendance(participants, registrations, {
			minimumAttendance: 50,
			minimumAttendanceUnit: 'percent',
			sessionLengthSeconds: 60 * 60,
		});
		expect(given.summary).toMatchObject({ sessionSeconds: 3600, minimumSeconds: 1800 });
		expect(given.attended.map((p) => p.email)).toEqual(['a@x.io', 'b@x.io']);
	});

	it('reads dotted field paths and pairs lone join and leave events (webhook style)', () => {
		const event = (email: string, key: 'join_time' | 'leave_time', minutes: number) => ({
			payload: { object: { participant: { email, user_name: 'Jane Doe', [key]: at(minutes) } } },
		});
		const participants = [
			event('jane@x.io', 'join_time', 0),
			event('bob@x.io', 'join_time', 5),
			event('jane@x.io', 'leave_time', 10),
			event('jane@x.io', 'join_time', 20),
			event('jane@x.io', 'leave_time', 30),
			event('ann@x.io', 'leave_time', 40),
		];
		const result = matchAttendance(participants, [registration('jane@x.io'), registration('bob@x.io'), registration('ann@x.io')], {
			participantEmailField: 'payload.object.participant.email',
			participantNameField: 'payload.object.participant.user_name',
			joinTimeField: 'payload.object.participant.join_time',
			leaveTimeField: 'payload.object.participant.leave_time',
		});
		const people = byEmail(result);
		expect(people['jane@x.io'].attendance).toEqual({ seconds: 20 * 60, firstJoin: T0, lastLeave: T0 + 30 * 60_000, segments: 2 });
		// Bob never left in the data: his join runs to the session's end (the last time seen).
		expect(people['bob@x.io'].attendance.seconds).toBe(35 * 60);
		// Ann only left: her segment starts at the session's start.
		expect(people['ann@x.io'].attendance.seconds).toBe(40 * 60);
		expect(result.summary.reconciled).toBe(true);
	});

	it('lists bad items with input, index, field and a fix, and keeps going', () => {
		const result = matchAttendance(
			[
				{ name: 'No email field', join_time: at(0), leave_time: at(1) },
				{ ...row('x@x.io', 0, 1), user_email: 42 },
				{ ...row('x@x.io', 0, 1), join_time: 'yesterday-ish' },
				{ ...row('x@x.io', 0, 1), leave_time: at(-5) },
				{ name: 'no times', user_email: 'x@x.io' },
				row('x@x.io', 0, 1),
			],
			[registration('x@x.io'), { first_name: 'No email' }, registration(' X@x.io'), { email: '  ' }, { email: ['a@x.io'] }],
		);
		expect(result.errors.map((e) => [e.inputName, e.itemIndex, e.field])).toEqual([
			['Participants', 0, 'user_email'],
			['Participants', 1, 'user_email'],
			['Participants', 2, 'join_time'],
			['Participants', 3, 'leave_time'],
			['Participants', 4, 'join_time/leave_time'],
			['Registrations', 1, 'email'],
			['Registrations', 2, 'email'],
			['Registrations', 3, 'email'],
			['Registrations', 4, 'email'],
		]);
		expect(result.errors.map((e) => e.message)).toEqual([
			'Participants item 0 has no field "user_email"',
			'Participants item 1: "user_email" is a number, not a text email',
			'Participants item 2: "join_time" is not a date-time: "yesterday-ish"',
			'Participants item 3: "leave_time" leaves before it joins',
			'Participants item 4: "join_time/leave_time" has neither a join time nor a leave time',
			'Registrations item 1 has no field "email"',
			'Registrations item 2: "x@x.io" is already registered by item 0',
			'Registrations item 3: "email" is empty',
			'Registrations item 4: "email" is a object, not a text email',
		]);
		expect(result.errors.every((e) => e.fix.length > 10)).toBe(true);
		expect(result.attended.map((p) => [p.registration, p.participantRows])).toEqual([[0, [5]]]);
		expect(result.summary).toMatchObject({ errors: 9, reconciled: true });
	});

	it('takes names from the participant when the registration has none', () => {
		const result = matchAttendance([row('crm@x.io', 0, 1, 'Ada Lovelace')], [{ email: 'crm@x.io', company: 'ACME' }]);
		expect(result.attended[0]).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace' });
	});
});

describe('outputFields', () => {
	it('gives flat Brevo-ready fields', () => {
		const result = matchAttendance([row('jane@x.io', 0, 12.5), row('', 0, 1, 'Guest')], [registration('jane@x.io', 'Jane', 'Doe'), registration('z@x.io')]);
		const session = { topic: 'Launch webinar', id: '123' };
		expect(outputFields(result.attended[0], session)).toEqual({
			email: 'jane@x.io',
			firstName: 'Jane',
			lastName: 'Doe',
			attendanceStatus: 'attended',
			attendedMinutes: 12.5,
			attendedSeconds: 750,
			firstJoinTime: '2024-05-01T10:00:00.000Z',
			lastLeaveTime: '2024-05-01T10:12:30.000Z',
			segments: 1,
			sessionTopic: 'Launch webinar',
			sessionId: '123',
			matchedBy: 'email',
		});
		expect(outputFields(result.absent[0], session)).toMatchObject({ attendanceStatus: 'absent', attendedMinutes: 0, firstJoinTime: null });
		expect(outputFields(result.noMatch[0], session)).toMatchObject({ attendanceStatus: 'no-match', isGuest: true, noMatchReason: 'guest', email: '' });
	});
});

// ---- properties ----

/** Minutes covered by the union of [from, to) minute intervals, counted cell by cell. */
function coveredMinutes(segments: Array<[number, number]>): number {
	const cells = new Set<number>();
	for (const [from, to] of segments) for (let m = from; m < to; m++) cells.add(m);
	return cells.size;
}

const segmentArb = fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 60 })).map(([from, length]): [number, number] => [from, from + length]);

describe('properties', () => {
	it('attended time is the union of the segments, whatever their order and overlap', () => {
		fc.assert(
			fc.property(fc.array(segmentArb, { minLength: 1, maxLength: 12 }), (segments) => {
				const result = matchAttendance(
					segments.map(([from, to]) => row('p@x.io', from, to)),
					[registration('p@x.io')],
				);
				const person = result.attended[0];
				expect(person.attendance.seconds).toBe(coveredMinutes(segments) * 60);
				expect(person.attendance.firstJoin).toBe(T0 + Math.min(...segments.map((s) => s[0])) * 60_000);
				expect(person.attendance.lastLeave).toBe(T0 + Math.max(...segments.map((s) => s[1])) * 60_000);
				expect(person.attendance.segments).toBe(segments.length);
				expect(person.attendance.seconds).toBeLessThanOrEqual(
					(Math.max(...segments.map((s) => s[1])) - Math.min(...segments.map((s) => s[0]))) * 60,
				);
			}),
		);
	});

	it('an email matches its registration whatever its case and surrounding spaces', () => {
		const emailArb = fc.emailAddress();
		const messArb = fc.tuple(emailArb, fc.array(fc.boolean(), { maxLength: 80 }), fc.constantFrom('', ' ', '\t', '  \n'), fc.constantFrom('', ' ', '\t'));
		fc.assert(
			fc.property(messArb, messArb, ([email, upper, before, after], [, upper2, before2, after2]) => {
				const mess = (u: boolean[], b: string, a: string) => b + [...email].map((c, i) => (u[i] ? c.toUpperCase() : c)).join('') + a;
				const result = matchAttendance([row(mess(upper, before, after), 0, 5)], [registration(mess(upper2, before2, after2))]);
				expect(result.attended).toHaveLength(1);
				expect(result.attended[0].email).toBe(email.toLowerCase());
			}),
		);
	});

	const participantArb = fc.oneof(
		{ weight: 6, arbitrary: fc.tuple(fc.integer({ min: 0, max: 14 }), fc.constantFrom('', ' ', 'UP'), segmentArb).map(([who, mess, [from, to]]) => {
			const email = `p${who}@x.io`;
			return row(mess === 'UP' ? email.toUpperCase() : mess + email, from, to, `Person ${who}`);
		}) },
		{ weight: 2, arbitrary: fc.tuple(fc.constantFrom('Guest A', 'Guest B', 'first0 last0', ''), segmentArb).map(([name, [from, to]]) => row('', from, to, name)) },
		{ weight: 1, arbitrary: fc.constantFrom<JsonRecord>({ name: 'no email' }, { user_email: 7 }, { user_email: 'p1@x.io', join_time: 'soon', leave_time: at(3) }, { user_email: 'p2@x.io' }) },
	);
	const registrationArb = fc.oneof(
		{ weight: 8, arbitrary: fc.integer({ min: 0, max: 19 }).map((who) => registration(`P${who}@x.io`, `First${who % 3}`, `Last${who % 3}`)) },
		{ weight: 1, arbitrary: fc.constantFrom<JsonRecord>({ first_name: 'no email' }, { email: '' }, { email: false }) },
	);

	it('every input item lands in exactly one output (or the errors), and the summary reconciles', () => {
		fc.assert(
			fc.property(
				fc.array(participantArb, { maxLength: 60 }),
				fc.array(registrationArb, { maxLength: 25 }),
				fc.boolean(),
				fc.nat({ max: 3600 }),
				fc.constantFrom<'absent' | 'partial'>('absent', 'partial'),
				(participants, registrations, matchGuestsByName, minimumAttendance, belowMinimum) => {
					const result = matchAttendance(participants, registrations, { matchGuestsByName, minimumAttendance, belowMinimum });
					const rowSeen = new Array<number>(participants.length).fill(0);
					const registrationSeen = new Array<number>(registrations.length).fill(0);
					for (const person of [...result.attended, ...result.absent, ...result.noMatch]) {
						for (const r of person.participantRows) rowSeen[r]++;
						if (person.registration >= 0) registrationSeen[person.registration]++;
					}
					for (const error of result.errors) (error.input === 0 ? rowSeen : registrationSeen)[error.itemIndex]++;
					expect(rowSeen.every((count) => count === 1)).toBe(true);
					expect(registrationSeen.every((count) => count === 1)).toBe(true);
					expect(result.summary.reconciled).toBe(true);
					expect(result.summary.attended + result.summary.partial).toBe(result.attended.length);

					// Rows grouped under a registration by email carry that registration's email.
					for (const person of result.attended) {
						if (person.matchedBy !== 'email') continue;
						for (const r of person.participantRows) {
							expect(normaliseEmail(participants[r].user_email as string)).toBe(person.email);
						}
					}
					for (const person of result.attended) {
						expect(person.status === 'attended' ? person.attendance.seconds >= minimumAttendance : person.status === 'partial').toBe(true);
					}
					for (const person of result.absent) expect(person.attendance.seconds < minimumAttendance || person.participantRows.length === 0).toBe(true);
				},
			),
		);
	});

	it('the order of the participant rows does not change anyone’s attendance', () => {
		fc.assert(
			fc.property(
				fc.array(participantArb, { maxLength: 40 }).chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))),
				fc.array(registrationArb, { maxLength: 20 }),
				([rows, shuffled], registrations) => {
					const key = (result: MatchResult) =>
						[...result.attended, ...result.absent, ...result.noMatch]
							.map((p) => `${p.status}|${p.email}|${p.registration}|${p.participantRows.length}|${p.attendance.seconds}|${p.attendance.firstJoin}|${p.attendance.lastLeave}`)
							.sort();
					expect(key(matchAttendance(shuffled, registrations))).toEqual(key(matchAttendance(rows, registrations)));
				},
			),
		);
	});
});

describe('isoTimestamp', () => {
	it('writes exactly what Date#toISOString writes, for any instant (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: -62_198_755_200_000, max: 8_640_000_000_000_000 }), (ms) => {
				expect(isoTimestamp(ms)).toBe(new Date(ms).toISOString());
			}),
			{ numRuns: 20_000 },
		);
		for (const edge of [0, -1, 951_782_400_000, 4_107_542_400_000, -30_610_224_000_001, 253_402_300_799_999, 253_402_300_800_000]) {
			expect(isoTimestamp(edge)).toBe(new Date(edge).toISOString());
		}
	});
});
