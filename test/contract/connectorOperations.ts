/**
 * The operations test/n8n/contract.test.ts runs, one node each, in an order where each finds what it
 * needs. Kept apart from the n8n harness so test/unit/contractCoverage.test.ts can hold this list to
 * every (resource, operation) pair the Zoom Connector node offers.
 */
export type Kind = 'oauth2' | 's2s';
/** The node's parameters; `nodeName`, when given, names the node instead (for a later node's expression). */
export type Operation = Record<string, unknown> & { resource: string; operation: string; nodeName?: string };

/** The node Recover File reads the trashed file's ID from. */
const RECORDING_GET = 'Recording Get';

export interface Seeded {
	id: number;
	latestUuid: string;
}

/** What the contract test seeds in the sandbox before it builds the list. */
export interface ContractSessions {
	meeting: Seeded; // upcoming, registration open, 3 registrants
	pastMeeting: Seeded; // ended, recorded, with a meeting summary and engagement
	webinar: Seeded; // upcoming, registration open, 3 registrants, tracking sources
	pastWebinar: Seeded; // ended, absentees, with engagement
	liveMeeting: Seeded; // started, for End
	liveWebinar: Seeded; // started, for End
}

/** Operations one credential cannot run, and why; the coverage check excuses these pairs and no others. */
export const CREDENTIAL_ONLY: Record<string, { only: Kind; why: string }> = {
	'authorization.revoke': { only: 'oauth2', why: 'revokes a user’s OAuth token; Server-to-Server has none' },
	'recording.getAllAccount': { only: 's2s', why: 'walks every user of the account: refused with OAuth2 before any call' },
};

/** Operations with a Session Type field that Zoom has for one session type only. */
export const SESSION_TYPE_ONLY: Record<string, SessionType> = {
	'registrant.getTrackingSources': 'webinar', // Zoom has tracking sources for webinars only; the node refuses a meeting
};

type SessionType = 'meeting' | 'webinar';
const future = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 19) + 'Z';
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

function registrantOps(sessionType: SessionType, id: number): Operation[] {
	const ref = sessionType === 'meeting' ? { sessionType, meetingId: id } : { sessionType, webinarId: id };
	const registrant = { resource: 'registrant', ...ref };
	const batch = [1, 2].map((i) => ({ email: `batch${i}-${sessionType}@example.com`, first_name: `Batch${i}`, last_name: 'Person' }));
	return [
		{ ...registrant, operation: 'add', email: `new-${sessionType}@example.com`, firstName: 'New' },
		// Get reads the one Add made; Delete removes the one Get read (Zoom's registrant ID is `id` there).
		{ ...registrant, operation: 'get', registrantId: '={{ $json.registrant_id }}' },
		{ ...registrant, operation: 'delete', registrantId: '={{ $json.id }}' },
		{ ...registrant, operation: 'batchAdd', registrants: JSON.stringify(batch), autoApprove: true },
		{ ...registrant, operation: 'getAll', status: 'approved', returnAll: true },
		{ ...registrant, operation: 'approve', registrants: 'participant0@example.com' },
		{ ...registrant, operation: 'deny', registrants: 'participant1@example.com' },
		{ ...registrant, operation: 'cancel', registrants: 'participant2@example.com' },
		{
			...registrant,
			operation: 'updateQuestions',
			questions: JSON.stringify([{ field_name: 'job_title', required: true }]),
			customQuestions: JSON.stringify([{ title: 'Team size?', type: 'short', required: false }]),
		},
		{ ...registrant, operation: 'getQuestions' },
		...(sessionType === 'webinar' ? [{ ...registrant, operation: 'getTrackingSources' }] : []),
	];
}

function pastOps(sessionType: SessionType, past: Seeded): Operation[] {
	const session = { resource: 'pastSession', sessionType, sessionId: String(past.id) };
	return [
		{ ...session, operation: 'get' },
		{ ...session, operation: 'getInstances' },
		{ ...session, operation: 'getParticipants', returnAll: true, addSessionFields: true },
		{ ...session, operation: 'getParticipants', sessionId: past.latestUuid, returnAll: true, addSessionFields: false },
	];
}

function engagementOps(sessionType: SessionType, past: Seeded): Operation[] {
	const session = { resource: 'engagement', sessionType, sessionId: String(past.id), returnAll: true };
	return [
		{ ...session, operation: 'getQa', source: 'pastSession' },
		{ ...session, operation: 'getQa', source: 'report' },
		{ ...session, operation: 'getPolls', source: 'pastSession' },
		{ ...session, operation: 'getPolls', source: 'report' },
		{ ...session, operation: 'getSurvey' },
	];
}

function panelistOps(webinarId: number): Operation[] {
	const panelist = { resource: 'panelist', webinarId: String(webinarId) };
	const people = [0, 1].map((i) => ({ email: `contract-panelist${i}@example.com`, name: `Panelist ${i}` }));
	return [
		{ ...panelist, operation: 'add', panelists: { panelist: people } },
		{ ...panelist, operation: 'getAll', returnAll: true },
		{ ...panelist, operation: 'remove', panelistId: people[0].email },
		{ ...panelist, operation: 'removeAll' },
	];
}

