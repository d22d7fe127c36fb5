/**
 * Reference oracle for the attendance match tests: the match as plain per-person objects (matchAttendance)
 * and each person's flat output fields built the plain way (outputFields). The node does not use these:
 * it goes from the match's columns straight to items (nodes/ZoomAttendanceMatch/items.ts), and the tests
 * hold that fast path to this plain one (attendanceMatchItems.test.ts). Kept in test/ so dist/ does not ship it.
 */
import {
	isoTimestamp,
	matchedByNames,
	matchTables,
	statusNames,
	type AttendanceStatus,
	type InputError,
	type MatchedBy,
	type JsonRecord,
	type MatchOptions,
	type MatchSummary,
	type MatchTables,
	type NoMatchReason,
	type SessionSpan,
} from 'n8n-nodes-zoom-connector/nodes/ZoomAttendanceMatch/match';

export interface Attendance {
	/** Union of the person's segments: overlapping time is counted once. */
	seconds: number;
	/** Epoch milliseconds, or null when the person has no segment. */
	firstJoin: number | null;
	lastLeave: number | null;
	/** Join sessions (rows, or a join paired with its leave) before the union. */
	segments: number;
}

export interface PersonResult {
	status: AttendanceStatus;
	/** Normalised (trimmed, lower case) email; '' for a guest. */
	email: string;
	firstName: string;
	lastName: string;
	/** Index into the registrations, or -1 for a participant without registration. */
	registration: number;
	/** Indexes into the participant rows that make up this person, in input order. */
	participantRows: number[];
	matchedBy: MatchedBy;
	noMatchReason: NoMatchReason | null;
	isGuest: boolean;
	attendance: Attendance;
}

export interface MatchResult {
	/** Registrations that attended (and, with belowMinimum "partial", those under the minimum), in input order. */
	attended: PersonResult[];
	/** Participants without a registration, merged per person, in order of their first row. */
	noMatch: PersonResult[];
	/** Registrations without (enough) attendance, in input order. */
	absent: PersonResult[];
	/** Invalid items, in input order (participants first); they appear in no other list. */
	errors: InputError[];
	session: SessionSpan;
	summary: MatchSummary;
}

/** One group of a match as a PersonResult. */
export function personResult(tables: MatchTables, group: number): PersonResult {
	const from = tables.offsets[group];
	const to = tables.offsets[group + 1];
	const participantRows = new Array<number>(to - from);
	for (let k = from; k < to; k++) participantRows[k - from] = tables.rowsByGroup[k];
	const isRegistration = group < tables.registrationCount;
	const joined = to > from;
	return {
		status: statusNames[tables.status[group]],
		email: tables.email[group],
		firstName: tables.firstName[group],
		lastName: tables.lastName[group],
		registration: isRegistration ? group : -1,
		participantRows,
		matchedBy: matchedByNames[tables.matchedBy[group]],
		noMatchReason: isRegistration ? null : tables.noMatchReason[group - tables.registrationCount],
		isGuest: !isRegistration && tables.email[group] === '',
		attendance: {
			seconds: tables.seconds[group],
			firstJoin: joined ? tables.firstJoin[group] : null,
			lastLeave: joined ? tables.lastLeave[group] : null,
			segments: tables.segments[group],
		},
	};
}

/** Matches participants to registrations; never throws on bad items, it lists them in `errors`. */
export function matchAttendance(
	participants: readonly JsonRecord[],
	registrations: readonly JsonRecord[],
	options: Partial<MatchOptions> = {},
): MatchResult {
	const tables = matchTables(participants, registrations, options);
	const attended = new Array<PersonResult>(tables.attended.length);
	for (let k = 0; k < attended.length; k++) attended[k] = personResult(tables, tables.attended[k]);
	const absent = new Array<PersonResult>(tables.absent.length);
	for (let k = 0; k < absent.length; k++) absent[k] = personResult(tables, tables.absent[k]);
	const noMatch = new Array<PersonResult>(tables.groupCount - tables.registrationCount);
	for (let k = 0; k < noMatch.length; k++) noMatch[k] = personResult(tables, tables.registrationCount + k);
	return { attended, noMatch, absent, errors: tables.errors, session: tables.session, summary: tables.summary };
}

/** The flat, Brevo-ready fields an output item gets on top of its input's own fields. */
export interface OutputFields {
	[key: string]: string | number | boolean | null;
	email: string;
	firstName: string;
	lastName: string;
	attendanceStatus: AttendanceStatus;
	attendedMinutes: number;
	attendedSeconds: number;
	firstJoinTime: string | null;
	lastLeaveTime: string | null;
	segments: number;
	sessionTopic: string;
	sessionId: string;
}

export function outputFields(person: PersonResult, session: { topic: string; id: string }): OutputFields {
	const { attendance } = person;
	const fields: OutputFields = {
		email: person.email,
		firstName: person.firstName,
		lastName: person.lastName,
		attendanceStatus: person.status,
		// Whole seconds and minutes to one decimal: what a CRM number attribute shows well.
		attendedMinutes: Math.round(attendance.seconds / 6) / 10,
		attendedSeconds: Math.round(attendance.seconds),
		firstJoinTime: attendance.firstJoin === null ? null : isoTimestamp(attendance.firstJoin),
		lastLeaveTime: attendance.lastLeave === null ? null : isoTimestamp(attendance.lastLeave),
		segments: attendance.segments,
		sessionTopic: session.topic,
		sessionId: session.id,
	};
	if (person.matchedBy) fields.matchedBy = person.matchedBy;
	if (person.status === 'no-match') {
		fields.isGuest = person.isGuest;
		fields.noMatchReason = person.noMatchReason;
	}
	return fields;
}
