/**
 * Phase 4 of the match, classify: each registration Attended, Partial or Absent by its attendance against
 * the minimum, each participant group without a registration No Match, and the counts reconciled.
 */
import { fieldReader, text } from './fields';
import type { ParticipantGroups } from './groupParticipants';
import type { RegistrationIndex } from './indexRegistrations';
import { personAttendance, type AttendanceColumns } from './intervalUnion';
import { splitName } from './normalise';
import {
	STATUS_ABSENT,
	STATUS_ATTENDED,
	STATUS_NO_MATCH,
	STATUS_PARTIAL,
	type InputError,
	type JsonRecord,
	type MatchOptions,
	type MatchSummary,
	type MatchTables,
	type SessionSpan,
} from './types';

/** What the earlier phases found, as classify takes it. */
export interface ClassifyInput {
	participants: readonly JsonRecord[];
	registrations: readonly JsonRecord[];
	opts: MatchOptions;
	index: RegistrationIndex;
	groups: ParticipantGroups;
	offsets: Int32Array;
	rowsByGroup: Int32Array;
	/** Both inputs' errors, sorted: participants first, then by item. */
	errors: InputError[];
	session: SessionSpan;
	minimumSeconds: number;
}

/** Attendance, status and names per group, the Attended and Absent lists, and the summary: the whole match. */
export function classify(input: ClassifyInput): MatchTables {
	const { participants, registrations, opts, offsets, rowsByGroup, errors, minimumSeconds } = input;
	const { emails, registrationValid } = input.index;
	const {
		starts,
		ends,
		hasLoneTimes,
		sessionStart,
		sessionEnd,
		matchedByName,
		extraNames,
		extraReasons,
	} = input.groups;
	const m = registrations.length;
	const n = participants.length;
	const groupCount = m + extraNames.length;
	const readFirst = fieldReader(opts.firstNameField);
	const readLast = fieldReader(opts.lastNameField);
	const readName = fieldReader(opts.participantNameField);

	const columns: AttendanceColumns = {
		seconds: new Float64Array(groupCount),
		firstJoin: new Float64Array(groupCount).fill(Number.NaN),
		lastLeave: new Float64Array(groupCount).fill(Number.NaN),
		segments: new Int32Array(groupCount),
	};
	const status = new Uint8Array(groupCount);
	const matchedBy = new Uint8Array(groupCount);
	const firstNames = new Array<string>(groupCount);
	const lastNames = new Array<string>(groupCount);

	const attendedGroups = new Int32Array(m);
	const absentGroups = new Int32Array(m);
	let attendedCount = 0;
	let absentCount = 0;
	let partialCount = 0;
	for (let r = 0; r < m; r++) {
		if (!registrationValid[r]) continue;
		const record = registrations[r];
		let firstName = text(readFirst(record));
		let lastName = text(readLast(record));
		const from = offsets[r];
		const to = offsets[r + 1];
		if (to > from) {
			personAttendance(
				rowsByGroup,
				from,
				to,
				starts,
				ends,
				hasLoneTimes,
				sessionStart,
				sessionEnd,
				columns,
				r,
			);
			let emailRows = 0;
			for (let k = from; k < to; k++) if (!matchedByName[rowsByGroup[k]]) emailRows++;
			matchedBy[r] = emailRows === to - from ? 1 : emailRows === 0 ? 2 : 3;
			if (!firstName && !lastName) {
				({ firstName, lastName } = splitName(text(readName(participants[rowsByGroup[from]]))));
			}
		}
		firstNames[r] = firstName;
		lastNames[r] = lastName;
		const joined = to > from;
		const code =
			joined && columns.seconds[r] >= minimumSeconds
				? STATUS_ATTENDED
				: joined && opts.belowMinimum === 'partial'
					? STATUS_PARTIAL
					: STATUS_ABSENT;
		status[r] = code;
		if (code === STATUS_ABSENT) absentGroups[absentCount++] = r;
		else {
			if (code === STATUS_PARTIAL) partialCount++;
			attendedGroups[attendedCount++] = r;
		}
	}

	let guests = 0;
	// Extra groups were created in order of their first row, so this is input order.
	for (let group = m; group < groupCount; group++) {
		if (emails[group] === '') guests++;
		const { firstName, lastName } = splitName(extraNames[group - m]);
		firstNames[group] = firstName;
		lastNames[group] = lastName;
		status[group] = STATUS_NO_MATCH;
		personAttendance(
			rowsByGroup,
			offsets[group],
			offsets[group + 1],
			starts,
			ends,
			hasLoneTimes,
			sessionStart,
			sessionEnd,
			columns,
			group,
		);
	}

	let participantErrors = 0;
	for (const error of errors) if (error.input === 0) participantErrors++;
	// Every valid row is in exactly one group, and every group is in one list.
	let rowsOut = 0;
	for (let k = 0; k < attendedCount; k++)
		rowsOut += offsets[attendedGroups[k] + 1] - offsets[attendedGroups[k]];
	for (let k = 0; k < absentCount; k++)
		rowsOut += offsets[absentGroups[k] + 1] - offsets[absentGroups[k]];
	rowsOut += offsets[groupCount] - offsets[m];
	const registrationsOut = attendedCount + absentCount;
	const summary: MatchSummary = {
		participantRows: n,
		registrations: m,
		attended: attendedCount - partialCount,
		partial: partialCount,
		absent: absentCount,
		noMatch: groupCount - m,
		guests,
		errors: errors.length,
		sessionSeconds: input.session.lengthSeconds,
		minimumSeconds,
		reconciled:
			rowsOut + participantErrors === n &&
			registrationsOut + (errors.length - participantErrors) === m,
	};
	return {
		registrationCount: m,
		groupCount,
		offsets,
		rowsByGroup,
		status,
		matchedBy,
		email: emails,
		groupByEmail: input.index.byEmail,
		firstName: firstNames,
		lastName: lastNames,
		seconds: columns.seconds,
		firstJoin: columns.firstJoin,
		lastLeave: columns.lastLeave,
		segments: columns.segments,
		noMatchReason: extraReasons,
		attended: attendedGroups.subarray(0, attendedCount),
		absent: absentGroups.subarray(0, absentCount),
		errors,
		session: input.session,
		summary,
	};
}
