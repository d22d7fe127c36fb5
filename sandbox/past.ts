// Past sessions and reports (https://developers.zoom.us/docs/api/meetings/#tag/reports). Data exists only
// once a session has ended; a numeric id means the latest ended instance, a UUID that exact instance.
import type {
	MeetingsGetPastMeetingDetailsResponse,
	MeetingsGetPastMeetingParticipantsResponse,
	MeetingsListPastMeetingInstancesResponse,
	ReportsGetMeetingDetailReportsResponse,
	ReportsGetMeetingParticipantReportsResponse,
	WebinarsListPastWebinarInstancesResponse,
	ReportsGetWebinarDetailReportsResponse,
} from '@zoom/rivet/meetings';
import type { Ctx, Route } from './core';
import { route } from './core';
import { participantRows } from './data';
import { ZoomError, isoSeconds, json } from './http';
import { noun } from './meetings';
import { paginate } from './paging';
import { registrantJson } from './registrants';
import type { Instance, Kind, ParticipantRow, Session } from './store';

/** The ended instance named by `{id}`: 404 3001 if unknown, 400 3000 if it has not ended yet. */
function ended(ctx: Ctx, kind: Kind, report = false): { session: Session; instance: Instance } {
	const raw = ctx.params.id;
	const { session, instance } = ctx.sb.store.endedInstance(kind, raw);
	if (session && instance) return { session, instance };
	const known = session !== undefined || [...ctx.sb.store.sessions.values()].some((s) => s.kind === kind && s.uuid === raw);
	if (report) throw new ZoomError(404, 3001, `${noun(kind)} ${raw} not found or has expired.`);
	if (known) throw new ZoomError(400, 3000, `Cannot access ${kind} info. The ${kind} has not ended yet.`);
	throw new ZoomError(404, 3001, `${noun(kind)} does not exist: ${raw}.`);
}

export function rowsOf(session: Session, instance: Instance): ParticipantRow[] {
	if (instance.rows) return instance.rows;
	const ids = new Map(session.registrants.filter((r) => r.status === 'approved').map((r) => [r.email.toLowerCase(), r.id]));
	return participantRows(instance, ids);
}

type ReportDetail = ReportsGetMeetingDetailReportsResponse & ReportsGetWebinarDetailReportsResponse;

/** What every answer about one ended instance carries, in the fields Zoom's detail answers share. */
export function instanceFacts(
	ctx: Ctx,
	session: Session,
	instance: Instance,
): Pick<ReportDetail, 'uuid' | 'id' | 'topic' | 'user_name' | 'user_email' | 'start_time' | 'end_time' | 'duration' | 'total_minutes' | 'participants_count'> {
	const host = ctx.sb.store.users.find((u) => u.id === session.hostId);
	const rows = rowsOf(session, instance);
	return {
		uuid: instance.uuid,
		id: session.id,
		topic: session.topic,
		user_name: host ? `${host.first_name} ${host.last_name}`.trim() : '',
		user_email: host?.email ?? '',
		start_time: isoSeconds(instance.startMs),
		end_time: isoSeconds(instance.endMs),
		duration: Math.round((instance.endMs - instance.startMs) / 60000),
		total_minutes: Math.round(rows.reduce((n, r) => n + r.duration, 0) / 60),
		participants_count: rows.length,
	};
}

/** GET /past_meetings/{meetingId}: https://developers.zoom.us/docs/api/meetings/#tag/meetings/GET/past_meetings/{meetingId} */
function pastMeetingJson(ctx: Ctx, session: Session, instance: Instance): MeetingsGetPastMeetingDetailsResponse {
	return {
		...instanceFacts(ctx, session, instance),
		host_id: session.hostId,
		type: session.type as NonNullable<MeetingsGetPastMeetingDetailsResponse['type']>,
		dept: '',
		source: 'Zoom',
	};
}

/**
 * GET /report/meetings/{meetingId} and /report/webinars/{webinarId}: no host_id in either
 * (https://developers.zoom.us/docs/api/meetings/#tag/reports/GET/report/webinars/{webinarId}).
 */
function reportDetailJson(ctx: Ctx, session: Session, instance: Instance): ReportDetail {
	return {
		...instanceFacts(ctx, session, instance),
		type: session.type,
		dept: '',
		tracking_fields: session.trackingFields as ReportDetail['tracking_fields'],
		custom_keys: [],
	};
}

type PastParticipant = NonNullable<MeetingsGetPastMeetingParticipantsResponse['participants']>[number];
type ReportParticipant = NonNullable<ReportsGetMeetingParticipantReportsResponse['participants']>[number];

