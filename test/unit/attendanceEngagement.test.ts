/** Engagement per person for the Attendance Match (pure): counts, the score formula, engaged-only people. */
import fc from 'fast-check';

import {
	DEFAULT_ENGAGEMENT_WEIGHTS,
	engagedOnly,
	engagementFields,
	engagementScore,
	tallyEngagement,
	weightsProblem,
	type EngagementWeights,
} from 'n8n-nodes-zoom-connector/nodes/ZoomAttendanceMatch/engagement';
import type { JsonRecord } from 'n8n-nodes-zoom-connector/nodes/ZoomAttendanceMatch/match';

import { matchAttendance } from './attendanceMatchOracle';

const question = (email: string, q = 'Why?'): JsonRecord => ({ kind: 'question', email, name: 'N', question: q });
const poll = (email: string, q: string, pollId = 'p1'): JsonRecord => ({ kind: 'poll', email, name: 'N', pollId, question: q, answer: 'x' });
const survey = (email: string): JsonRecord => ({ kind: 'survey', email, name: 'N', question: 'Rate', answer: '5' });

describe('tallyEngagement', () => {
	it('counts per normalised email; a poll question answered twice counts once; anonymous and junk rows are counted apart', () => {
		const tally = tallyEngagement([
			question(' Ana@Example.com '),
			question('ana@example.com', 'Again?'),
			poll('ana@example.com', 'Buy?'),
			poll('ANA@example.com', 'Buy?'),
			poll('bo@example.com', 'Buy?'),
			poll('bo@example.com', 'Colour?'),
			survey('bo@example.com'),
			question(''),
			{ kind: 'chat', email: 'x@example.com' },
			null as unknown as JsonRecord,
		]);
		expect([...tally.people.values()]).toEqual([
			expect.objectContaining({ email: 'ana@example.com', name: 'N', questionsAsked: 2, pollsAnswered: 1, surveyAnswered: 0, rowIndexes: [0, 1, 2, 3] }),
			expect.objectContaining({ email: 'bo@example.com', name: 'N', questionsAsked: 0, pollsAnswered: 2, surveyAnswered: 1, rowIndexes: [4, 5, 6] }),
		]);
		expect(tally.people.size).toBe(2);
		expect(tally).toMatchObject({ pollQuestions: 2, anonymousRows: 1, invalidRowIndexes: [8, 9], rows: 10 });
	});
});

describe('engagementScore', () => {
	const w = DEFAULT_ENGAGEMENT_WEIGHTS;
	it('follows the documented formula', () => {
		const person = { email: 'a', name: '', questionsAsked: 1, pollsAnswered: 1, surveyAnswered: 0, rowIndexes: [] };
		// 100 × (50·0.5 + 30·(1/2) + 20·(1/2)) / 100 = 50
		expect(engagementScore(person, 0.5, 2, w)).toBe(50);
		expect(engagementScore(undefined, 1, 2, w)).toBe(50);
		expect(engagementScore({ ...person, questionsAsked: 5, pollsAnswered: 2 }, 1, 2, w)).toBe(100);
		// No polls in the session: the poll share is 0, not a division by zero.
		expect(engagementScore(person, 1, 0, w)).toBe(65);
		expect(engagementScore(undefined, Number.NaN, 0, w)).toBe(0);
		expect(engagementScore({ ...person, surveyAnswered: 1 }, 0, 0, { ...w, attendance: 0, questions: 0, polls: 0, survey: 1 })).toBe(100);
	});

	it('refuses weights that cannot score, naming the field', () => {
		expect(weightsProblem(w)).toBeUndefined();
		expect(weightsProblem({ ...w, polls: -1 })).toMatch(/"Polls Weight"/);
		expect(weightsProblem({ ...w, attendance: 0, questions: 0, polls: 0, survey: 0 })).toMatch(/At least one/);
		expect(weightsProblem({ ...w, questionsForFullScore: 0 })).toMatch(/Questions for Full Score/);
	});

	const weights = fc.record<EngagementWeights>({
		attendance: fc.integer({ min: 0, max: 100 }),
		questions: fc.integer({ min: 0, max: 100 }),
		polls: fc.integer({ min: 0, max: 100 }),
		survey: fc.integer({ min: 1, max: 100 }),
		questionsForFullScore: fc.integer({ min: 1, max: 5 }),
	});
	const engaged = fc.record({
		email: fc.constant('a'),
		name: fc.constant(''),
		questionsAsked: fc.nat(10),
		pollsAnswered: fc.nat(10),
		surveyAnswered: fc.nat(3),
		rowIndexes: fc.constant<number[]>([]),
	});

	it('property: 0–100, unchanged when every weight is scaled, never lower with more engagement or attendance', () => {
		fc.assert(
			fc.property(weights, engaged, fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(10), fc.integer({ min: 2, max: 10 }), (wt, person, share, polls, k) => {
				const score = engagementScore(person, share, polls, wt);
				expect(score).toBeGreaterThanOrEqual(0);
				expect(score).toBeLessThanOrEqual(100);
				const scaled = { ...wt, attendance: wt.attendance * k, questions: wt.questions * k, polls: wt.polls * k, survey: wt.survey * k };
				expect(engagementScore(person, share, polls, scaled)).toBe(score);
				expect(engagementScore({ ...person, questionsAsked: person.questionsAsked + 1 }, share, polls, wt)).toBeGreaterThanOrEqual(score);
				expect(engagementScore({ ...person, pollsAnswered: person.pollsAnswered + 1 }, share, polls, wt)).toBeGreaterThanOrEqual(score);
				expect(engagementScore(person, Math.min(1, share + 0.1), polls, wt)).toBeGreaterThanOrEqual(score);
			}),
		);
	});
});

