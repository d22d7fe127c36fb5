/**
 * What the trigger emits (pure, no n8n imports): whether the Events selection takes a delivery, and
 * the item a delivery becomes.
 */
import { isoFromMs } from './deliveries';
import { isObject, type ZoomEnvelope } from './signature';

/** Whether the node's Events selection takes this event ('*' is All). */
export function isSelected(selected: string[], event: string): boolean {
	return selected.includes('*') || selected.includes(event);
}

function text(value: unknown): string | undefined {
	if (typeof value === 'string' && value !== '') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/**
 * The item a delivery becomes: what the next node usually needs at the top level (ids always as
 * strings, since Zoom sends meeting ids as numbers in some events and strings in others), then the
 * whole payload. Fields Zoom did not send are left out rather than set to null.
 */
export function summarise(body: ZoomEnvelope, trackingId?: string): Record<string, unknown> {
	const payload = body.payload;
	const object = isObject(payload.object) ? payload.object : {};
	const out: Record<string, unknown> = { event: body.event };
	const put = (key: string, value: unknown) => {
		const shown = text(value);
		if (shown !== undefined) out[key] = shown;
	};
	put('eventTime', isoFromMs(body.event_ts));
	put('accountId', payload.account_id);

	const family = body.event.split('.')[0];
	const idKey =
		family === 'webinar'
			? 'webinarId'
			: family === 'meeting' || family === 'recording'
				? 'meetingId'
				: family === 'user'
					? 'userId'
					: 'objectId';
	// Meeting-summary events name the meeting's fields meeting_* (Rivet's MeetingSummaryCompletedEvent).
	put(idKey, object.id ?? object.meeting_id);
	put('uuid', object.uuid ?? object.meeting_uuid);
	put('topic', object.topic ?? object.meeting_topic);
	put('hostId', object.host_id ?? object.meeting_host_id);
	put('hostEmail', object.host_email ?? object.meeting_host_email);
	put('startTime', object.start_time ?? object.meeting_start_time);
	put('endTime', object.end_time ?? object.meeting_end_time);
	put('summaryTitle', object.summary_title);
	if (typeof object.duration === 'number') out.duration = object.duration;

	if (isObject(object.participant)) {
		const participant = object.participant;
		put('participantName', participant.user_name);
		put('participantEmail', participant.email);
		put('participantId', participant.participant_user_id ?? participant.id);
		put('participantJoinTime', participant.join_time);
		put('participantLeaveTime', participant.leave_time);
		put('participantLeaveReason', participant.leave_reason);
		// Waiting-room, admission and other participant events carry their moment as date_time.
		put('participantTime', participant.date_time);
	}
	if (isObject(object.registrant)) {
		const registrant = object.registrant;
		const name = [text(registrant.first_name), text(registrant.last_name)]
			.filter(Boolean)
			.join(' ');
		put('registrantId', registrant.id);
		put('registrantName', name);
		put('registrantEmail', registrant.email);
		put('registrantJoinUrl', registrant.join_url);
	}
	if (family === 'user') {
		put('userEmail', object.email);
		const name = [text(object.first_name), text(object.last_name)].filter(Boolean).join(' ');
		put('userName', name || object.display_name);
	}
	put('shareUrl', object.share_url);
	if (body.event === 'app_deauthorized') {
		put('userId', payload.user_id);
		put('clientId', payload.client_id);
		put('deauthorizationTime', payload.deauthorization_time);
	}
	put('operator', payload.operator);
	put('operatorId', payload.operator_id);
	put('downloadToken', body.download_token);
	put('trackingId', trackingId);
	out.payload = payload;
	return out;
}

/** Headers that carry a secret or a proof of one: never copied into an item, where runs keep them. */
const WITHHELD_HEADERS = new Set(['x-zm-signature', 'authorization']);

/** The request headers for Include Request Headers, without signatures and credentials. */
export function itemHeaders(headers: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(headers).filter(([name]) => !WITHHELD_HEADERS.has(name.toLowerCase())),
	);
}
