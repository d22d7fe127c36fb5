/**
 * The match's exact output on seeded data, pinned by a hash: the benchmark's generator (plus lone join
 * and leave times, epoch numbers, bad times and guests matched by name) through matchTables and
 * outputItems under several option sets. The hashes were taken from the code before match.ts was split
 * into its phases, so a change of any byte of any output (status, times, order, pairing, errors,
 * summary) fails here. If a change of behaviour is meant, say so in the commit and update the hashes.
 */
import { createHash } from 'node:crypto';

import { generate } from '../../bench/attendanceMatch.bench';
import { outputItems } from 'n8n-nodes-zoom-connector/nodes/ZoomAttendanceMatch/items';
import { matchTables, type JsonRecord, type MatchOptions } from 'n8n-nodes-zoom-connector/nodes/ZoomAttendanceMatch/match';

/** The generator's rows with every kind of time Zoom and users send mixed in, deterministically. */
function mixedDataset(n: number, seed: number) {
	const { participants, registrations } = generate(n, seed);
	participants.forEach((row, i) => {
		if (i % 7 === 3) delete row.leave_time; // a lone join (webhook event)
		else if (i % 11 === 5) delete row.join_time; // a lone leave
		else if (i % 13 === 6) row.join_time = Date.parse(row.join_time as string) / 1000; // epoch seconds
		else if (i % 17 === 8) row.leave_time = Date.parse(row.leave_time as string); // epoch milliseconds
		else if (i % 101 === 9) row.join_time = 'soon'; // not a time: an error item
		else if (i % 103 === 10) row.leave_time = '2024-05-01T12:00:00+02:00'; // an offset: Date.parse's path
		if (i % 19 === 4) {
			row.user_email = ''; // a guest, matched by name when that is on
			row.name = `First${i % n} Last${i % n}`;
		}
	});
	registrations.forEach((registration, i) => {
		if (i % 97 === 1) registration.email = registrations[i - 1].email; // a duplicate registration
		if (i % 89 === 2) delete registration.email;
	});
	return { participants, registrations };
}

const OPTION_SETS: Array<Partial<MatchOptions>> = [
	{},
	{ matchGuestsByName: true, minimumAttendance: 50, minimumAttendanceUnit: 'percent', belowMinimum: 'partial' },
	{ minimumAttendance: 600, sessionLengthSeconds: 7200 },
];

function outputHash(participants: JsonRecord[], registrations: JsonRecord[], options: Partial<MatchOptions>): string {
	const tables = matchTables(participants, registrations, options);
	const wrap = (list: JsonRecord[]) => list.map((json) => ({ json }));
	const session = { topic: 'Golden', id: '1' };
	const items = outputItems(tables, wrap(participants), wrap(registrations), session, { ...tables.summary });
	const plain = (value: unknown) => (ArrayBuffer.isView(value) ? Array.from(value as Float64Array) : value);
	// groupByEmail (a Map, for the Engagement input) came after the pin: the pinned columns are the others.
	const columns = Object.fromEntries(Object.entries(tables).filter(([key]) => key !== 'groupByEmail').map(([key, value]) => [key, plain(value)]));
	return createHash('sha256')
		.update(JSON.stringify(columns, (_key, value) => (typeof value === 'number' && Number.isNaN(value) ? 'NaN' : value)))
		.update(JSON.stringify(items))
		.digest('hex');
}

describe('attendance match output on seeded data (pinned from the code before the split)', () => {
	const datasets = [generate(3000, 42), mixedDataset(3000, 7)];
	const expected = [
		[
			'a61d4345198e30c3467a41491e5c5121ae76b94b99cc1f4a1b39fa75f308b7e7',
			'839a5d730932a096be7cf1b3123f08382b2af432fbbd7a36d50e324f787a7f8e',
			'95c6aade9ea6aaad822d4467d89c5c09459299dbbfc94155bc9c52d42de4540d',
		],
		[
			'be631df96ea35c8d996f3c877c4dfadb02512583b8233c1c93bf5dc1fd2882a1',
			'bb9129f6d2d8d91798f57ce076668ae20a7ff08bb5eb61508916f6593db468c1',
			'd490a0771447ebea96e9fe1b824f16ffa250c3a90d22a0abb7f4d2253efaca10',
		],
	];
	it('the mixed data set reaches errors, duplicates, name matches, partial attendance and guests', () => {
		const { participants, registrations } = datasets[1];
		const tables = matchTables(participants, registrations, OPTION_SETS[1]);
		const { summary } = tables;
		expect(summary.reconciled).toBe(true);
		expect(tables.errors.some((error) => error.input === 0 && error.message.includes('not a date-time'))).toBe(true);
		expect(tables.errors.some((error) => error.message.includes('already registered'))).toBe(true);
		expect(tables.matchedBy.includes(2) || tables.matchedBy.includes(3)).toBe(true);
		expect([summary.partial, summary.guests, summary.absent, summary.noMatch].every((count) => count > 0)).toBe(true);
	});
	datasets.forEach((dataset, d) => {
		OPTION_SETS.forEach((options, o) => {
			it(`dataset ${d}, options ${JSON.stringify(options)}`, () => {
				expect(outputHash(dataset.participants, dataset.registrations, options)).toBe(expected[d][o]);
			});
		});
	});
});
