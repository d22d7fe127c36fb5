/**
 * The node's output items, built straight from a match's columns: per item one copy of the input's own
 * fields with the flat fields set on it (the same fields, in the same order, as the tests' reference
 * `outputFields` in test/unit/attendanceMatchOracle.ts), and the pairing. No n8n imports, so the unit
 * tests compare it with that reference and the benchmark times it.
 */
import { engagementScore, type EngagementTally, type EngagementWeights } from './engagement';
import {
	isoTimestamp,
	matchedByNames,
	statusNames,
	type JsonRecord,
	type MatchTables,
} from './match';

const hasOwn = Object.prototype.hasOwnProperty;
const NO_ROWS: readonly number[] = [];

/** An own, enumerable, writable data field, whatever its name (`__proto__` included). */
export function defineField(target: JsonRecord, key: string, value: unknown): void {
	Object.defineProperty(target, key, {
		value,
		enumerable: true,
		writable: true,
		configurable: true,
	});
}

export interface PairedItem {
	item: number;
	input: number;
}

export interface OutputItem {
	json: JsonRecord;
	pairedItem: PairedItem[];
}

/** The Engagement input (input 2), tallied, and how to score it: each person's item gets its fields. */
export interface EngagementScoring {
	tally: EngagementTally;
	weights: EngagementWeights;
}

/** The input number of the Engagement input, for pairedItem. */
export const ENGAGEMENT_INPUT = 2;

/**
 * Attended, No Match and Absent items. Each item keeps its source's own fields (the registration's, or
 * for No Match the person's first row's) and points at the participant rows (input 0) and the
 * registration (input 1) it came from. `summary`, when given, is copied onto every item as `_summary`.
 * With `engagement`, each item also gets questionsAsked, pollsAnswered, surveyAnswered and engagementScore
 * (attended share = attended seconds ÷ the session length) and points at the person's engagement rows (input 2).
 */
export function outputItems(
	tables: MatchTables,
	participants: ReadonlyArray<{ json: JsonRecord }>,
	registrations: ReadonlyArray<{ json: JsonRecord }>,
	session: { topic: string; id: string },
	summary?: JsonRecord,
	engagement?: EngagementScoring,
): [OutputItem[], OutputItem[], OutputItem[]] {
	const { offsets, rowsByGroup, registrationCount } = tables;
	const topic = session.topic;
	const id = session.id;
	const people = engagement?.tally.people;
	const sessionSeconds = tables.session.lengthSeconds;

	// One loop body for all three lists, so the object shapes it builds stay few and its stores monomorphic.
	const build = (group: number): OutputItem => {
		const from = offsets[group];
		const to = offsets[group + 1];
		const isRegistration = group < registrationCount;
		const email = tables.email[group];
		const engaged = people && email ? people.get(email) : undefined;
		const engagedRows = engaged ? engaged.rowIndexes : NO_ROWS;
		const own = to - from + (isRegistration ? 1 : 0);
		const pairedItem = new Array<PairedItem>(own + engagedRows.length);
		for (let k = from; k < to; k++) pairedItem[k - from] = { item: rowsByGroup[k], input: 0 };
		if (isRegistration) pairedItem[to - from] = { item: group, input: 1 };
		for (let k = 0; k < engagedRows.length; k++) {
			pairedItem[own + k] = { item: engagedRows[k], input: ENGAGEMENT_INPUT };
		}

		// The source's own fields copied one by one, as Object.assign does (same order, same [[Set]]): a spread is
		// 30–50× slower on Node 20 (V8 11), and Object.assign 2–3× slower than this inside n8n on Node 24.
		// The fields below are then set in the order outputFields gives them, overwriting a source field of the
		// same name in place, as Object.assign({}, source, outputFields(person)) did.
		const source = (isRegistration ? registrations[group] : participants[rowsByGroup[from]]).json;
		const json: JsonRecord = {};
		for (const key in source) {
			if (!hasOwn.call(source, key)) continue;
			// `json.__proto__ = …` would replace the item's prototype and lose the field; define it instead.
			if (key === '__proto__') defineField(json, key, source[key]);
			else json[key] = source[key];
		}
		const seconds = tables.seconds[group];
		json.email = email;
		json.firstName = tables.firstName[group];
		json.lastName = tables.lastName[group];
		json.attendanceStatus = statusNames[tables.status[group]];
		json.attendedMinutes = Math.round(seconds / 6) / 10;
		json.attendedSeconds = Math.round(seconds);
		json.firstJoinTime = to > from ? isoTimestamp(tables.firstJoin[group]) : null;
		json.lastLeaveTime = to > from ? isoTimestamp(tables.lastLeave[group]) : null;
		json.segments = tables.segments[group];
		json.sessionTopic = topic;
		json.sessionId = id;
		const matchedBy = matchedByNames[tables.matchedBy[group]];
		if (matchedBy) json.matchedBy = matchedBy;
		if (!isRegistration) {
			json.isGuest = email === '';
			json.noMatchReason = tables.noMatchReason[group - registrationCount];
		}
		if (engagement) {
			json.questionsAsked = engaged ? engaged.questionsAsked : 0;
			json.pollsAnswered = engaged ? engaged.pollsAnswered : 0;
			json.surveyAnswered = engaged ? engaged.surveyAnswered : 0;
			json.engagementScore = engagementScore(
				engaged,
				seconds / sessionSeconds,
				engagement.tally.pollQuestions,
				engagement.weights,
			);
		}
		if (summary) json._summary = { ...summary };
		return { json, pairedItem };
	};

	const attended = new Array<OutputItem>(tables.attended.length);
	for (let k = 0; k < attended.length; k++) attended[k] = build(tables.attended[k]);
	const noMatch = new Array<OutputItem>(tables.groupCount - registrationCount);
	for (let k = 0; k < noMatch.length; k++) noMatch[k] = build(registrationCount + k);
	const absent = new Array<OutputItem>(tables.absent.length);
	for (let k = 0; k < absent.length; k++) absent[k] = build(tables.absent[k]);
	return [attended, noMatch, absent];
}