/** A row of GET /past_meetings/{meetingId}/participants (and of past webinars, the same shape). */
const pastRow = (r: ParticipantRow): PastParticipant => ({
	id: r.id,
	name: r.name,
	user_id: r.user_id,
	registrant_id: r.registrant_id,
	user_email: r.user_email,
	join_time: r.join_time,
	leave_time: r.leave_time,
	duration: r.duration,
	failover: false,
	status: 'in_meeting',
	internal_user: r.internal_user,
});

function participants(ctx: Ctx, kind: Kind, report: boolean) {
	const { session, instance } = ended(ctx, kind, report);
	const withReg = (ctx.query.get('include_fields') ?? '').split(',').includes('registrant_id');
	// Participant lists carry page_count but no page_number.
	const { items, page_number: _pn, ...meta } = paginate(ctx, rowsOf(session, instance));
	const shape: (r: ParticipantRow) => PastParticipant | ReportParticipant = report
		? (r): ReportParticipant => ({
				id: r.id,
				user_id: r.user_id,
				participant_user_id: r.id,
				name: r.name,
				user_email: r.user_email,
				join_time: r.join_time,
				leave_time: r.leave_time,
				duration: r.duration,
				...(withReg ? { registrant_id: r.registrant_id } : {}),
				failover: false,
				status: 'in_meeting',
				customer_key: '',
				bo_mtg_id: '',
			})
		: pastRow;
	return json(200, { ...meta, participants: items.map(shape) });
}

function instances(ctx: Ctx, kind: Kind) {
	const raw = ctx.params.id;
	const s = /^\d+$/.test(raw) ? ctx.sb.store.sessions.get(Number(raw)) : undefined;
	if (!s || s.kind !== kind) throw new ZoomError(404, 3001, `${noun(kind)} does not exist: ${raw}.`);
	const list = [...s.instances].sort((a, b) => a.startMs - b.startMs).map((i) => ({ uuid: i.uuid, start_time: isoSeconds(i.startMs) }));
	const answer: MeetingsListPastMeetingInstancesResponse | WebinarsListPastWebinarInstancesResponse = kind === 'meeting' ? { meetings: list } : { webinars: list };
	return json(200, answer);
}

function absentees(ctx: Ctx) {
	const { session, instance } = ended(ctx, 'webinar');
	const attended = new Set(rowsOf(session, instance).map((r) => r.user_email.toLowerCase()));
	const absent = session.registrants.filter((r) => r.status === 'approved' && !attended.has(r.email.toLowerCase()));
	const { items, page_number: _pn, ...meta } = paginate(ctx, absent);
	return json(200, { ...meta, registrants: items.map(registrantJson) });
}

export const pastRoutes: Route[] = [
	route('GET', '/past_meetings/:id', 'Light', 'meeting:read:past_meeting', 'meeting:read', (ctx) => {
		const { session, instance } = ended(ctx, 'meeting');
		return json(200, pastMeetingJson(ctx, session, instance));
	}),
	route('GET', '/past_meetings/:id/instances', 'Medium', 'meeting:read:list_past_instances', 'meeting:read', (ctx) => instances(ctx, 'meeting')),
	route('GET', '/past_meetings/:id/participants', 'Medium', 'meeting:read:list_past_participants', 'meeting:read', (ctx) => participants(ctx, 'meeting', false)),
	// Zoom has no GET /past_webinars/{webinarId}: a webinar's details come from its report (below).
	route('GET', '/past_webinars/:id/instances', 'Light', 'webinar:read:list_past_instances', 'webinar:read', (ctx) => instances(ctx, 'webinar')),
	route('GET', '/past_webinars/:id/participants', 'Medium', 'webinar:read:list_past_participants', 'webinar:read', (ctx) => participants(ctx, 'webinar', false)),
	route('GET', '/past_webinars/:id/absentees', 'Heavy', 'webinar:read:list_absentees', 'webinar:read', absentees),
	route('GET', '/report/meetings/:id', 'Heavy', 'report:read:meeting:admin', 'report:read:admin', (ctx) => {
		const { session, instance } = ended(ctx, 'meeting', true);
		return json(200, reportDetailJson(ctx, session, instance));
	}),
	route('GET', '/report/meetings/:id/participants', 'Heavy', 'report:read:list_meeting_participants:admin', 'report:read:admin', (ctx) => participants(ctx, 'meeting', true)),
	route('GET', '/report/webinars/:id', 'Heavy', 'report:read:webinar:admin', 'report:read:admin', (ctx) => {
		const { session, instance } = ended(ctx, 'webinar', true);
		return json(200, reportDetailJson(ctx, session, instance));
	}),
	route('GET', '/report/webinars/:id/participants', 'Heavy', 'report:read:list_webinar_participants:admin', 'report:read:admin', (ctx) => participants(ctx, 'webinar', true)),
];
