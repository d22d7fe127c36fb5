/** Q&A, poll and survey answers flattened to one row per person and question. */
import fc from 'fast-check';

import { flattenPolls, flattenQa, flattenSurvey } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/resources/engagement/flatten';

describe('flattenQa', () => {
	it('past-session Q&A: one row per question asked, email lower-cased, the answer text kept', () => {
		const rows = flattenQa({
			id: 85845671234,
			uuid: 'aDYlohsHRtCd4ii1uC2+hA==',
			start_time: '2024-03-01T09:00:00Z',
			questions: [
				{ email: ' Ana@Example.com ', name: 'Ana Lima', question_details: [{ question: 'Price?', answer: 'Free' }, { question: 'Replay?' }] },
				{ email: '', name: 'Anonymous', question_details: [{ question: 'When?', answer: '' }] },
				{ email: 'bo@example.com', name: 'Bo', question_details: [] },
			],
		});
		expect(rows).toEqual([
			expect.objectContaining({ kind: 'question', email: 'ana@example.com', name: 'Ana Lima', question: 'Price?', answer: 'Free', sessionId: 85845671234, sessionUuid: 'aDYlohsHRtCd4ii1uC2+hA==' }),
			expect.objectContaining({ email: 'ana@example.com', question: 'Replay?', answer: '' }),
			expect.objectContaining({ email: '', name: 'Anonymous', question: 'When?' }),
		]);
	});

	it('report Q&A: question ID, time, status, and every answer given', () => {
		const [row] = flattenQa({
			id: 1,
			questions: [
				{
					user_id: '16778240',
					email: 'ana@example.com',
					name: 'Ana',
					question_details: [
						{
							question: 'Price?',
							question_id: 'q1',
							create_time: '2024-03-01T09:05:00Z',
							question_status: 'answered',
							answer_details: [
								{ content: 'Free for a month', type: 'host_answered_publicly' },
								{ content: 'Then 10 EUR', type: 'participant_commented' },
							],
						},
					],
				},
			],
		});
		expect(row).toMatchObject({ questionId: 'q1', time: '2024-03-01T09:05:00Z', questionStatus: 'answered', answer: 'Free for a month\nThen 10 EUR' });
	});
});

describe('flattenPolls and flattenSurvey', () => {
	it('poll reports: the name from first and last name when Zoom sends no name', () => {
		const rows = flattenPolls({
			id: 2,
			questions: [{ email: 'ana@example.com', first_name: 'Ana', last_name: 'Lima', question_details: [{ polling_id: 'p1', question: 'Buy?', answer: 'Yes', date_time: '2024-03-01T09:10:00Z' }] }],
		});
		expect(rows).toEqual([
			expect.objectContaining({ kind: 'poll', name: 'Ana Lima', pollId: 'p1', question: 'Buy?', answer: 'Yes', time: '2024-03-01T09:10:00Z', questionId: '', surveyId: '' }),
		]);
	});

	it('webinar survey report: the webinar ID and UUID, the survey ID and name on every row', () => {
		const rows = flattenSurvey({
			webinar_id: 9,
			webinar_uuid: 'u==',
			survey_id: 's1',
			survey_name: 'Feedback',
			survey_answers: [{ email: 'a@x.io', name: 'A', answer_details: [{ question_id: 'r', question: 'Rate', answer: '5' }, { question: 'Why?', answer: 'Good' }] }],
		});
		expect(rows).toHaveLength(2);
		expect(rows[0]).toMatchObject({ kind: 'survey', sessionId: 9, sessionUuid: 'u==', surveyId: 's1', surveyName: 'Feedback', questionId: 'r', answer: '5' });
	});

	it('hostile shapes (nulls, numbers, missing lists) give fewer rows, never a crash', () => {
		const junk = { questions: [null, 3, { question_details: null }, { email: 5, question_details: [null, { question: 7 }] }] } as never;
		expect(flattenQa(junk)).toEqual([expect.objectContaining({ email: '5', question: '7' })]);
		expect(flattenPolls({} as never)).toEqual([]);
		expect(flattenSurvey({ survey_answers: 'x' } as never)).toEqual([]);
	});
});

const person = fc.record({
	email: fc.oneof(fc.emailAddress(), fc.constant('')),
	name: fc.string({ maxLength: 12 }),
	question_details: fc.array(fc.record({ question: fc.string({ maxLength: 10 }), answer: fc.string({ maxLength: 10 }), polling_id: fc.string({ maxLength: 4 }) }), { maxLength: 5 }),
});

describe('property: each question Zoom lists lands exactly once, with its own person', () => {
	it.each([
		['Q&A', flattenQa],
		['polls', flattenPolls],
	] as const)('%s', (_label, flatten) => {
		fc.assert(
			fc.property(fc.array(person, { maxLength: 20 }), (people) => {
				const rows = flatten({ id: 1, questions: people });
				expect(rows).toHaveLength(people.reduce((n, p) => n + p.question_details.length, 0));
				let at = 0;
				for (const p of people) {
					for (const d of p.question_details) {
						expect(rows[at].email).toBe(p.email.trim().toLowerCase());
						expect(rows[at].name).toBe(p.name.trim());
						expect(rows[at].question).toBe(d.question.trim());
						at++;
					}
				}
			}),
		);
	});

	it('survey', () => {
		fc.assert(
			fc.property(fc.array(person, { maxLength: 20 }), (people) => {
				const answers = people.map((p) => ({ email: p.email, name: p.name, answer_details: p.question_details }));
				const rows = flattenSurvey({ meeting_id: 1, survey_id: 's', survey_answers: answers });
				expect(rows).toHaveLength(people.reduce((n, p) => n + p.question_details.length, 0));
				expect(new Set(rows.map((r) => r.surveyId))).toEqual(new Set(rows.length ? ['s'] : []));
			}),
		);
	});
});
