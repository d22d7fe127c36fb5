/**
 * Q&A, poll and survey answers of an ended meeting or webinar, flattened to one row per person and
 * question, with the person's email and name, for a CRM. Zoom groups them by person
 * (https://developers.zoom.us/docs/api/meetings/#tag/reports and #tag/meetings: past_meetings/{id}/qa,
 * /polls; past_webinars/{id}/qa, /polls; report/meetings|webinars/{id}/qa, /polls, /survey).
 * Pure: unit- and property-tested without n8n. Every question Zoom lists gives exactly one row.
 */
import type {
	MeetingsListPastMeetingsPollResultsResponse,
	MeetingsListPastMeetingsQAResponse,
	ReportsGetMeetingPollReportsResponse,
	ReportsGetMeetingQAReportResponse,
	ReportsGetMeetingSurveyReportResponse,
	ReportsGetWebinarSurveyReportResponse,
} from '@zoom/rivet/meetings';

/** Past-session and report answers share these shapes (the webinar ones are the same as the meeting ones). */
export type ZoomQaResponse = MeetingsListPastMeetingsQAResponse | ReportsGetMeetingQAReportResponse;
export type ZoomPollResponse =
	MeetingsListPastMeetingsPollResultsResponse | ReportsGetMeetingPollReportsResponse;
export type ZoomSurveyResponse =
	ReportsGetMeetingSurveyReportResponse | ReportsGetWebinarSurveyReportResponse;

export type EngagementKind = 'question' | 'poll' | 'survey';

/** One answer (or question asked) by one person; the same fields for all three kinds. */
export interface EngagementRow {
	kind: EngagementKind;
	/** Lower-cased and trimmed; '' for an anonymous or guest person. */
	email: string;
	name: string;
	sessionId: number | null;
	sessionUuid: string;
	sessionStartTime: string;
	/** The Q&A question asked, the poll question, or the survey question. */
	question: string;
	questionId: string;
	/** The poll or survey answer given; for Q&A, the answers it received joined by a newline. */
	answer: string;
	/** When it was asked or answered (Zoom's time), '' when Zoom does not say. */
	time: string;
	/** Zoom's status of a Q&A question (report only: open, answered, dismissed…); '' otherwise. */
	questionStatus: string;
	/** The poll a poll answer belongs to; '' otherwise. */
	pollId: string;
	/** The survey a survey answer belongs to; '' otherwise. */
	surveyId: string;
	surveyName: string;
}

const NO_GROUP = { questionStatus: '', pollId: '', surveyId: '', surveyName: '' };

const text = (value: unknown): string =>
	typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
const list = <T>(value: T[] | undefined | null): T[] => (Array.isArray(value) ? value : []);
const sessionIdOf = (value: unknown): number | null =>
	typeof value === 'number' && Number.isFinite(value) ? value : null;

/** The session fields every engagement row carries. */
const sessionFields = (id: unknown, uuid: unknown, startTime: unknown) => ({
	sessionId: sessionIdOf(id),
	sessionUuid: text(uuid),
	sessionStartTime: text(startTime),
});

interface Person {
	email?: string;
	name?: string;
	first_name?: string;
	last_name?: string;
}

function personName(person: Person): string {
	return text(person.name) || `${text(person.first_name)} ${text(person.last_name)}`.trim();
}

type Session = Pick<EngagementRow, 'sessionId' | 'sessionUuid' | 'sessionStartTime'>;
type Who = Pick<EngagementRow, 'email' | 'name'>;

/**
 * One row per detail of each person Zoom lists: `row` makes the row's own fields from a detail; the
 * person's email and name and the session's fields are added to every row. Junk entries are skipped.
 */
function perPersonRows<P extends Person, D>(
	people: P[] | undefined | null,
	detailsOf: (person: P) => D[] | undefined | null,
	session: Session,
	row: (detail: D) => Omit<EngagementRow, keyof Session | keyof Who>,
): EngagementRow[] {
	const rows: EngagementRow[] = [];
	for (const person of list(people)) {
		if (!person || typeof person !== 'object') continue;
		const who: Who = { email: text(person.email).toLowerCase(), name: personName(person) };
		for (const detail of list(detailsOf(person))) {
			if (detail && typeof detail === 'object') rows.push({ ...who, ...row(detail), ...session });
		}
	}
	return rows;
}

type ReportedQuestion = NonNullable<
	NonNullable<ReportsGetMeetingQAReportResponse['questions']>[number]['question_details']
>[number];

/** Q&A: one row per question a person asked, with its answers. */
export function flattenQa(response: ZoomQaResponse): EngagementRow[] {
	const session = sessionFields(response.id, response.uuid, response.start_time);
	return perPersonRows(
		response.questions,
		(person) => person.question_details,
		session,
		(detail) => {
			const reported = detail as ReportedQuestion;
			const answers = list(reported.answer_details)
				.map((answer) => text(answer?.content))
				.filter((content) => content !== '');
			return {
				kind: 'question',
				question: text(detail.question),
				questionId: text(reported.question_id),
				answer: answers.length ? answers.join('\n') : text(detail.answer),
				time: text(reported.create_time),
				...NO_GROUP,
				questionStatus: text(reported.question_status),
			};
		},
	);
}

/** Polls: one row per poll question a person answered. */
export function flattenPolls(response: ZoomPollResponse): EngagementRow[] {
	const session = sessionFields(response.id, response.uuid, response.start_time);
	return perPersonRows(
		response.questions,
		(person) => person.question_details,
		session,
		(detail) => ({
			kind: 'poll',
			question: text(detail.question),
			questionId: '',
			answer: text(detail.answer),
			time: text(detail.date_time),
			...NO_GROUP,
			pollId: text(detail.polling_id),
		}),
	);
}

/** Survey: one row per survey question a person answered. */
export function flattenSurvey(response: ZoomSurveyResponse): EngagementRow[] {
	const meeting = response as ReportsGetMeetingSurveyReportResponse;
	const webinar = response as ReportsGetWebinarSurveyReportResponse;
	const session = sessionFields(
		meeting.meeting_id ?? webinar.webinar_id,
		meeting.meeting_uuid ?? webinar.webinar_uuid,
		response.start_time,
	);
	return perPersonRows(
		response.survey_answers,
		(person) => person.answer_details,
		session,
		(detail) => ({
			kind: 'survey',
			question: text(detail.question),
			questionId: text(detail.question_id),
			answer: text(detail.answer),
			time: text(detail.date_time),
			...NO_GROUP,
			surveyId: text(response.survey_id),
			surveyName: text(response.survey_name),
		}),
	);
}
