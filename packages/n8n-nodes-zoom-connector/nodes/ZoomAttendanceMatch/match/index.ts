/**
 * The attendance match's public API, what the node, items.ts, engagement.ts, the tests and the benchmark
 * use. The match runs in phases, one file each: indexRegistrations → groupParticipants → intervalUnion →
 * classify, put together by matchTables.ts; time.ts reads and writes times, normalise.ts the keys.
 */
export { matchTables } from './matchTables';
export { normaliseEmail, normaliseName, splitName } from './normalise';
export { EPOCH_SECONDS_BELOW, isoTimestamp, parseIsoTime } from './time';
export {
	DEFAULT_MATCH_OPTIONS,
	matchedByNames,
	statusNames,
	type AttendanceStatus,
	type InputError,
	type InputName,
	type JsonRecord,
	type MatchedBy,
	type MatchOptions,
	type MatchSummary,
	type MatchTables,
	type NoMatchReason,
	type SessionSpan,
} from './types';
