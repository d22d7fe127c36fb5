/**
 * Phase 2 of the match, group participants: one pass over the rows, each row's times parsed and checked
 * and each valid row given a group. Groups 0 … m − 1 are the registrations; participants without one get
 * groups from m on, keyed by email, or by display name for guests. Then the rows are laid out by group.
 */
import { fieldReader, text } from './fields';
import { emailProblem, participantError } from './inputErrors';
import { AMBIGUOUS, type RegistrationIndex } from './indexRegistrations';
import { normaliseEmail, normaliseName } from './normalise';
import { MISSING, OUT_OF_RANGE, parseTime } from './time';
import type { InputError, JsonRecord, MatchOptions, NoMatchReason } from './types';

export interface ParticipantGroups {
	/** Join and leave per row (epoch ms), NaN for a lone leave's join or a lone join's leave. */
	starts: Float64Array;
	ends: Float64Array;
	/** Group per row, -1 for a row in the errors. */
	groupOf: Int32Array;
	/** 1 when the row was matched by name. */
	matchedByName: Uint8Array;
	/** Name and reason per no-match group, at group − m, in order of their first row. */
	extraNames: string[];
	extraReasons: NoMatchReason[];
	/** Earliest and latest time seen; Infinity and -Infinity without any. */
	sessionStart: number;
	sessionEnd: number;
	/** Some row has only a join or only a leave time (webhook events). */
	hasLoneTimes: boolean;
	/** The participants' input errors, in input order. */
	errors: InputError[];
}

/**
 * Groups the participant rows. Appends the no-match groups' emails to `registrationIndex.emails` and the
 * unregistered emails' groups to `registrationIndex.byEmail`, so those two cover every group afterwards.
 */
