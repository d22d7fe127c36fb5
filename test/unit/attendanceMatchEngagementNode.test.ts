/**
 * The Attendance Match node with its Engagement input (Include Engagement on), through the node's
 * execute with a minimal context: each person lands once, engagement counts and pairings reconcile with the
 * rows in, people who only engaged reach No Match, bad rows and bad weights get clear errors.
 */
import fc from 'fast-check';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ZoomAttendanceMatch } from 'n8n-nodes-zoom-connector/nodes/ZoomAttendanceMatch/ZoomAttendanceMatch.node';
import { DEFAULT_ENGAGEMENT_WEIGHTS } from 'n8n-nodes-zoom-connector/nodes/ZoomAttendanceMatch/engagement';
import { engagementProperties } from 'n8n-nodes-zoom-connector/nodes/ZoomAttendanceMatch/engagementProperties';
import type { JsonRecord } from 'n8n-nodes-zoom-connector/nodes/ZoomAttendanceMatch/match';

const T0 = Date.parse('2024-05-01T10:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

function run(
	inputs: JsonRecord[][],
	parameters: Record<string, unknown>,
	{ continueOnFail = false } = {},
) {
	const data = inputs.map((list) => list.map((json, item): INodeExecutionData => ({ json: json as never, pairedItem: { item } })));
	const context = {
		getInputData: (index: number) => data[index],
		getNodeParameter: (name: string, _item: number, fallback: unknown) => (name in parameters ? parameters[name] : fallback),
		continueOnFail: () => continueOnFail,
		getNode: () => ({ name: 'Zoom Attendance Match', typeVersion: 2 }),
		addExecutionHints: () => undefined,
	} as unknown as IExecuteFunctions;
	return new ZoomAttendanceMatch().execute.call(context);
}

const base = { participantEmailField: 'user_email', registrationEmailField: 'email', options: {} };
const engaged = { ...base, includeEngagement: true };

describe('Zoom Attendance Match, Engagement input', () => {
	const participants = [
		{ user_email: 'ana@example.com', name: 'Ana A', join_time: at(0), leave_time: at(60) },
		{ user_email: 'walk@example.org', name: 'Walk In', join_time: at(0), leave_time: at(30) },
	];
	const registrations = [
		{ email: 'ana@example.com', first_name: 'Ana', last_name: 'A' },
		{ email: 'bo@example.com', first_name: 'Bo', last_name: 'B' },
	];
	const rows = [
		{ kind: 'question', email: 'ana@example.com', name: 'Ana A', question: 'Q1' },
		{ kind: 'question', email: 'Ana@Example.com', name: 'Ana A', question: 'Q2' },
		{ kind: 'poll', email: 'ana@example.com', name: 'Ana A', pollId: 'p', question: 'Buy?' },
		{ kind: 'poll', email: 'bo@example.com', name: 'Bo B', pollId: 'p', question: 'Budget?' },
		{ kind: 'survey', email: 'walk@example.org', name: 'Walk In', question: 'Rate' },
		{ kind: 'question', email: 'eve@example.net', name: 'Eve Only', question: 'Replay?' },
		{ kind: 'question', email: '', name: 'Anonymous', question: 'Hm?' },
	];

	it('adds the counts and the score to every person and pairs each with their engagement rows', async () => {
		const [attended, noMatch, absent] = await run([participants, registrations, rows], { ...engaged, options: { addSummary: true } });
		const ana = attended[0];
		// Ana: whole session (share 1), 2 questions (full), 1 of 2 poll questions: 100 × (50 + 30 + 20 × 0.5) / 100 = 90.
		expect(ana.json).toMatchObject({ email: 'ana@example.com', questionsAsked: 2, pollsAnswered: 1, surveyAnswered: 0, engagementScore: 90 });
		expect(ana.pairedItem).toEqual([{ item: 0, input: 0 }, { item: 0, input: 1 }, { item: 0, input: 2 }, { item: 1, input: 2 }, { item: 2, input: 2 }]);
		// Bo did not come: 20 × 0.5 = 10.
		expect(absent[0].json).toMatchObject({ email: 'bo@example.com', questionsAsked: 0, pollsAnswered: 1, engagementScore: 10 });
		expect(noMatch.map((item) => item.json.email)).toEqual(['walk@example.org', 'eve@example.net']);
		// Walk In: half the session: 50 × 0.5 = 25 (the survey weighs 0 by default).
		expect(noMatch[0].json).toMatchObject({ surveyAnswered: 1, engagementScore: 25, noMatchReason: 'not-registered' });
		expect(noMatch[1]).toEqual({
			json: expect.objectContaining({
				email: 'eve@example.net', firstName: 'Eve', lastName: 'Only', attendanceStatus: 'no-match', attendedSeconds: 0,
				questionsAsked: 1, pollsAnswered: 0, surveyAnswered: 0, engagementScore: 15, noMatchReason: 'not-registered',
			}),
			pairedItem: [{ item: 5, input: 2 }],
		});
		expect(ana.json._summary).toMatchObject({ engagementRows: 7, engagedPeople: 4, engagedOnly: 1, anonymousEngagementRows: 1, invalidEngagementRows: 0, engagementReconciled: true });
	});

	it("shows the pure module's default weights in the editor", () => {
		const weights = engagementProperties.find((p) => p.name === 'engagementWeights');
		const defaults = Object.fromEntries((weights?.options ?? []).map((o) => [(o as { name: string }).name, (o as { default: unknown }).default]));
		expect(defaults).toEqual(DEFAULT_ENGAGEMENT_WEIGHTS);
	});

	it('takes the weights from the parameters', async () => {
		const [attended] = await run([participants, registrations, rows], { ...engaged, engagementWeights: { attendance: 0, polls: 0, questions: 1, questionsForFullScore: 4 } });
		expect(attended[0].json.engagementScore).toBe(50);
	});

	it('leaves the items as they were when Include Engagement is off', async () => {
		const outputs = await run([participants, registrations, rows], base);
		for (const item of outputs.flat()) expect(item.json).not.toHaveProperty('engagementScore');
		expect(outputs[1].map((item) => item.json.email)).toEqual(['walk@example.org']);
	});

	it('an empty or unconnected Engagement input scores attendance alone', async () => {
		const [attended] = await run([participants, registrations], engaged);
		expect(attended[0].json).toMatchObject({ questionsAsked: 0, pollsAnswered: 0, engagementScore: 50 });
	});

	it('refuses a row that is no engagement row, naming the field and the fix; with Continue On Fail it goes to No Match', async () => {
		const bad = [...rows, participants[0]];
		await expect(run([participants, registrations, bad], engaged)).rejects.toThrow(/Engagement item 7: "kind" is missing, not question, poll or survey/);
		const [, noMatch] = await run([participants, registrations, bad], engaged, { continueOnFail: true });
		expect(noMatch.at(-1)).toEqual({
			json: expect.objectContaining({ noMatchReason: 'invalid-input', errorInput: 'Engagement', errorField: 'kind' }),
			pairedItem: { item: 7, input: 2 },
		});
	});

	it('refuses weights that cannot score', async () => {
		await expect(run([participants, registrations, rows], { ...engaged, engagementWeights: { attendance: 0, questions: 0, polls: 0 } })).rejects.toThrow(
			/Engagement Score Weights: At least one weight must be above 0/,
		);
	});

	const emails = Array.from({ length: 10 }, (_, i) => `p${i}@example.com`);
	it('property: each person lands once; engagement counts and pairings reconcile with the rows in', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.tuple(fc.constantFrom(...emails, ''), fc.nat(50)), { maxLength: 25 }),
				fc.uniqueArray(fc.constantFrom(...emails), { maxLength: 10 }),
				fc.array(fc.tuple(fc.constantFrom(...emails, ' P1@EXAMPLE.com', ''), fc.constantFrom('question', 'poll', 'survey'), fc.constantFrom('A', 'B')), { maxLength: 40 }),
				async (attendees, registered, spec) => {
					const people = attendees.map(([email, from], i) => ({ user_email: email, name: email ? email : `Guest ${i}`, join_time: at(from), leave_time: at(from + 10) }));
					const regs = registered.map((email) => ({ email, first_name: 'F', last_name: 'L' }));
					const engagementRows = spec.map(([email, kind, q]) => ({ kind, email, name: 'N', pollId: 'p', question: q }));
					const outputs = await run([people, regs, engagementRows], engaged);
					const items = outputs.flat();
					const withEmail = items.map((item) => item.json.email as string).filter(Boolean);
					expect(new Set(withEmail).size).toBe(withEmail.length);
					const attributed = engagementRows.filter((row) => row.email.trim());
					const sum = (field: string) => items.reduce((n, item) => n + (item.json[field] as number), 0);
					expect(sum('questionsAsked')).toBe(attributed.filter((row) => row.kind === 'question').length);
					expect(sum('surveyAnswered')).toBe(attributed.filter((row) => row.kind === 'survey').length);
					const paired = items
						.flatMap((item) => (item.pairedItem as Array<{ item: number; input: number }>).filter((p) => p.input === 2).map((p) => p.item))
						.sort((a, b) => a - b);
					expect(paired).toEqual(engagementRows.flatMap((row, i) => (row.email.trim() ? [i] : [])));
					for (const item of items) expect(item.json.engagementScore).toEqual(expect.any(Number));
				},
			),
		);
	});
});
