/**
 * Zoom Attendance Match inside a real n8n: Webhook → two Split Out nodes (participants, registrations)
 * → input 0 and input 1 of the node; each of its three outputs is read back from the execution.
 */
import { randomUUID } from 'node:crypto';

import { MATCH, MatchWorkflow } from '../harness/attendanceMatchWorkflow';

const T0 = Date.parse('2024-05-01T10:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const participant = (name: string, email: string, from: number, to: number) => ({
	id: '',
	name,
	user_id: randomUUID().slice(0, 8),
	registrant_id: '',
	user_email: email,
	join_time: at(from),
	leave_time: at(to),
	duration: (to - from) * 60,
	status: 'in_meeting',
});

const participants = [
	participant('Jane Doe', 'jane@example.com', 0, 30), // 0: Jane, first segment
	participant('Bob Roe', 'bob@example.com', 0, 5), // 1: Bob, 5 minutes only
	participant('iPhone', '', 0, 20), // 2: a guest nobody registered as
	participant('Jane Doe', ' JANE@Example.com', 20, 50), // 3: Jane rejoins, overlapping 10 minutes
	participant('Walk In', 'walkin@example.org', 10, 40), // 4: came without registering
	participant('Carol Smith', '', 5, 45), // 5: Carol joined as a guest
];
const registrations = [
	{ email: 'jane@example.com', first_name: 'Jane', last_name: 'Doe', ticket: 'T-1' },
	{ email: 'bob@example.com', first_name: 'Bob', last_name: 'Roe', ticket: 'T-2' },
	{ email: 'carol@example.com', first_name: 'Carol', last_name: 'Smith', ticket: 'T-3' },
	{ email: 'dave@example.com', first_name: 'Dave', last_name: 'Loe', ticket: 'T-4' },
];

const p = (item: number) => ({ item, input: 0 });
const r = (item: number) => ({ item, input: 1 });

