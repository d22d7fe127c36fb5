/**
 * Engagement per person, pure: the Zoom Connector's Engagement rows (one per person and Q&A question,
 * poll answer or survey answer: `kind`, `email`, `name`, `pollId`, `question`) counted per normalised
 * email, and an engagement score per person. No n8n imports: unit- and property-tested, benchmarked.
 *
 * Score (0–100, whole number), with weights wA, wQ, wP, wS (any non-negative numbers, not all 0):
 *
 *   score = 100 × (wA·attendedShare + wQ·questionShare + wP·pollShare + wS·surveyShare) / (wA + wQ + wP + wS)
 *
 *   attendedShare = attended seconds ÷ session length, clamped to 0–1 (0 for a person who did not attend)
 *   questionShare = min(1, questions asked ÷ questionsForFullScore)
 *   pollShare     = min(1, poll questions answered ÷ poll questions in the session); 0 when the session had none
 *   surveyShare   = 1 when the person answered the survey, else 0
 *
 * Defaults: wA 50, wQ 30, wP 20, wS 0, questionsForFullScore 2. Scaling every weight by the same factor
 * leaves the score unchanged.
 */
import { normaliseEmail, type JsonRecord } from './match';

export interface EngagementWeights {
	attendance: number;
	questions: number;
	polls: number;
	survey: number;
	/** Questions a person must ask for the full question share. */
	questionsForFullScore: number;
}

export const DEFAULT_ENGAGEMENT_WEIGHTS: EngagementWeights = {
	attendance: 50,
	questions: 30,
	polls: 20,
	survey: 0,
	questionsForFullScore: 2,
};

export interface PersonEngagement {
	/** Normalised email (the key). */
	email: string;
	/** The first non-empty name the rows gave. */
	name: string;
	questionsAsked: number;
	/** Distinct poll questions answered (answering one twice counts once). */
	pollsAnswered: number;
	/** Survey questions answered. */
	surveyAnswered: number;
	/** Indexes of this person's rows in the engagement input, in input order (for pairedItem). */
	rowIndexes: number[];
}

export interface EngagementTally {
	/** One entry per person who engaged, by normalised email, in order of their first row. */
	people: Map<string, PersonEngagement>;
	/** Distinct poll questions (poll ID + question) anybody answered: the poll share's denominator. */
	pollQuestions: number;
	/** Rows without an email (anonymous Q&A, guests): counted, not attributable to anyone. */
	anonymousRows: number;
	/** Indexes of the rows that are not engagement rows (no kind the Zoom Connector gives), in input order. */
	invalidRowIndexes: number[];
	/** Rows in: attributed + anonymousRows + invalidRowIndexes.length. */
	rows: number;
}

const text = (value: unknown): string =>
	typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** A person as tallied: also the poll questions they answered, by number, to count each once. */
interface Tallying extends PersonEngagement {
	answeredPolls: number[];
}

/** Counts engagement rows per person. Every row is attributed once, or counted as anonymous or invalid. */
export function tallyEngagement(rows: readonly JsonRecord[]): EngagementTally {
	const tallying = new Map<string, Tallying>();
	// Poll questions numbered by poll ID, then question text: no key string built per row.
	const pollNumbers = new Map<string, Map<string, number>>();
	let pollQuestions = 0;
	let anonymousRows = 0;
	const invalidRowIndexes: number[] = [];
	for (let index = 0; index < rows.length; index++) {
		const row = rows[index];
		const kind = row?.kind;
		if (kind !== 'question' && kind !== 'poll' && kind !== 'survey') {
			invalidRowIndexes.push(index);
			continue;
		}
		let pollNumber = -1;
		if (kind === 'poll') {
			const pollId = text(row.pollId);
			let questions = pollNumbers.get(pollId);
			if (!questions) pollNumbers.set(pollId, (questions = new Map()));
			const question = text(row.question);
			const known = questions.get(question);
			if (known === undefined) questions.set(question, (pollNumber = pollQuestions++));
			else pollNumber = known;
		}
		const email = normaliseEmail(text(row.email));
		if (!email) {
			anonymousRows++;
			continue;
		}
		let person = tallying.get(email);
		if (!person) {
			person = {
				email,
				name: '',
				questionsAsked: 0,
				pollsAnswered: 0,
				surveyAnswered: 0,
				rowIndexes: [],
				answeredPolls: [],
			};
			tallying.set(email, person);
		}
		person.rowIndexes.push(index);
		if (!person.name && row.name) person.name = text(row.name).trim();
		if (kind === 'question') person.questionsAsked++;
		else if (kind === 'survey') person.surveyAnswered++;
		else if (!person.answeredPolls.includes(pollNumber)) {
			person.answeredPolls.push(pollNumber);
			person.pollsAnswered++;
		}
	}
	// The poll numbers stay on each person (not copied away): 100k people are a copy too many.
	return { people: tallying, pollQuestions, anonymousRows, invalidRowIndexes, rows: rows.length };
}

