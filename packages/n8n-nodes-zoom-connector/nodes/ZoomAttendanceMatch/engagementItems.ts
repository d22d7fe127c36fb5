/**
 * What the Engagement input (input 2) adds besides the fields on each person's item (items.ts): the No Match
 * items of people who engaged but are neither registered nor among the participants, the Engagement items
 * that are not engagement rows (input errors), and the counts. Pure, no n8n imports.
 */
import { engagedOnly, engagementScore, type PersonEngagement } from './engagement';
import { ENGAGEMENT_INPUT, type EngagementScoring, type OutputItem } from './items';
import { splitName, type InputError, type JsonRecord, type MatchTables } from './match';

/** Engagement counts, for the summary and the execution hint. */
export interface EngagementSummary {
	engagementRows: number;
	/** People with at least one row carrying their email. */
	engagedPeople: number;
	/** Of them, people who are neither registered nor among the participants (in No Match). */
	engagedOnly: number;
	/** Rows without an email (anonymous questions, guests): counted, attributable to nobody. */
	anonymousEngagementRows: number;
	invalidEngagementRows: number;
	/** Every engagement row is one person's, anonymous, or invalid. */
	engagementReconciled: boolean;
}

/** The people who engaged and are in no other output: neither registered nor among the participants. */
export function engagedOnlyPeople(
	tables: MatchTables,
	scoring: EngagementScoring,
): PersonEngagement[] {
	return engagedOnly(scoring.tally, tables.groupByEmail);
}

/** No Match items of engagedOnlyPeople, paired with their engagement rows. */
export function engagedOnlyItems(
	people: readonly PersonEngagement[],
	scoring: EngagementScoring,
	session: { topic: string; id: string },
	summary?: JsonRecord,
): OutputItem[] {
	return people.map((person) => {
		const { firstName, lastName } = splitName(person.name);
		const json: JsonRecord = {
			email: person.email,
			firstName,
			lastName,
			attendanceStatus: 'no-match',
			attendedMinutes: 0,
			attendedSeconds: 0,
			firstJoinTime: null,
			lastLeaveTime: null,
			segments: 0,
			sessionTopic: session.topic,
			sessionId: session.id,
			isGuest: false,
			noMatchReason: 'not-registered',
			questionsAsked: person.questionsAsked,
			pollsAnswered: person.pollsAnswered,
			surveyAnswered: person.surveyAnswered,
			engagementScore: engagementScore(person, 0, scoring.tally.pollQuestions, scoring.weights),
		};
		if (summary) json._summary = { ...summary };
		return {
			json,
			pairedItem: person.rowIndexes.map((item) => ({ item, input: ENGAGEMENT_INPUT })),
		};
	});
}

/** The Engagement items that are not Q&A, poll or survey rows, as input errors naming the field and the fix. */
export function engagementInputErrors(
	scoring: EngagementScoring,
	items: ReadonlyArray<{ json: JsonRecord }>,
): InputError[] {
	return scoring.tally.invalidRowIndexes.map((itemIndex) => {
		const row = items[itemIndex]?.json;
		const kind = row !== null && typeof row === 'object' ? row.kind : undefined;
		return {
			input: ENGAGEMENT_INPUT,
			inputName: 'Engagement',
			itemIndex,
			field: 'kind',
			message: `Engagement item ${itemIndex}: "kind" is ${kind === undefined ? 'missing' : JSON.stringify(kind)}, not question, poll or survey`,
			fix: "Connect the Zoom Connector's Engagement operations (Get Q&A, Get Poll Answers, Get Survey Answers) to the Engagement input, or turn off Include Engagement",
		};
	});
}

export function engagementSummary(
	scoring: EngagementScoring,
	engagedOnlyCount: number,
): EngagementSummary {
	const { tally } = scoring;
	let attributedRows = 0;
	for (const person of tally.people.values()) attributedRows += person.rowIndexes.length;
	return {
		engagementRows: tally.rows,
		engagedPeople: tally.people.size,
		engagedOnly: engagedOnlyCount,
		anonymousEngagementRows: tally.anonymousRows,
		invalidEngagementRows: tally.invalidRowIndexes.length,
		engagementReconciled:
			attributedRows + tally.anonymousRows + tally.invalidRowIndexes.length === tally.rows,
	};
}