describe('Zoom Attendance Match in n8n', () => {
	const workflows: MatchWorkflow[] = [];
	const workflow = (parameters: Record<string, unknown>, onError?: string) => {
		const created = new MatchWorkflow(parameters, onError);
		workflows.push(created);
		return created;
	};
	afterAll(async () => {
		await Promise.all(workflows.map((w) => w.remove()));
	});

	const mainParameters = {
		participantEmailField: 'user_email',
		registrationEmailField: 'email',
		minimumAttendance: 600,
		minimumAttendanceUnit: 'seconds',
		belowMinimum: 'partial',
		sessionTopic: 'Launch webinar',
		sessionId: '85746065432',
		options: { matchGuestsByName: true, addSummary: true },
	};

	it('sorts participants and registrations into Attended, No Match and Absent, item by item', async () => {
		const { nodes, execution } = await workflow(mainParameters).run({ participants, registrations });
		const run = nodes[MATCH];
		expect(run.error).toBeUndefined();
		// The counts per output are also shown as an execution hint in the editor.
		expect(execution.data.resultData.runData[MATCH][0].hints).toEqual([
			expect.objectContaining({
				message: '6 participant rows and 4 registrations in, attended 2, partial 1, no match 2 (1 without email), absent 1',
			}),
		]);
		const [attended, noMatch, absent] = run.items;

		expect(attended.map((item) => item.json)).toEqual([
			expect.objectContaining({
				ticket: 'T-1',
				first_name: 'Jane',
				email: 'jane@example.com',
				firstName: 'Jane',
				lastName: 'Doe',
				attendanceStatus: 'attended',
				// 0–30 and 20–50 overlap: 50 minutes, not 60.
				attendedMinutes: 50,
				attendedSeconds: 3000,
				segments: 2,
				firstJoinTime: at(0),
				lastLeaveTime: at(50),
				matchedBy: 'email',
				sessionTopic: 'Launch webinar',
				sessionId: '85746065432',
			}),
			expect.objectContaining({ ticket: 'T-2', email: 'bob@example.com', attendanceStatus: 'partial', attendedMinutes: 5, segments: 1 }),
			expect.objectContaining({ ticket: 'T-3', email: 'carol@example.com', attendanceStatus: 'attended', attendedMinutes: 40, matchedBy: 'name' }),
		]);
		expect(attended.map((item) => item.pairedItem)).toEqual([[p(0), p(3), r(0)], [p(1), r(1)], [p(5), r(2)]]);

		expect(noMatch.map((item) => item.json)).toEqual([
			expect.objectContaining({ name: 'iPhone', email: '', isGuest: true, noMatchReason: 'guest', attendanceStatus: 'no-match', attendedMinutes: 20 }),
			expect.objectContaining({
				name: 'Walk In',
				email: 'walkin@example.org',
				isGuest: false,
				noMatchReason: 'not-registered',
				attendanceStatus: 'no-match',
				attendedMinutes: 30,
			}),
		]);
		expect(noMatch.map((item) => item.pairedItem)).toEqual([[p(2)], [p(4)]]);

		expect(absent.map((item) => item.json)).toEqual([
			expect.objectContaining({ ticket: 'T-4', email: 'dave@example.com', firstName: 'Dave', attendanceStatus: 'absent', attendedMinutes: 0, firstJoinTime: null }),
		]);
		expect(absent.map((item) => item.pairedItem)).toEqual([[r(3)]]);

		// The summary reconciles: 6 rows and 4 registrations in, every one accounted for.
		expect(attended[0].json._summary).toEqual(
			expect.objectContaining({ participantRows: 6, registrations: 4, attended: 2, partial: 1, noMatch: 2, guests: 1, absent: 1, errors: 0, reconciled: true }),
		);
	});

	it('counts a short attendance as absent when so chosen, and leaves guests unmatched by default', async () => {
		const { nodes } = await workflow({ ...mainParameters, belowMinimum: 'absent', options: {} }).run({ participants, registrations });
		const [attended, noMatch, absent] = nodes[MATCH].outputs;
		expect(attended.map((json) => json.email)).toEqual(['jane@example.com']);
		expect(noMatch.map((json) => [json.name, json.noMatchReason])).toEqual([
			['iPhone', 'guest'],
			['Walk In', 'not-registered'],
			['Carol Smith', 'guest'],
		]);
		expect(absent.map((json) => [json.email, json.attendedMinutes])).toEqual([
			['bob@example.com', 5],
			['carol@example.com', 0],
			['dave@example.com', 0],
		]);
		expect(attended[0]._summary).toBeUndefined();
	});

	const badRegistrations = [...registrations, { first_name: 'No', last_name: 'Email' }];

	it('stops on an invalid item with an error naming the input, item and field', async () => {
		const { nodes } = await workflow(mainParameters).run({ participants, registrations: badRegistrations });
		const error = nodes[MATCH].error;
		expect(error?.message).toBe('Registrations item 4 has no field "email"');
		expect(error?.description).toContain('Registration Email Field');
	});

	it('with Continue On Fail sends the invalid item to No Match with an error field', async () => {
		const { nodes } = await workflow(mainParameters, 'continueRegularOutput').run({ participants, registrations: badRegistrations });
		const run = nodes[MATCH];
		expect(run.error).toBeUndefined();
		const [attended, noMatch, absent] = run.items;
		expect(attended).toHaveLength(3);
		expect(absent).toHaveLength(1);
		const invalid = noMatch[noMatch.length - 1];
		expect(invalid.json).toEqual(
			expect.objectContaining({
				first_name: 'No',
				error: 'Registrations item 4 has no field "email"',
				errorInput: 'Registrations',
				errorField: 'email',
				noMatchReason: 'invalid-input',
			}),
		);
		expect(invalid.pairedItem).toEqual(r(4));
		expect(invalid.json._summary).toEqual(expect.objectContaining({ registrations: 5, errors: 1, reconciled: true }));
	});
});