describe('with the attendance match', () => {
	const T0 = Date.parse('2024-05-01T10:00:00Z');
	const at = (m: number) => new Date(T0 + m * 60_000).toISOString();
	const emails = Array.from({ length: 12 }, (_, i) => `p${i}@example.com`);

	it('property: each engaged person lands exactly once (matched, absent, no-match or engaged-only), and counts reconcile', () => {
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom(...emails), { maxLength: 20 }),
				fc.array(fc.constantFrom(...emails), { maxLength: 20 }),
				fc.array(fc.tuple(fc.constantFrom(...emails, ''), fc.constantFrom('question', 'poll', 'survey'), fc.constantFrom('A', 'B', 'C')), { maxLength: 60 }),
				(attendees, registered, engagementSpec) => {
					const participants = attendees.map((email, i) => ({ user_email: email, name: email, join_time: at(i), leave_time: at(i + 30) }));
					const registrations = [...new Set(registered)].map((email) => ({ email, first_name: 'F', last_name: 'L' }));
					const rows = engagementSpec.map(([email, kind, q]) => ({ kind, email, name: email, question: q, pollId: 'p' }));
					const result = matchAttendance(participants, registrations);
					const tally = tallyEngagement(rows);
					const matched = [...result.attended, ...result.absent, ...result.noMatch].map((p) => p.email).filter(Boolean);
					const known = new Set(matched);
					const extra = engagedOnly(tally, known);
					const landed = [...matched.filter((email) => tally.people.has(email)), ...extra.map((p) => p.email)];
					expect(landed.sort()).toEqual([...tally.people.keys()].sort());
					expect(new Set(landed).size).toBe(landed.length);
					let questions = 0;
					let surveys = 0;
					for (const email of landed) {
						const fields = engagementFields(tally, email, 0, DEFAULT_ENGAGEMENT_WEIGHTS);
						questions += fields.questionsAsked;
						surveys += fields.surveyAnswered;
					}
					const anonymous = rows.filter((r) => r.email === '').length;
					expect(tally.anonymousRows).toBe(anonymous);
					expect(questions).toBe(rows.filter((r) => r.kind === 'question' && r.email).length);
					expect(surveys).toBe(rows.filter((r) => r.kind === 'survey' && r.email).length);
					// Every attributed row is paired with exactly one person.
					const paired = [...tally.people.values()].flatMap((p) => p.rowIndexes).sort((a, b) => a - b);
					expect(paired).toEqual(rows.flatMap((r, i) => (r.email ? [i] : [])));
				},
			),
		);
	});
});
