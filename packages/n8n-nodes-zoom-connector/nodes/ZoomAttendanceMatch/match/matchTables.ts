/**
 * The attendance match, pure: participant rows (one per join session) against registrations (any records
 * with an email), in four phases, each one pass over its input: index registrations by normalised email,
 * group participants (rows per person, in flat typed arrays), interval union (per person), classify. No
 * n8n imports, so the unit tests and the benchmark run it directly.
 */
import { classify } from './classify';
import { groupParticipants, rowsInGroups } from './groupParticipants';
import { indexRegistrations } from './indexRegistrations';
import {
	DEFAULT_MATCH_OPTIONS,
	type JsonRecord,
	type MatchOptions,
	type MatchTables,
} from './types';

/** Matches participants to registrations, in flat columns (see MatchTables); bad items go to `errors`, never thrown. */
export function matchTables(
	participants: readonly JsonRecord[],
	registrations: readonly JsonRecord[],
	options: Partial<MatchOptions> = {},
): MatchTables {
	const opts: MatchOptions = { ...DEFAULT_MATCH_OPTIONS, ...options };
	const m = registrations.length;
	const index = indexRegistrations(registrations, opts);
	const groups = groupParticipants(participants, m, index, opts);
	const errors = [...groups.errors, ...index.registrationErrors];
	errors.sort((a, b) => a.input - b.input || a.itemIndex - b.itemIndex);

	const { sessionStart, sessionEnd } = groups;
	const hasTimes = sessionStart !== Infinity;
	const dataLengthSeconds = hasTimes ? (sessionEnd - sessionStart) / 1000 : 0;
	const lengthSeconds =
		opts.sessionLengthSeconds && opts.sessionLengthSeconds > 0
			? opts.sessionLengthSeconds
			: dataLengthSeconds;
	const minimumSeconds =
		opts.minimumAttendanceUnit === 'percent'
			? (lengthSeconds * opts.minimumAttendance) / 100
			: opts.minimumAttendance;

	const { offsets, rowsByGroup } = rowsInGroups(groups.groupOf, m + groups.extraNames.length);
	return classify({
		participants,
		registrations,
		opts,
		index,
		groups,
		offsets,
		rowsByGroup,
		errors,
		session: {
			start: hasTimes ? sessionStart : null,
			end: hasTimes ? sessionEnd : null,
			lengthSeconds,
		},
		minimumSeconds,
	});
}
