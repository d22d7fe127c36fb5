/**
 * Simplify (n8n's UX guideline): a Get or Get Many operation whose Zoom answer has more than 10 fields
 * returns at most 10 of them by default, the full answer when Simplify is off. The field lists below are
 * the documented ones (package README, "Simplify"); they keep Zoom's names, plus the few fields this node
 * adds itself (session fields of participant rows, a registrant's trackingSource, a summary's overview…).
 * Counts of Zoom's fields are from @zoom/rivet's response types. Operations whose answer is short
 * (Panelist › Get Many: 9, Get Instances: 2) or already a flat item of this node's own (Engagement rows,
 * Get Transcript) have none.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** Meeting/Webinar › Get (28/25 fields) and Get Many (12 per item). */
const SESSION = [
	'id',
	'uuid',
	'topic',
	'type',
	'status',
	'start_time',
	'duration',
	'timezone',
	'join_url',
	'host_id',
] as const;

/** User › Get (46 fields) and Get Many (24 per user). */
const USER = [
	'id',
	'email',
	'first_name',
	'last_name',
	'display_name',
	'type',
	'status',
	'timezone',
	'dept',
	'last_login_time',
] as const;

/**
 * Registrant › Get (22), Get Many (21) and Past Session › Get Absentees (21): what Zoom Attendance Match
 * reads (email, first_name, last_name) and what a CRM takes; trackingSource only when Get Many adds it.
 */
const REGISTRANT = [
	'id',
	'email',
	'first_name',
	'last_name',
	'status',
	'create_time',
	'join_url',
	'org',
	'custom_questions',
	'trackingSource',
] as const;

/**
 * Past Session › Get Participants (11) and the participant reports (13): every field Zoom Attendance
 * Match reads (user_email, name, join_time, leave_time), and the session fields when Add Session Fields is on.
 */
const PARTICIPANT = [
	'id',
	'name',
	'user_email',
	'registrant_id',
	'join_time',
	'leave_time',
	'duration',
	'sessionId',
	'sessionUuid',
	'sessionTopic',
] as const;

/** Past Session › Get and Report › Get Meeting/Webinar Details (14 fields). */
const ENDED_SESSION = [
	'id',
	'uuid',
	'topic',
	'type',
	'start_time',
	'end_time',
	'duration',
	'participants_count',
	'user_name',
	'user_email',
] as const;

/** Recording › Get (17 fields); the download token only when Include Download Access Token asks for it. */
const RECORDING = [
	'id',
	'uuid',
	'topic',
	'start_time',
	'duration',
	'total_size',
	'recording_count',
	'share_url',
	'recording_files',
	'download_access_token',
] as const;

/** Recording › Get Many and Get Many for the Account (14 per recording; the account walk adds host_email). */
const RECORDING_LIST = [
	'id',
	'uuid',
	'topic',
	'start_time',
	'duration',
	'total_size',
	'recording_count',
	'share_url',
	'recording_files',
	'host_email',
] as const;

/** Meeting Summary › Get (20 of Zoom's fields, plus the 5 this node derives: see meetingSummary/fields.ts). */
const SUMMARY = [
	'meeting_id',
	'meeting_uuid',
	'meeting_topic',
	'meeting_start_time',
	'meeting_end_time',
	'summary_title',
	'overview',
	'topics',
	'nextSteps',
	'fullText',
] as const;

/** Meeting Summary › Get Many (11 per summary). */
const SUMMARY_LIST = [
	'meeting_id',
	'meeting_uuid',
	'meeting_topic',
	'meeting_host_id',
	'meeting_host_email',
	'meeting_start_time',
	'meeting_end_time',
	'summary_created_time',
	'summary_last_modified_time',
] as const;

/** The fields Simplify keeps, per resource and operation; an operation not named here has no Simplify. */
export const SIMPLIFIED_FIELDS: Readonly<
	Record<string, Readonly<Record<string, readonly string[]>>>
> = {
	meeting: { get: SESSION, getAll: SESSION },
	webinar: { get: SESSION, getAll: SESSION },
	user: { get: USER, getAll: USER },
	registrant: { get: REGISTRANT, getAll: REGISTRANT },
	pastSession: { get: ENDED_SESSION, getAbsentees: REGISTRANT, getParticipants: PARTICIPANT },
	report: {
		getMeeting: ENDED_SESSION,
		getWebinar: ENDED_SESSION,
		getMeetingParticipants: PARTICIPANT,
		getWebinarParticipants: PARTICIPANT,
	},
	recording: { get: RECORDING, getAll: RECORDING_LIST, getAllAccount: RECORDING_LIST },
	meetingSummary: { get: SUMMARY, getAll: SUMMARY_LIST },
};

/** The fields Simplify keeps for this operation, or undefined when it has no Simplify. */
export function simplifiedFields(
	resource: string,
	operation: string,
): readonly string[] | undefined {
	return Object.hasOwn(SIMPLIFIED_FIELDS, resource) &&
		Object.hasOwn(SIMPLIFIED_FIELDS[resource], operation)
		? SIMPLIFIED_FIELDS[resource][operation]
		: undefined;
}

/** The item with only `fields`, in their order; a field the item lacks stays absent (not null). */
export function simplify(item: IDataObject, fields: readonly string[]): IDataObject {
	const simplified: IDataObject = {};
	for (const field of fields) {
		if (Object.hasOwn(item, field)) simplified[field] = item[field];
	}
	return simplified;
}

/** The Simplify switch of each resource (on by default), shown for its operations that have a field list. */
export const simplifyProperties: INodeProperties[] = Object.entries(SIMPLIFIED_FIELDS).map(
	([resource, operations]) => ({
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		displayOptions: { show: { resource: [resource], operation: Object.keys(operations) } },
	}),
);
