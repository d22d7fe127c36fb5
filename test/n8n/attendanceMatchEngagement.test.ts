/**
 * Zoom Attendance Match in a real n8n: with Include Engagement on, n8n gives the node a third
 * input (its expression on `inputs`), and Q&A, poll and survey rows (the Zoom Connector's Engagement rows)
 * arriving there give every person questionsAsked, pollsAnswered, surveyAnswered and engagementScore. With
 * it off, the node keeps two inputs and adds no engagement fields.
 */
import { MATCH, MatchWorkflow } from '../harness/attendanceMatchWorkflow';

const T0 = Date.parse('2024-05-01T10:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const participant = (name: string, email: string, from: number, to: number) => ({ name, user_email: email, join_time: at(from), leave_time: at(to) });

const participants = [
	participant('Jane Doe', 'jane@example.com', 0, 60),
	participant('Bob Roe', 'bob@example.com', 0, 15),
	participant('Walk In', 'walkin@example.org', 0, 30),
];
const registrations = [
	{ email: 'jane@example.com', first_name: 'Jane', last_name: 'Doe' },
	{ email: 'bob@example.com', first_name: 'Bob', last_name: 'Roe' },
	{ email: 'dave@example.com', first_name: 'Dave', last_name: 'Loe' },
];
const row = (kind: string, email: string, name: string, question: string, pollId = '') => ({ kind, email, name, question, pollId, answer: 'x', sessionId: 85746065432 });
const engagement = [
	row('question', 'jane@example.com', 'Jane Doe', 'Slides?'),
	row('poll', 'jane@example.com', 'Jane Doe', 'Budget?', 'p1'),
	row('poll', 'jane@example.com', 'Jane Doe', 'When?', 'p1'),
	row('question', 'JANE@example.com', 'Jane Doe', 'Replay?'),
	row('poll', 'dave@example.com', 'Dave Loe', 'Budget?', 'p1'),
	row('question', 'eve@example.net', 'Eve Only', 'Pricing?'),
	row('question', '', 'Anonymous Attendee', 'Hm?'),
	row('survey', 'bob@example.com', 'Bob Roe', 'Rate us'),
];

const parameters = {
	participantEmailField: 'user_email',
	registrationEmailField: 'email',
	sessionTopic: 'Launch webinar',
	includeEngagement: true,
	engagementWeights: { survey: 10 },
	options: { addSummary: true },
};
const e = (item: number) => ({ item, input: 2 });

describe('Zoom Attendance Match with engagement in n8n', () => {
	const workflows: MatchWorkflow[] = [];
	const workflow = (...args: ConstructorParameters<typeof MatchWorkflow>) => {
		const created = new MatchWorkflow(...args);
		workflows.push(created);
		return created;
	};
	afterAll(async () => {
		await Promise.all(workflows.map((w) => w.remove()));
	});

	it('scores every person from the Engagement input and sends people who only engaged to No Match', async () => {
		const { nodes, execution } = await workflow(parameters, undefined, ['participants', 'registrations', 'engagement']).run({ participants, registrations, engagement });
		const run = nodes[MATCH];
		expect(run.error).toBeUndefined();
		expect(execution.data.resultData.runData[MATCH][0].hints).toEqual([
			expect.objectContaining({ message: expect.stringContaining('engagement rows 8: 4 people (1 only engaged, in No Match), 1 anonymous rows') }),
		]);
		const [attended, noMatch, absent] = run.items;
		// Weights 50/30/20/10 (sum 110). Jane: whole session, 2 questions, both poll questions: 100 × 100/110 = 91.
		// Bob: 15 of 60 minutes and the survey: 100 × (12.5 + 10)/110 = 20. Dave: one of two poll questions: 100 × 10/110 = 9.
		expect(attended.map((item) => item.json)).toEqual([
			expect.objectContaining({ email: 'jane@example.com', questionsAsked: 2, pollsAnswered: 2, surveyAnswered: 0, engagementScore: 91 }),
			expect.objectContaining({ email: 'bob@example.com', questionsAsked: 0, pollsAnswered: 0, surveyAnswered: 1, engagementScore: 20 }),
		]);
		expect(attended[0].pairedItem).toEqual([{ item: 0, input: 0 }, { item: 0, input: 1 }, e(0), e(1), e(2), e(3)]);
		expect(absent.map((item) => item.json)).toEqual([expect.objectContaining({ email: 'dave@example.com', pollsAnswered: 1, engagementScore: 9 })]);
		expect(noMatch.map((item) => [item.json.email, item.json.noMatchReason, item.json.questionsAsked, item.json.attendedMinutes])).toEqual([
			['walkin@example.org', 'not-registered', 0, 30],
			['eve@example.net', 'not-registered', 1, 0],
		]);
		expect(noMatch[1].pairedItem).toEqual([e(5)]);
		expect(noMatch[1].json).toMatchObject({ firstName: 'Eve', lastName: 'Only', sessionTopic: 'Launch webinar', engagementScore: 14 }); // 100 × 30·½ / 110
		expect(attended[0].json._summary).toMatchObject({ engagementRows: 8, engagedPeople: 4, engagedOnly: 1, anonymousEngagementRows: 1, engagementReconciled: true, reconciled: true });
	});

	it('runs with an empty Engagement list: attendance alone scores', async () => {
		const { nodes } = await workflow(parameters, undefined, ['participants', 'registrations', 'engagement']).run({ participants, registrations, engagement: [] });
		const [attended, noMatch, absent] = nodes[MATCH].outputs;
		expect(attended.map((json) => [json.email, json.questionsAsked, json.engagementScore])).toEqual([
			['jane@example.com', 0, 45],
			['bob@example.com', 0, 11],
		]);
		expect(noMatch).toHaveLength(1);
		expect(absent).toHaveLength(1);
	});

	it('stops on an Engagement item that is no engagement row, naming the input, item and field', async () => {
		const { nodes } = await workflow(parameters, undefined, ['participants', 'registrations', 'engagement']).run({ participants, registrations, engagement: [...engagement, { email: 'x@example.com' }] });
		expect(nodes[MATCH].error?.message).toBe('Engagement item 8: "kind" is missing, not question, poll or survey');
		expect(nodes[MATCH].error?.description).toContain('Field "kind" of input Engagement, item 8');
	});

	it('without Include Engagement keeps the two inputs and adds no engagement fields', async () => {
		const { nodes } = await workflow({ ...parameters, includeEngagement: false }, undefined).run({ participants, registrations });
		const [attended, noMatch, absent] = nodes[MATCH].outputs;
		expect([attended.length, noMatch.length, absent.length]).toEqual([2, 1, 1]);
		for (const json of [...attended, ...noMatch, ...absent]) expect(json).not.toHaveProperty('engagementScore');
	});
});
