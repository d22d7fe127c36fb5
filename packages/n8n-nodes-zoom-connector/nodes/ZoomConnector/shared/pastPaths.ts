import type { SessionType } from './ids';

/** Path root of an ended meeting's or webinar's instances and participants. */
export function pastBase(type: SessionType): string {
	return type === 'webinar' ? '/past_webinars' : '/past_meetings';
}

/**
 * Path root of an ended session's details. Zoom has GET /past_meetings/{meetingId} but no
 * /past_webinars/{webinarId}: a webinar's details are its report
 * (https://developers.zoom.us/docs/api/meetings/#tag/reports/GET/report/webinars/{webinarId}).
 */
export function pastDetailsBase(type: SessionType): string {
	return type === 'webinar' ? '/report/webinars' : '/past_meetings';
}
