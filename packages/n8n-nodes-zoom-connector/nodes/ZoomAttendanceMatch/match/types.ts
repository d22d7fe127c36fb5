/** The match's types and options, shared by its phases (see matchTables.ts). */

export type JsonRecord = Record<string, unknown>;

export type AttendanceStatus = 'attended' | 'partial' | 'absent' | 'no-match';
export type NoMatchReason = 'not-registered' | 'guest' | 'ambiguous-name' | 'invalid-input';
export type InputName = 'Participants' | 'Registrations' | 'Engagement';

export interface MatchOptions {
	participantEmailField: string;
	registrationEmailField: string;
	joinTimeField: string;
	leaveTimeField: string;
	participantNameField: string;
	firstNameField: string;
	lastNameField: string;
	/** Match participants without an email to registrations by full name. */
	matchGuestsByName: boolean;
	minimumAttendance: number;
	minimumAttendanceUnit: 'seconds' | 'percent';
	/** Where a matched registration under the minimum goes: Absent, or Attended marked "partial". */
	belowMinimum: 'absent' | 'partial';
	/** The session's length; 0 or absent means last leave − first join over all rows. */
	sessionLengthSeconds?: number;
}

export const DEFAULT_MATCH_OPTIONS: MatchOptions = {
	participantEmailField: 'user_email',
	registrationEmailField: 'email',
	joinTimeField: 'join_time',
	leaveTimeField: 'leave_time',
	participantNameField: 'name',
	firstNameField: 'first_name',
	lastNameField: 'last_name',
	matchGuestsByName: false,
	minimumAttendance: 0,
	minimumAttendanceUnit: 'seconds',
	belowMinimum: 'absent',
};

export interface InputError {
	input: 0 | 1 | 2;
	inputName: InputName;
	itemIndex: number;
	field: string;
	message: string;
	/** What the user can do about it. */
	fix: string;
}

export interface MatchSummary {
	participantRows: number;
	registrations: number;
	attended: number;
	partial: number;
	absent: number;
	noMatch: number;
	guests: number;
	errors: number;
	sessionSeconds: number;
	minimumSeconds: number;
	/** Every row and registration is accounted for exactly once in the outputs or the errors. */
	reconciled: boolean;
}

/** The session's span over all rows' times (epoch ms, null without any time) and the length the minimum is taken of. */
export interface SessionSpan {
	start: number | null;
	end: number | null;
	lengthSeconds: number;
}

/** Status codes in MatchTables.status: indexes into statusNames. */
export const STATUS_ATTENDED = 0;
export const STATUS_PARTIAL = 1;
export const STATUS_ABSENT = 2;
export const STATUS_NO_MATCH = 3;
export const statusNames: readonly AttendanceStatus[] = [
	'attended',
	'partial',
	'absent',
	'no-match',
];
/** How a group was matched, by code in MatchTables.matchedBy. */
export type MatchedBy = 'email' | 'name' | 'email+name' | null;
export const matchedByNames: readonly MatchedBy[] = [null, 'email', 'name', 'email+name'];

/**
 * A match in flat columns, one slot per group. Groups 0 … registrationCount − 1 are the registrations (in
 * input order; invalid ones are in `errors` and their slots unused), groups from registrationCount on are
 * the participants without a registration, in order of their first row. The node turns groups straight
 * into output items (items.ts), without objects in between.
 */
export interface MatchTables {
	registrationCount: number;
	groupCount: number;
	/** Rows of group g: rowsByGroup[offsets[g]] … rowsByGroup[offsets[g + 1] − 1], in input order. */
	offsets: Int32Array;
	rowsByGroup: Int32Array;
	/** Index into statusNames. */
	status: Uint8Array;
	/** Index into matchedByNames: none, email, name, email+name. */
	matchedBy: Uint8Array;
	email: string[];
	/** Group by normalised email, for every group with an email (registered or not). */
	groupByEmail: ReadonlyMap<string, number>;
	firstName: string[];
	lastName: string[];
	/** Attendance; firstJoin and lastLeave are NaN for a group without rows (a registration that did not join). */
	seconds: Float64Array;
	firstJoin: Float64Array;
	lastLeave: Float64Array;
	segments: Int32Array;
	/** Why a no-match group has no registration, at group − registrationCount. */
	noMatchReason: NoMatchReason[];
	/** The groups of the Attended and Absent lists, in order; No Match is registrationCount … groupCount − 1. */
	attended: Int32Array;
	absent: Int32Array;
	errors: InputError[];
	session: SessionSpan;
	summary: MatchSummary;
}
