/**
 * What Zoom publishes for each endpoint the nodes call and the sandbox serves: its "Rate Limit Label" and its
 * granular scopes (user-level first, then `:admin`; Zoom's `:master` variants left out), transcribed from
 * Zoom's own OpenAPI documents behind the API reference, https://developers.zoom.us/api-hub/meetings/methods/endpoints.json
 * and https://developers.zoom.us/api-hub/users/methods/endpoints.json (as published in December 2025: each
 * operation's description ends "Rate Limit Label: …", its x-granular-scopes list the scopes). Rivet 0.4.0
 * carries neither. The event-subscription endpoints' labels come from Zoom's Marketplace API document
 * (https://developers.zoom.us/docs/api/marketplace/); they take the app's own token, no scope.
 * Read by test/unit/rateCategories.test.ts and test/sandbox/zoomLabels.test.ts; never by the package.
 */
export type ZoomRateLabel = 'Light' | 'Medium' | 'Heavy' | 'Resource-intensive';

export interface ZoomPublished {
	method: string;
	/** Zoom's path with its `{param}` names. */
	path: string;
	rate: ZoomRateLabel;
	granularScopes: string[];
}

const ROWS: Array<[string, string, ZoomRateLabel, string[]]> = [
	['GET', '/users', 'Medium', ['user:read:list_users:admin']],
	['GET', '/users/{userId}', 'Light', ['user:read:user', 'user:read:user:admin']],
	['GET', '/meetings/meeting_summaries', 'Medium', ['meeting:read:list_summaries:admin']],
	['GET', '/meetings/{meetingId}/meeting_summary', 'Light', ['meeting:read:summary', 'meeting:read:summary:admin']],
	['POST', '/users/{userId}/meetings', 'Light', ['meeting:write:meeting', 'meeting:write:meeting:admin']],
	['GET', '/users/{userId}/meetings', 'Medium', ['meeting:read:list_meetings', 'meeting:read:list_meetings:admin']],
	['GET', '/meetings/{meetingId}', 'Light', ['meeting:read:meeting', 'meeting:read:meeting:admin']],
	['PATCH', '/meetings/{meetingId}', 'Light', ['meeting:update:meeting', 'meeting:update:meeting:admin']],
	['DELETE', '/meetings/{meetingId}', 'Light', ['meeting:delete:meeting', 'meeting:delete:meeting:admin']],
	['GET', '/meetings/{meetingId}/invitation', 'Light', ['meeting:read:invitation', 'meeting:read:invitation:admin']],
	['POST', '/users/{userId}/webinars', 'Light', ['webinar:write:webinar', 'webinar:write:webinar:admin']],
	['GET', '/users/{userId}/webinars', 'Medium', ['webinar:read:list_webinars', 'webinar:read:list_webinars:admin']],
	['GET', '/webinars/{webinarId}', 'Light', ['webinar:read:webinar', 'webinar:read:webinar:admin']],
	['PATCH', '/webinars/{webinarId}', 'Light', ['webinar:update:webinar', 'webinar:update:webinar:admin']],
	['DELETE', '/webinars/{webinarId}', 'Light', ['webinar:delete:webinar', 'webinar:delete:webinar:admin']],
	['POST', '/meetings/{meetingId}/registrants', 'Light', ['meeting:write:registrant', 'meeting:write:registrant:admin']],
	['GET', '/meetings/{meetingId}/registrants', 'Medium', ['meeting:read:list_registrants', 'meeting:read:list_registrants:admin']],
	['PUT', '/meetings/{meetingId}/registrants/status', 'Medium', ['meeting:update:registrant_status', 'meeting:update:registrant_status:admin']],
	['POST', '/webinars/{webinarId}/registrants', 'Light', ['webinar:write:registrant', 'webinar:write:registrant:admin']],
	['GET', '/webinars/{webinarId}/registrants', 'Medium', ['webinar:read:list_registrants', 'webinar:read:list_registrants:admin']],
	['PUT', '/webinars/{webinarId}/registrants/status', 'Medium', ['webinar:update:registrant_status', 'webinar:update:registrant_status:admin']],
	['GET', '/past_meetings/{meetingId}', 'Light', ['meeting:read:past_meeting', 'meeting:read:past_meeting:admin']],
	['GET', '/past_meetings/{meetingId}/instances', 'Medium', ['meeting:read:list_past_instances', 'meeting:read:list_past_instances:admin']],
	['GET', '/past_meetings/{meetingId}/participants', 'Medium', ['meeting:read:list_past_participants', 'meeting:read:list_past_participants:admin']],
	['GET', '/past_webinars/{webinarId}/instances', 'Light', ['webinar:read:list_past_instances', 'webinar:read:list_past_instances:admin']],
	['GET', '/past_webinars/{webinarId}/participants', 'Medium', ['webinar:read:list_past_participants', 'webinar:read:list_past_participants:admin']],
	['GET', '/past_webinars/{webinarId}/absentees', 'Heavy', ['webinar:read:list_absentees', 'webinar:read:list_absentees:admin']],
	['GET', '/report/meetings/{meetingId}', 'Heavy', ['report:read:meeting:admin']],
	['GET', '/report/meetings/{meetingId}/participants', 'Heavy', ['report:read:list_meeting_participants:admin']],
	['GET', '/report/webinars/{webinarId}', 'Heavy', ['report:read:webinar:admin']],
	['GET', '/report/webinars/{webinarId}/participants', 'Heavy', ['report:read:list_webinar_participants:admin']],
	['GET', '/report/users/{userId}/meetings', 'Heavy', ['report:read:user:admin']],
	['GET', '/meetings/{meetingId}/recordings', 'Light', ['cloud_recording:read:list_recording_files', 'cloud_recording:read:list_recording_files:admin']],
	['GET', '/users/{userId}/recordings', 'Medium', ['cloud_recording:read:list_user_recordings', 'cloud_recording:read:list_user_recordings:admin']],
	['GET', '/past_meetings/{meetingId}/qa', 'Medium', ['meeting:read:past_qa', 'meeting:read:past_qa:admin']],
	['GET', '/past_meetings/{meetingId}/polls', 'Medium', ['meeting:read:list_poll_results', 'meeting:read:list_poll_results:admin']],
	['GET', '/report/meetings/{meetingId}/qa', 'Heavy', ['report:read:meeting_qna:admin']],
	['GET', '/report/meetings/{meetingId}/polls', 'Heavy', ['report:read:list_meeting_polls:admin']],
	['GET', '/report/meetings/{meetingId}/survey', 'Heavy', ['report:read:meeting_survey:admin']],
	['GET', '/past_webinars/{webinarId}/qa', 'Medium', ['webinar:read:past_qa', 'webinar:read:past_qa:admin']],
	['GET', '/past_webinars/{webinarId}/polls', 'Medium', ['webinar:read:list_past_polls', 'webinar:read:list_past_polls:admin']],
	['GET', '/report/webinars/{webinarId}/qa', 'Heavy', ['report:read:webinar_qna:admin']],
	['GET', '/report/webinars/{webinarId}/polls', 'Heavy', ['report:read:list_webinar_polls:admin']],
	['GET', '/report/webinars/{webinarId}/survey', 'Heavy', ['report:read:webinar_survey:admin']],
	['GET', '/webinars/{webinarId}/panelists', 'Medium', ['webinar:read:list_panelists', 'webinar:read:list_panelists:admin']],
	['POST', '/webinars/{webinarId}/panelists', 'Medium', ['webinar:write:panelist', 'webinar:write:panelist:admin']],
	['DELETE', '/webinars/{webinarId}/panelists', 'Light', ['webinar:delete:panelist', 'webinar:delete:panelist:admin']],
	['DELETE', '/webinars/{webinarId}/panelists/{panelistId}', 'Light', ['webinar:delete:panelist', 'webinar:delete:panelist:admin']],
	['PUT', '/meetings/{meetingId}/status', 'Light', ['meeting:update:status', 'meeting:update:status:admin']],
	['PUT', '/webinars/{webinarId}/status', 'Light', ['webinar:update:status', 'webinar:update:status:admin']],
	['DELETE', '/meetings/{meetingId}/recordings', 'Light', ['cloud_recording:delete:meeting_recording', 'cloud_recording:delete:meeting_recording:admin']],
	['DELETE', '/meetings/{meetingId}/recordings/{recordingId}', 'Light', ['cloud_recording:delete:recording_file', 'cloud_recording:delete:recording_file:admin']],
	['PUT', '/meetings/{meetingUUID}/recordings/status', 'Light', ['cloud_recording:update:recover_meeting_recordings', 'cloud_recording:update:recover_meeting_recordings:admin']],
	['PUT', '/meetings/{meetingId}/recordings/{recordingId}/status', 'Light', ['cloud_recording:update:recover_single_recording', 'cloud_recording:update:recover_single_recording:admin']],
	['GET', '/meetings/{meetingId}/registrants/questions', 'Light', ['meeting:read:list_registration_questions', 'meeting:read:list_registration_questions:admin']],
	['PATCH', '/meetings/{meetingId}/registrants/questions', 'Light', ['meeting:update:registration_question', 'meeting:update:registration_question:admin']],
	['GET', '/meetings/{meetingId}/registrants/{registrantId}', 'Light', ['meeting:read:registrant', 'meeting:read:registrant:admin']],
	['DELETE', '/meetings/{meetingId}/registrants/{registrantId}', 'Light', ['meeting:delete:registrant', 'meeting:delete:registrant:admin']],
	['POST', '/meetings/{meetingId}/batch_registrants', 'Heavy', ['meeting:write:batch_registrants', 'meeting:write:batch_registrants:admin']],
	['GET', '/webinars/{webinarId}/registrants/questions', 'Light', ['webinar:read:list_registration_questions', 'webinar:read:list_registration_questions:admin']],
	['PATCH', '/webinars/{webinarId}/registrants/questions', 'Light', ['webinar:update:registration_question', 'webinar:update:registration_question:admin']],
	['GET', '/webinars/{webinarId}/registrants/{registrantId}', 'Light', ['webinar:read:registrant', 'webinar:read:registrant:admin']],
	['DELETE', '/webinars/{webinarId}/registrants/{registrantId}', 'Light', ['webinar:delete:registrant', 'webinar:delete:registrant:admin']],
	['POST', '/webinars/{webinarId}/batch_registrants', 'Heavy', ['webinar:write:batch_registrants', 'webinar:write:batch_registrants:admin']],
	['GET', '/webinars/{webinarId}/tracking_sources', 'Medium', ['webinar:read:list_tracking_sources', 'webinar:read:list_tracking_sources:admin']],
	['GET', '/marketplace/app/event_subscription', 'Medium', []],
	['POST', '/marketplace/app/event_subscription', 'Heavy', []],
	['DELETE', '/marketplace/app/event_subscription', 'Medium', []],
	['PATCH', '/marketplace/app/event_subscription/{eventSubscriptionId}', 'Medium', []],
	['DELETE', '/marketplace/app/event_subscription/{eventSubscriptionId}', 'Medium', []],
];

export const ZOOM_PUBLISHED: ZoomPublished[] = ROWS.map(([method, path, rate, granularScopes]) => ({
	method,
	path,
	rate,
	granularScopes,
}));
