/**
 * Granular scopes the Zoom Connector nodes use, user-level names, each with the Zoom endpoint (as in Zoom's
 * API reference and Rivet's endpoint table) or webhook event it is for. A Server-to-Server or admin-managed
 * app ticks the `:admin` variant; report and list-users scopes exist only as `:admin`. Names follow the
 * "Granular scopes" of each endpoint's page in https://developers.zoom.us/docs/api/ (meetings, users,
 * accounts/reports). Zoom takes the scopes from the app's Marketplace page, not from the authorize URL;
 * the credential's list is prefilled so people know what to tick.
 */
export const SCOPE_USES: ReadonlyArray<{ scope: string; for: string }> = [
	{ scope: 'user:read:user', for: 'GET /users/{userId}' },
	{ scope: 'user:read:list_users:admin', for: 'GET /users' },
	{ scope: 'meeting:read:meeting', for: 'GET /meetings/{meetingId}' },
	{ scope: 'meeting:read:list_meetings', for: 'GET /users/{userId}/meetings' },
	{ scope: 'meeting:read:invitation', for: 'GET /meetings/{meetingId}/invitation' },
	{ scope: 'meeting:write:meeting', for: 'POST /users/{userId}/meetings' },
	{ scope: 'meeting:update:meeting', for: 'PATCH /meetings/{meetingId}' },
	{ scope: 'meeting:delete:meeting', for: 'DELETE /meetings/{meetingId}' },
	{ scope: 'meeting:read:list_registrants', for: 'GET /meetings/{meetingId}/registrants' },
	{ scope: 'meeting:write:registrant', for: 'POST /meetings/{meetingId}/registrants' },
	{
		scope: 'meeting:update:registrant_status',
		for: 'PUT /meetings/{meetingId}/registrants/status',
	},
	{ scope: 'meeting:read:past_meeting', for: 'GET /past_meetings/{meetingId}' },
	{ scope: 'meeting:read:list_past_instances', for: 'GET /past_meetings/{meetingId}/instances' },
	{
		scope: 'meeting:read:list_past_participants',
		for: 'GET /past_meetings/{meetingId}/participants',
	},
	{ scope: 'meeting:read:participant', for: 'event meeting.participant_joined' },
	{ scope: 'webinar:read:webinar', for: 'GET /webinars/{webinarId}' },
	{ scope: 'webinar:read:list_webinars', for: 'GET /users/{userId}/webinars' },
	{ scope: 'webinar:write:webinar', for: 'POST /users/{userId}/webinars' },
	{ scope: 'webinar:update:webinar', for: 'PATCH /webinars/{webinarId}' },
	{ scope: 'webinar:delete:webinar', for: 'DELETE /webinars/{webinarId}' },
	{ scope: 'webinar:read:list_registrants', for: 'GET /webinars/{webinarId}/registrants' },
	{ scope: 'webinar:write:registrant', for: 'POST /webinars/{webinarId}/registrants' },
	{
		scope: 'webinar:update:registrant_status',
		for: 'PUT /webinars/{webinarId}/registrants/status',
	},
	{ scope: 'webinar:read:list_past_instances', for: 'GET /past_webinars/{webinarId}/instances' },
	{
		scope: 'webinar:read:list_past_participants',
		for: 'GET /past_webinars/{webinarId}/participants',
	},
	{ scope: 'webinar:read:list_absentees', for: 'GET /past_webinars/{webinarId}/absentees' },
	{ scope: 'cloud_recording:read:list_user_recordings', for: 'GET /users/{userId}/recordings' },
	{
		scope: 'cloud_recording:read:list_recording_files',
		for: 'GET /meetings/{meetingId}/recordings',
	},
	{ scope: 'cloud_recording:read:recording', for: 'event recording.completed' },
	{ scope: 'report:read:meeting:admin', for: 'GET /report/meetings/{meetingId}' },
	{
		scope: 'report:read:list_meeting_participants:admin',
		for: 'GET /report/meetings/{meetingId}/participants',
	},
	{ scope: 'report:read:webinar:admin', for: 'GET /report/webinars/{webinarId}' },
	{
		scope: 'report:read:list_webinar_participants:admin',
		for: 'GET /report/webinars/{webinarId}/participants',
	},
	{ scope: 'report:read:user:admin', for: 'GET /report/users/{userId}/meetings' },
];

export const USER_APP_SCOPES: string[] = SCOPE_USES.map((use) => use.scope);
