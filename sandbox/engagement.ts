// Q&A, poll and survey answers of ended meetings and webinars: past_meetings|past_webinars/{id}/qa and
// /polls, report/meetings|webinars/{id}/qa, /polls and /survey, in Rivet's shapes (@zoom/rivet meetings:
// listPastMeetingsQA, listPastMeetingsPollResults, listQAsOfPastWebinar, listPastWebinarPollResults,
// getMeetingQAReport, getMeetingPollReports, getMeetingSurveyReport and the webinar reports).
import type {
	MeetingsListPastMeetingsPollResultsResponse,
	MeetingsListPastMeetingsQAResponse,
	ReportsGetMeetingPollReportsResponse,
	ReportsGetMeetingQAReportResponse,
	ReportsGetMeetingSurveyReportResponse,
	ReportsGetWebinarSurveyReportResponse,
} from '@zoom/rivet/meetings';

import type { Ctx, Route, Sandbox } from './core';
import { route } from './core';
import { participantEmail, participantName } from './data';
import { ZoomError, isoSeconds, json, randomToken } from './http';
import { noun } from './meetings';
import type { Instance, Kind } from './store';
import { seededInstance } from './summaries';

export interface AskedQuestion {
	question: string;
	answers: string[];
	status?: 'default' | 'open' | 'dismissed' | 'answered' | 'deleted';
}
export interface PollAnswer {
	pollId: string;
	question: string;
	answer: string;
}
export interface SurveyAnswer {
	questionId: string;
	question: string;
	answer: string;
}
export interface EngagedPerson<T> {
	email: string;
	name: string;
	items: T[];
}

/** What an ended instance's attendees asked and answered; what the seed control route stores. */
export interface EngagementSeed {
	qa: EngagedPerson<AskedQuestion>[];
	polls: EngagedPerson<PollAnswer>[];
	survey?: { id: string; name: string; answers: EngagedPerson<SurveyAnswer>[] };
}

const engagement = new WeakMap<Instance, EngagementSeed>();

function endedInstance(ctx: Ctx, kind: Kind) {
	const raw = ctx.params.id;
	const { session, instance } = ctx.sb.store.endedInstance(kind, raw);
	if (!session || !instance) throw new ZoomError(404, 3001, `${noun(kind)} does not exist: ${raw}.`);
	return { session, instance, seed: engagement.get(instance) ?? { qa: [], polls: [] } };
}

const splitName = (name: string) => {
	const [first, ...rest] = name.split(' ');
	return { first_name: first ?? '', last_name: rest.join(' ') };
};

function qa(ctx: Ctx, kind: Kind, report: boolean) {
	const { session, instance, seed } = endedInstance(ctx, kind);
	const startMs = instance.startMs;
	if (!report) {
		const body: MeetingsListPastMeetingsQAResponse = {
			id: session.id,
			uuid: instance.uuid,
			start_time: isoSeconds(startMs),
			questions: seed.qa.map((p) => ({
				email: p.email,
				name: p.name,
				question_details: p.items.map((q) => ({ question: q.question, answer: q.answers.join('\n') })),
			})),
		};
		return json(200, body);
	}
	const body: ReportsGetMeetingQAReportResponse = {
		id: session.id,
		uuid: instance.uuid,
		start_time: isoSeconds(startMs),
		questions: seed.qa.map((p, i) => ({
			user_id: String(16778240 + i),
			email: p.email,
			name: p.name,
			question_details: p.items.map((q, k) => ({
				question: q.question,
				answer: q.answers.join('\n'),
				question_id: `q-${i}-${k}`,
				create_time: isoSeconds(startMs + (k + 1) * 60000),
				question_status: q.status ?? (q.answers.length ? 'answered' : 'open'),
				answer_details: q.answers.map((content, a) => ({
					user_id: '16778239',
					name: 'Sandbox Host',
					email: ctx.sb.store.owner.email,
					content,
					create_time: isoSeconds(startMs + (k + 1) * 60000 + (a + 1) * 30000),
					type: 'host_answered_publicly' as const,
				})),
			})),
		})),
	};
	return json(200, body);
}

function polls(ctx: Ctx, kind: Kind, report: boolean) {
	const { session, instance, seed } = endedInstance(ctx, kind);
	const body: MeetingsListPastMeetingsPollResultsResponse | ReportsGetMeetingPollReportsResponse = {
		id: session.id,
		uuid: instance.uuid,
		start_time: isoSeconds(instance.startMs),
		questions: seed.polls.map((p) => ({
			email: p.email,
			name: p.name,
			...(report ? splitName(p.name) : {}),
			question_details: p.items.map((a, k) => ({
				answer: a.answer,
				date_time: isoSeconds(instance.startMs + (k + 1) * 120000),
				polling_id: a.pollId,
				question: a.question,
			})),
		})),
	};
	return json(200, body);
}

function survey(ctx: Ctx, kind: Kind) {
	const { session, instance, seed } = endedInstance(ctx, kind);
	const answers = (seed.survey?.answers ?? []).map((p) => ({
		email: p.email,
		name: p.name,
		...splitName(p.name),
		answer_details: p.items.map((a) => ({
			question: a.question,
			question_id: a.questionId,
			answer: a.answer,
			date_time: isoSeconds(instance.endMs + 60000),
		})),
	}));
	const common = { start_time: isoSeconds(instance.startMs), survey_id: seed.survey?.id ?? '', survey_name: seed.survey?.name ?? '', survey_answers: answers };
	const body: ReportsGetMeetingSurveyReportResponse | ReportsGetWebinarSurveyReportResponse =
		kind === 'meeting'
			? { meeting_id: session.id, meeting_uuid: instance.uuid, ...common }
			: { webinar_id: session.id, webinar_uuid: instance.uuid, ...common };
	return json(200, body);
}

