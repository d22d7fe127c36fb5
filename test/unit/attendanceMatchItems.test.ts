/**
 * The node's output items (nodes/ZoomAttendanceMatch/items.ts, through the node's execute with a minimal
 * context) against the plain construction they replace: each item = the source's own fields with
 * outputFields(person) over them, pairedItem = the person's rows (input 0) then its registration (input 1).
 * Also the fast paths of parseIsoTime and the normalisations against the plain calls they skip.
 */
import fc from 'fast-check';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ZoomAttendanceMatch } from 'n8n-nodes-zoom-connector/nodes/ZoomAttendanceMatch/ZoomAttendanceMatch.node';
import { normaliseEmail, normaliseName, parseIsoTime, splitName, type JsonRecord } from 'n8n-nodes-zoom-connector/nodes/ZoomAttendanceMatch/match';

import { matchAttendance, outputFields, type PersonResult } from './attendanceMatchOracle';

const T0 = Date.parse('2024-05-01T10:00:00Z');

function run(participants: JsonRecord[], registrations: JsonRecord[], parameters: Record<string, unknown>, continueOnFail = true) {
	const inputs = [participants, registrations].map((list) => list.map((json, item): INodeExecutionData => ({ json: json as never, pairedItem: { item } })));
	const context = {
		getInputData: (index: number) => inputs[index],
		getNodeParameter: (name: string, _item: number, fallback: unknown) => (name in parameters ? parameters[name] : fallback),
		continueOnFail: () => continueOnFail,
		getNode: () => ({ name: 'Zoom Attendance Match' }),
		addExecutionHints: () => undefined,
	} as unknown as IExecuteFunctions;
	return new ZoomAttendanceMatch().execute.call(context);
}

/** What the node built before items.ts, item by item from matchAttendance's people. */
function reference(participants: JsonRecord[], registrations: JsonRecord[], parameters: Record<string, unknown>) {
	const options = parameters.options as JsonRecord;
	const result = matchAttendance(participants, registrations, {
		participantEmailField: parameters.participantEmailField as string,
		registrationEmailField: parameters.registrationEmailField as string,
		minimumAttendance: parameters.minimumAttendance as number,
		minimumAttendanceUnit: parameters.minimumAttendanceUnit as 'seconds' | 'percent',
		belowMinimum: parameters.belowMinimum as 'absent' | 'partial',
		matchGuestsByName: options.matchGuestsByName === true,
		sessionLengthSeconds: Number(options.sessionLengthMinutes ?? 0) * 60,
	});
	const session = { topic: parameters.sessionTopic as string, id: parameters.sessionId as string };
	const item = (person: PersonResult) => {
		const source = person.registration >= 0 ? registrations[person.registration] : participants[person.participantRows[0]];
		const json: JsonRecord = Object.assign({}, source, outputFields(person, session));
		if (options.addSummary === true) json._summary = { ...result.summary };
		const pairedItem = person.participantRows.map((row) => ({ item: row, input: 0 }));
		if (person.registration >= 0) pairedItem.push({ item: person.registration, input: 1 });
		return { json, pairedItem };
	};
	return { outputs: [result.attended.map(item), result.noMatch.map(item), result.absent.map(item)], errors: result.errors };
}

const timeArb = fc.oneof(
	fc.integer({ min: 0, max: 180 }).map((minute) => new Date(T0 + minute * 60_000).toISOString()),
	fc.integer({ min: 0, max: 180 }).map((minute) => new Date(T0 + minute * 60_000).toISOString().replace('.000', '')),
	fc.constantFrom<unknown>(undefined, '', 'soon', '2024-05-01T12:00:00+02:00', T0 + 90_000),
);
const emailArb = fc.oneof(
	fc.integer({ min: 0, max: 9 }).chain((who) => fc.constantFrom<unknown>(`p${who}@x.io`, ` P${who}@X.io `)),
	fc.constantFrom<unknown>('', null, 7),
);
const participantArb = fc.record(
	{
		name: fc.constantFrom('Guest A', 'guest  a', 'First1 Last1', 'Solo', ''),
		user_email: emailArb,
		join_time: timeArb,
		leave_time: timeArb,
		email: fc.constant('own field, overwritten in place'),
		device: fc.constantFrom('phone', 'web'),
	},
	{ requiredKeys: ['name', 'user_email', 'join_time', 'leave_time'] },
);
const registrationArb = fc.record(
	{
		email: emailArb,
		first_name: fc.constantFrom('First1', 'Ann', ''),
		last_name: fc.constantFrom('Last1', ''),
		ticket: fc.string({ maxLength: 4 }),
		matchedBy: fc.constant('kept when the person has none'),
	},
	{ requiredKeys: ['email'] },
);
const parametersArb = fc.record({
	participantEmailField: fc.constant('user_email'),
	registrationEmailField: fc.constant('email'),
	minimumAttendance: fc.constantFrom(0, 600, 50),
	minimumAttendanceUnit: fc.constantFrom('seconds', 'percent'),
	belowMinimum: fc.constantFrom('absent', 'partial'),
	sessionTopic: fc.constantFrom('', 'Launch webinar'),
	sessionId: fc.constantFrom('', '85746065432'),
	options: fc.record({ matchGuestsByName: fc.boolean(), addSummary: fc.boolean(), sessionLengthMinutes: fc.constantFrom(0, 120) }),
});