/** The recorded past meeting's recording: read, download, then its whole trash-and-recover lifecycle. */
function recordingOps(past: Seeded): Operation[] {
	const recording = { resource: 'recording', sessionId: String(past.id) };
	const byUuid = { resource: 'recording', sessionId: past.latestUuid };
	return [
		{ ...recording, operation: 'getTranscript' },
		{ ...recording, operation: 'download', pickFileBy: 'fileType', fileType: 'MP4', binaryPropertyName: 'data' },
		{ ...recording, operation: 'get', includeDownloadToken: true, nodeName: RECORDING_GET },
		// Delete File takes a file of the recording Get read; Recover File brings the same one back (a Delete
		// answers only { deleted: true }, so it reads the file from Get's node).
		{ ...byUuid, operation: 'deleteFile', recordingFileId: '={{ $json.recording_files[0].id }}', deleteAction: 'trash' },
		{ ...byUuid, operation: 'recoverFile', recordingFileId: `={{ $('${RECORDING_GET}').first().json.recording_files[0].id }}` },
		{ ...byUuid, operation: 'deleteRecording', deleteAction: 'trash' },
		{ ...byUuid, operation: 'recover' },
		{ ...byUuid, operation: 'deleteRecording', deleteAction: 'delete' },
	];
}

/** Every operation of the Zoom Connector node the credential can run, once or more each. */
export function contractOperations(s: ContractSessions, kind: Kind): Operation[] {
	const ops: Operation[] = [
		{ resource: 'user', operation: 'get', userId: 'me' },
		{ resource: 'user', operation: 'getAll', returnAll: true, status: 'active' },
		{ resource: 'meeting', operation: 'create', userId: 'me', topic: 'contract created', type: 2, startTime: future() },
		{ resource: 'meeting', operation: 'get', meetingId: s.meeting.id },
		{ resource: 'meeting', operation: 'getInvitation', meetingId: s.meeting.id },
		{ resource: 'meeting', operation: 'update', meetingId: s.meeting.id, updateFields: { agenda: 'contract' } },
		{ resource: 'meeting', operation: 'getAll', userId: 'me', listType: 'scheduled', returnAll: true },
		{ resource: 'meeting', operation: 'end', meetingId: String(s.liveMeeting.id) },
		{ resource: 'webinar', operation: 'create', userId: 'me', topic: 'contract webinar', type: 5, startTime: future() },
		{ resource: 'webinar', operation: 'get', webinarId: s.webinar.id },
		{ resource: 'webinar', operation: 'update', webinarId: s.webinar.id, updateFields: { agenda: 'contract' } },
		{ resource: 'webinar', operation: 'getAll', userId: 'me', listType: 'scheduled', returnAll: true },
		{ resource: 'webinar', operation: 'end', webinarId: String(s.liveWebinar.id) },
		...registrantOps('meeting', s.meeting.id),
		...registrantOps('webinar', s.webinar.id),
		...panelistOps(s.webinar.id),
		...pastOps('meeting', s.pastMeeting),
		...pastOps('webinar', s.pastWebinar),
		{ resource: 'pastSession', operation: 'getAbsentees', sessionId: String(s.pastWebinar.id), returnAll: true },
		...engagementOps('meeting', s.pastMeeting),
		...engagementOps('webinar', s.pastWebinar),
		{ resource: 'meetingSummary', operation: 'get', sessionId: s.pastMeeting.latestUuid },
		{ resource: 'meetingSummary', operation: 'getAll', from: new Date(Date.now() - 5 * 86_400_000).toISOString(), returnAll: true },
		{ resource: 'report', operation: 'getMeeting', sessionId: String(s.pastMeeting.id) },
		{ resource: 'report', operation: 'getMeetingParticipants', sessionId: String(s.pastMeeting.id), returnAll: true },
		{ resource: 'report', operation: 'getWebinar', sessionId: String(s.pastWebinar.id) },
		{ resource: 'report', operation: 'getWebinarParticipants', sessionId: String(s.pastWebinar.id), returnAll: true, includeRegistrantId: true },
		{ resource: 'recording', operation: 'getAll', userId: 'me', from: daysAgo(28), to: daysAgo(0), returnAll: true },
		// An endpoint no operation wraps (the Daily Sync reads it), reached through Custom API Call.
		{
			resource: 'customApiCall',
			operation: 'request',
			method: 'GET',
			path: '/report/users/me/meetings',
			queryParameters: { parameters: [{ name: 'from', value: daysAgo(28) }, { name: 'to', value: daysAgo(0) }] },
			returnAll: true,
		},
		// Before the lifecycle deletes the one recording it would find.
		...(kind === 's2s' ? [{ resource: 'recording', operation: 'getAllAccount', accountFrom: daysAgo(28), returnAll: false, limit: 5 }] : []),
		...recordingOps(s.pastMeeting),
		{ resource: 'meeting', operation: 'delete', meetingId: s.meeting.id },
		{ resource: 'webinar', operation: 'delete', webinarId: s.webinar.id },
	];
	// Revoke ends the credential, so it comes last, on a credential of this test's own.
	if (kind === 'oauth2') ops.push({ resource: 'authorization', operation: 'revoke' });
	return ops;
}