/** Why a weight set cannot score; undefined when it can. */
export function weightsProblem(weights: EngagementWeights): string | undefined {
	const named: [string, number][] = [
		['Attendance Weight', weights.attendance],
		['Questions Weight', weights.questions],
		['Polls Weight', weights.polls],
		['Survey Weight', weights.survey],
	];
	for (const [name, value] of named) {
		if (!Number.isFinite(value) || value < 0)
			return `"${name}" must be a number of 0 or more, not ${value}`;
	}
	if (named.every(([, value]) => value === 0)) return 'At least one weight must be above 0';
	if (!Number.isFinite(weights.questionsForFullScore) || weights.questionsForFullScore < 1) {
		return `"Questions for Full Score" must be 1 or more, not ${weights.questionsForFullScore}`;
	}
	return undefined;
}

const clampShare = (value: number): number =>
	Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;

/** The score of the formula above; `engagement` undefined means the person did not engage. */
export function engagementScore(
	engagement: PersonEngagement | undefined,
	attendedShare: number,
	pollQuestions: number,
	weights: EngagementWeights,
): number {
	const questionShare = Math.min(
		1,
		(engagement?.questionsAsked ?? 0) / weights.questionsForFullScore,
	);
	const pollShare =
		pollQuestions > 0 ? Math.min(1, (engagement?.pollsAnswered ?? 0) / pollQuestions) : 0;
	const surveyShare = (engagement?.surveyAnswered ?? 0) > 0 ? 1 : 0;
	const total = weights.attendance + weights.questions + weights.polls + weights.survey;
	const weighted =
		weights.attendance * clampShare(attendedShare) +
		weights.questions * questionShare +
		weights.polls * pollShare +
		weights.survey * surveyShare;
	// Rounded to 1e-6 first, so floating-point noise (scaled weights) never tips a .5 either way.
	return Math.round(Math.round((1e8 * weighted) / total) / 1e6);
}

/** The flat, Brevo-ready fields a person's output item gets. */
export interface EngagementFields {
	[key: string]: number;
	questionsAsked: number;
	pollsAnswered: number;
	surveyAnswered: number;
	engagementScore: number;
}

export function engagementFields(
	tally: EngagementTally,
	email: string,
	attendedShare: number,
	weights: EngagementWeights,
): EngagementFields {
	const engagement = email ? tally.people.get(email) : undefined;
	return {
		questionsAsked: engagement?.questionsAsked ?? 0,
		pollsAnswered: engagement?.pollsAnswered ?? 0,
		surveyAnswered: engagement?.surveyAnswered ?? 0,
		engagementScore: engagementScore(engagement, attendedShare, tally.pollQuestions, weights),
	};
}

/**
 * People who engaged but are none of `known` (normalised emails of every matched, absent and no-match
 * person): they go to No Match with their engagement, so nobody who engaged is lost.
 */
export function engagedOnly(
	tally: EngagementTally,
	known: { has(email: string): boolean },
): PersonEngagement[] {
	const out: PersonEngagement[] = [];
	for (const person of tally.people.values()) if (!known.has(person.email)) out.push(person);
	return out;
}