export const engagementRoutes: Route[] = (['meeting', 'webinar'] as Kind[]).flatMap((kind) => [
	route('GET', `/past_${kind}s/:id/qa`, 'Medium', `${kind}:read:past_qa`, `${kind}:read`, (ctx) => qa(ctx, kind, false)),
	// Zoom's granular names differ by kind: meeting:read:list_poll_results but webinar:read:list_past_polls.
	route('GET', `/past_${kind}s/:id/polls`, 'Medium', kind === 'meeting' ? 'meeting:read:list_poll_results' : 'webinar:read:list_past_polls', `${kind}:read`, (ctx) => polls(ctx, kind, false)),
	route('GET', `/report/${kind}s/:id/qa`, 'Heavy', `report:read:${kind}_qna:admin`, 'report:read:admin', (ctx) => qa(ctx, kind, true)),
	route('GET', `/report/${kind}s/:id/polls`, 'Heavy', `report:read:list_${kind}_polls:admin`, 'report:read:admin', (ctx) => polls(ctx, kind, true)),
	route('GET', `/report/${kind}s/:id/survey`, 'Heavy', `report:read:${kind}_survey:admin`, 'report:read:admin', (ctx) => survey(ctx, kind)),
]);

type Body = Record<string, unknown>;

function people<T>(value: unknown, item: (raw: Body) => T): EngagedPerson<T>[] {
	return (Array.isArray(value) ? (value as Body[]) : []).map((p) => ({
		email: String(p.email ?? ''),
		name: String(p.name ?? ''),
		items: (Array.isArray(p.items) ? (p.items as Body[]) : []).map(item),
	}));
}

/**
 * Deterministic engagement of participants 0..n-1 (participant{i}@example.com): every `askEvery`-th asks
 * one question, every `pollEvery`-th answers both poll questions, every `surveyEvery`-th the survey.
 * `outsiders` more people (outsider{i}@example.com) ask a question without being participants.
 */
function generated(g: Body): EngagementSeed {
	const n = Number(g.participants ?? 0);
	const every = (k: unknown) => Math.max(1, Number(k ?? 0) || Number.MAX_SAFE_INTEGER);
	const [ask, poll, surveyed] = [every(g.askEvery), every(g.pollEvery), every(g.surveyEvery)];
	const qaPeople: EngagedPerson<AskedQuestion>[] = [];
	const pollPeople: EngagedPerson<PollAnswer>[] = [];
	const surveyPeople: EngagedPerson<SurveyAnswer>[] = [];
	for (let i = 0; i < n; i++) {
		const who = { email: participantEmail(i), name: participantName(i) };
		if (i % ask === 0) qaPeople.push({ ...who, items: [{ question: `Question from ${who.name}?`, answers: i % 2 ? [] : ['Yes.'] }] });
		if (i % poll === 0)
			pollPeople.push({
				...who,
				items: [
					{ pollId: 'poll-1', question: 'How did you hear about us?', answer: ['Email', 'Social', 'Friend'][i % 3] },
					{ pollId: 'poll-1', question: 'Would you buy?', answer: i % 4 ? 'Yes' : 'No' },
				],
			});
		if (i % surveyed === 0) surveyPeople.push({ ...who, items: [{ questionId: 's1', question: 'Rate the session', answer: String((i % 5) + 1) }] });
	}
	for (let i = 0; i < Number(g.outsiders ?? 0); i++) {
		qaPeople.push({ email: `outsider${i}@example.com`, name: `Outsider ${i}`, items: [{ question: 'Is there a replay?', answers: [] }] });
	}
	return { qa: qaPeople, polls: pollPeople, ...(surveyPeople.length ? { survey: { id: 'survey-1', name: 'Feedback', answers: surveyPeople } } : {}) };
}

/**
 * Control: POST /_sandbox/engagement {meetingId | uuid, qa?, polls?, survey?, generate?} gives an ended
 * instance (the latest of meetingId, or that uuid) its Q&A, poll and survey answers. People are
 * `{email, name, items}`; qa items `{question, answers[], status?}`, poll items `{pollId, question, answer}`,
 * survey `{id, name, answers: people with items {questionId, question, answer}}`.
 */
export function seedEngagement(sb: Sandbox, b: Body): { uuid: string; meetingId: number; qa: number; polls: number; survey: number } {
	const instance = seededInstance(sb, b);
	const survey = b.survey as Body | undefined;
	const seed: EngagementSeed = b.generate
		? generated({ participants: instance.plan.participants, ...(b.generate as Body) })
		: {
				qa: people(b.qa, (q) => ({ question: String(q.question ?? ''), answers: Array.isArray(q.answers) ? q.answers.map(String) : [], ...(q.status ? { status: q.status as AskedQuestion['status'] } : {}) })),
				polls: people(b.polls, (a) => ({ pollId: String(a.pollId ?? randomToken(8)), question: String(a.question ?? ''), answer: String(a.answer ?? '') })),
				...(survey
					? { survey: { id: String(survey.id ?? randomToken(8)), name: String(survey.name ?? ''), answers: people(survey.answers, (a) => ({ questionId: String(a.questionId ?? ''), question: String(a.question ?? ''), answer: String(a.answer ?? '') })) } }
					: {}),
			};
	engagement.set(instance, seed);
	const count = <T>(list: EngagedPerson<T>[]) => list.reduce((n, p) => n + p.items.length, 0);
	return { uuid: instance.uuid, meetingId: instance.sessionId, qa: count(seed.qa), polls: count(seed.polls), survey: count(seed.survey?.answers ?? []) };
}