describe('output items', () => {
	it('are the source fields with outputFields over them, in the same key order, paired with their rows and registration (property)', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(participantArb, { maxLength: 30 }), fc.array(registrationArb, { maxLength: 15 }), parametersArb, async (participants, registrations, parameters) => {
				const outputs = await run(participants, registrations, parameters);
				const expected = reference(participants, registrations, parameters);
				for (let output = 0; output < 3; output++) {
					const items = outputs[output].slice(0, expected.outputs[output].length);
					expect(items).toEqual(expected.outputs[output]);
					// Same keys in the same order (what a table view shows), not only the same values.
					expect(items.map((item) => Object.keys(item.json))).toEqual(expected.outputs[output].map((item) => Object.keys(item.json)));
				}
				// With Continue On Fail, invalid items follow in No Match, one each, paired with their item.
				const invalid = outputs[1].slice(expected.outputs[1].length);
				expect(invalid.map((item) => [item.json.error, item.pairedItem])).toEqual(
					expected.errors.map((error) => [error.message, { item: error.itemIndex, input: error.input }]),
				);
			}),
			{ numRuns: 300 },
		);
	});

	it('do not share objects between items or with the input', async () => {
		const participants = [{ name: 'Jane', user_email: 'jane@x.io', join_time: new Date(T0).toISOString(), leave_time: new Date(T0 + 60_000).toISOString() }];
		const registrations = [{ email: 'jane@x.io', tags: ['a'] }, { email: 'bob@x.io' }];
		const parameters = { participantEmailField: 'user_email', registrationEmailField: 'email', options: { addSummary: true } };
		const [attended, , absent] = await run(participants, registrations, parameters);
		expect(attended[0].json).not.toBe(registrations[0]);
		expect(Object.keys(registrations[0])).toEqual(['email', 'tags']);
		expect(attended[0].json._summary).not.toBe(absent[0].json._summary);
		expect(attended[0].pairedItem).toEqual([{ item: 0, input: 0 }, { item: 0, input: 1 }]);
		expect(absent[0].pairedItem).toEqual([{ item: 1, input: 1 }]);
	});

	it('stop the node on the first invalid item without Continue On Fail', async () => {
		const parameters = { participantEmailField: 'user_email', registrationEmailField: 'email', options: {} };
		await expect(run([{ name: 'x', user_email: 'a@x.io', join_time: 'soon' }], [{ email: 'a@x.io' }], parameters, false)).rejects.toThrow(
			'Participants item 0: "join_time" is not a date-time: "soon"',
		);
	});
});

describe('parseIsoTime', () => {
	const pad = (n: number, width: number) => String(n).padStart(width, '0');
	it('gives exactly what Date.parse gives, for valid and out-of-range parts (property)', () => {
		const isoArb = fc
			.tuple(
				fc.integer({ min: 0, max: 9999 }),
				fc.integer({ min: 0, max: 13 }),
				fc.integer({ min: 0, max: 32 }),
				fc.integer({ min: 0, max: 25 }),
				fc.integer({ min: 0, max: 60 }),
				fc.integer({ min: 0, max: 61 }),
				fc.option(fc.integer({ min: 0, max: 999 })),
			)
			.map(([y, mo, d, h, mi, s, ms]) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${ms === null ? '' : `.${pad(ms, 3)}`}Z`);
		const parse = (value: string) => {
			const ms = parseIsoTime(value);
			return Number.isNaN(ms) ? 'NaN' : ms;
		};
		const native = (value: string) => {
			const ms = Date.parse(value);
			return Number.isNaN(ms) ? 'NaN' : ms;
		};
		fc.assert(
			fc.property(isoArb, (value) => {
				expect(parse(value)).toBe(native(value));
			}),
			{ numRuns: 2_000 },
		);
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), (ms) => {
				const iso = new Date(ms).toISOString();
				expect(parseIsoTime(iso)).toBe(ms);
				expect(parseIsoTime(iso.replace(/\.\d{3}Z$/, 'Z'))).toBe(ms - (ms % 1000));
			}),
			{ numRuns: 2_000 },
		);
		for (const edge of [
			'1970-01-01T00:00:00Z',
			'1969-12-31T23:59:59Z',
			'2000-02-29T12:00:00Z',
			'1900-02-29T12:00:00Z',
			'2024-02-30T00:00:00Z',
			'2024-01-01T24:00:00Z',
			'2024-01-01T23:59:60Z',
			'2024-05-01T10:00:00+02:00',
			'2024-05-01 10:00:00Z',
			'2024-05-01T10:00:00z',
			'2024-05-01T10:00:00.5Z',
			'2024-05-01T1a:00:00Z',
			'２０２４-05-01T10:00:00Z',
			'',
		]) {
			expect(parse(edge)).toBe(native(edge));
		}
	});
});

describe('normalisation fast paths', () => {
	// Tidy ASCII, capitals, runs of spaces, tabs, non-breaking spaces, accents, control characters.
	const textArb = fc.string({ unit: fc.constantFrom(...'aZ9@._-  \t\n\u00a0\u3000é\u0301\u0001ÉßİK'.split('')), maxLength: 14 });
	it('give what the plain calls give (property)', () => {
		fc.assert(
			fc.property(fc.oneof(textArb, fc.string(), fc.string({ unit: 'binary' })), (text) => {
				expect(normaliseEmail(text)).toBe(text.trim().toLowerCase());
				expect(normaliseName(text)).toBe(text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim());
				const tidy = text.trim().replace(/\s+/g, ' ');
				const space = tidy.indexOf(' ');
				expect(splitName(text)).toEqual(space < 0 ? { firstName: tidy, lastName: '' } : { firstName: tidy.slice(0, space), lastName: tidy.slice(space + 1) });
			}),
			{ numRuns: 2_000 },
		);
	});
});