export function groupParticipants(
	participants: readonly JsonRecord[],
	registrationCount: number,
	registrationIndex: RegistrationIndex,
	opts: MatchOptions,
): ParticipantGroups {
	const m = registrationCount;
	const n = participants.length;
	const { emails, byEmail, byName } = registrationIndex;
	const errors: InputError[] = [];
	const readParticipantEmail = fieldReader(opts.participantEmailField);
	const readName = fieldReader(opts.participantNameField);
	const readJoin = fieldReader(opts.joinTimeField);
	const readLeave = fieldReader(opts.leaveTimeField);
	const starts = new Float64Array(n);
	const ends = new Float64Array(n);
	const groupOf = new Int32Array(n).fill(-1);
	const matchedByName = new Uint8Array(n); // 1 when the row was matched by name
	const unmatchedByName = new Map<string, number>();
	const extraNames: string[] = [];
	const extraReasons: NoMatchReason[] = [];
	let sessionStart = Infinity;
	let sessionEnd = -Infinity;
	let hasLoneTimes = false;

	function newGroup(email: string, name: string, reason: NoMatchReason): number {
		emails.push(email);
		extraNames.push(name);
		extraReasons.push(reason);
		return m + extraNames.length - 1;
	}
	function groupFor(
		index: Map<string, number>,
		key: string,
		email: string,
		record: JsonRecord,
		reason: NoMatchReason,
	): number {
		let group = index.get(key);
		if (group === undefined) {
			group = newGroup(email, text(readName(record)), reason);
			index.set(key, group);
		}
		return group;
	}

	for (let i = 0; i < n; i++) {
		const record = participants[i];
		if (record === null || typeof record !== 'object') {
			errors.push(
				participantError(
					i,
					opts.participantEmailField,
					'is not an object',
					'Feed the node items with JSON objects',
				),
			);
			continue;
		}
		const raw = readParticipantEmail(record);
		const problem = emailProblem(raw, opts.participantEmailField, 'Participants', i, true);
		if (problem) {
			errors.push({
				input: 0,
				inputName: 'Participants',
				itemIndex: i,
				field: opts.participantEmailField,
				...problem,
			});
			continue;
		}
		const join = parseTime(readJoin(record));
		const leave = parseTime(readLeave(record));
		if (join < MISSING || leave < MISSING) {
			const joinBad = join < MISSING;
			const code = joinBad ? join : leave;
			const field = joinBad ? opts.joinTimeField : opts.leaveTimeField;
			const value = joinBad ? readJoin(record) : readLeave(record);
			errors.push(
				participantError(
					i,
					field,
					code === OUT_OF_RANGE
						? `is outside the years 1970 to 9999: ${JSON.stringify(value)}`
						: `is not a date-time: ${JSON.stringify(value)}`,
					'Give an ISO 8601 time such as 2024-05-01T10:00:00Z or an epoch time (a number: seconds below 100000000000, milliseconds from there on), or set the time field names in Options',
				),
			);
			continue;
		}
		if (join === MISSING && leave === MISSING) {
			errors.push(
				participantError(
					i,
					`${opts.joinTimeField}/${opts.leaveTimeField}`,
					'has neither a join time nor a leave time',
					'Check the Join Time Field and Leave Time Field options',
				),
			);
			continue;
		}
		if (join !== MISSING && leave !== MISSING && leave < join) {
			errors.push(
				participantError(
					i,
					opts.leaveTimeField,
					'leaves before it joins',
					'Check that join and leave times are not swapped',
				),
			);
			continue;
		}
		starts[i] = join === MISSING ? Number.NaN : join;
		ends[i] = leave === MISSING ? Number.NaN : leave;
		if (join === MISSING || leave === MISSING) hasLoneTimes = true;
		// The session spans every time seen; a lone leave can be the earliest, a lone join the latest.
		const earliest = join === MISSING ? leave : join;
		const latest = leave === MISSING ? join : leave;
		if (earliest < sessionStart) sessionStart = earliest;
		if (latest > sessionEnd) sessionEnd = latest;

		const email = typeof raw === 'string' ? normaliseEmail(raw) : '';
		if (email) {
			// byEmail gives the registration's group, or the group of an unregistered email seen before.
			let group = byEmail.get(email);
			if (group === undefined) {
				group = newGroup(email, text(readName(record)), 'not-registered');
				byEmail.set(email, group);
			}
			groupOf[i] = group;
			continue;
		}
		const name = normaliseName(text(readName(record)));
		if (byName && name) {
			const registration = byName.get(name);
			if (registration !== undefined && registration !== AMBIGUOUS) {
				groupOf[i] = registration;
				matchedByName[i] = 1;
				continue;
			}
			if (registration === AMBIGUOUS) {
				groupOf[i] = groupFor(unmatchedByName, name, '', record, 'ambiguous-name');
				continue;
			}
		}
		// A guest's rejoins share a display name; a guest without one stands alone.
		groupOf[i] = name
			? groupFor(unmatchedByName, name, '', record, 'guest')
			: newGroup('', '', 'guest');
	}
	return {
		starts,
		ends,
		groupOf,
		matchedByName,
		extraNames,
		extraReasons,
		sessionStart,
		sessionEnd,
		hasLoneTimes,
		errors,
	};
}

/** The rows in one flat array by group (counting sort): each group's rows are contiguous, in input order. */
export function rowsInGroups(
	groupOf: Int32Array,
	groupCount: number,
): { offsets: Int32Array; rowsByGroup: Int32Array } {
	const n = groupOf.length;
	const offsets = new Int32Array(groupCount + 1);
	for (let i = 0; i < n; i++) if (groupOf[i] >= 0) offsets[groupOf[i] + 1]++;
	for (let g = 0; g < groupCount; g++) offsets[g + 1] += offsets[g];
	const rowsByGroup = new Int32Array(offsets[groupCount]);
	const cursor = offsets.slice(0, groupCount);
	for (let i = 0; i < n; i++) if (groupOf[i] >= 0) rowsByGroup[cursor[groupOf[i]]++] = i;
	return { offsets, rowsByGroup };
}
