// Meetings and webinars API (https://developers.zoom.us/docs/api/meetings/#tag/meetings,
// https://developers.zoom.us/docs/api/meetings/#tag/webinars). Webinars are the same resource with other types,
// `*_passcode` field names and "Webinar" in messages, so one set of functions serves both.
import { randomBytes, randomInt } from 'node:crypto';
import type {
	MeetingsGetMeetingResponse,
	MeetingsListMeetingsResponse,
	WebinarsGetWebinarResponse,
	WebinarsListWebinarsResponse,
} from '@zoom/rivet/meetings';
import type { Ctx, Route, Sandbox } from './core';
import { route } from './core';
import { occurrences, parseStartTime, validTimezone } from './data';
import { ZoomError, isoSeconds, json, randomToken, validationError } from './http';
import { paginate } from './paging';
import { userDailyLimitError } from './ratelimit';
import type { Kind, Session, User } from './store';
import { newUuid } from './store';
import { userParam } from './users';

export const noun = (kind: Kind): string => (kind === 'meeting' ? 'Meeting' : 'Webinar');
const TYPES: Record<Kind, number[]> = { meeting: [1, 2, 3, 8, 10], webinar: [5, 6, 9] };
const RECURRING_FIXED: Record<Kind, number> = { meeting: 8, webinar: 9 };

const MEETING_SETTINGS: MeetingJson['settings'] = {
	host_video: false,
	participant_video: false,
	cn_meeting: false,
	in_meeting: false,
	join_before_host: false,
	jbh_time: 0,
	mute_upon_entry: false,
	watermark: false,
	use_pmi: false,
	approval_type: 2,
	audio: 'voip',
	auto_recording: 'none',
	enforce_login: false,
	enforce_login_domains: '',
	alternative_hosts: '',
	alternative_hosts_email_notification: true,
	close_registration: false,
	show_share_button: false,
	allow_multiple_devices: false,
	registrants_confirmation_email: true,
	registrants_email_notification: true,
	waiting_room: false,
	meeting_authentication: false,
	encryption_type: 'enhanced_encryption',
	approved_or_denied_countries_or_regions: { enable: false },
	breakout_room: { enable: false },
	focus_mode: false,
	private_meeting: false,
	email_notification: true,
	device_testing: false,
	continuous_meeting_chat: { enable: false },
	global_dial_in_numbers: [{ country_name: 'US', number: '+1 646 558 8656', type: 'toll', country: 'US' }],
};

const WEBINAR_SETTINGS: WebinarJson['settings'] = {
	host_video: false,
	panelists_video: false,
	practice_session: false,
	hd_video: false,
	approval_type: 2,
	audio: 'both',
	auto_recording: 'none',
	enforce_login: false,
	alternative_hosts: '',
	close_registration: false,
	show_share_button: false,
	allow_multiple_devices: false,
	on_demand: false,
	registrants_confirmation_email: true,
	registrants_email_notification: true,
	question_and_answer: { enable: true },
	attendees_and_panelists_reminder_email_notification: { enable: true },
	email_language: 'en-US',
};

const num = (n: number, digits: number) => String(n).padStart(digits, '0');

/** Zoom's `{meetingId}` / `{webinarId}`: numeric, existing, not deleted — else 404 3001. */
export function sessionParam(ctx: Ctx, kind: Kind, name = 'id'): Session {
	const raw = ctx.params[name];
	const s = /^\d+$/.test(raw) ? ctx.sb.store.session(kind, Number(raw)) : undefined;
	if (!s) throw new ZoomError(404, 3001, `${noun(kind)} does not exist: ${raw}.`);
	return s;
}

export function joinUrl(s: Session): string {
	return `https://us05web.zoom.us/${s.kind === 'meeting' ? 'j' : 'w'}/${s.id}?pwd=${s.encrypted}`;
}

export const registrationOpen = (s: Session): boolean => [0, 1].includes(Number(s.settings.approval_type));

type MeetingJson = MeetingsGetMeetingResponse & {
	/** In Zoom's docs for Get a meeting; Rivet 0.4.0's MeetingsGetMeetingResponse lacks it. */
	h323_password?: string;
	/** Sent when registration is on (Rivet has it on MeetingsCreateMeetingResponse only). */
	registration_url?: string;
};
type WebinarJson = WebinarsGetWebinarResponse & {
	/** Zoom's docs for Get a webinar list these; Rivet 0.4.0's WebinarsGetWebinarResponse lacks them. */
	h323_passcode?: string;
	registration_url?: string;
};

/**
 * The full object of create (201) and get (200): GET /meetings/{meetingId}
 * (https://developers.zoom.us/docs/api/meetings/#tag/meetings/GET/meetings/{meetingId}) and GET /webinars/{webinarId}.
 */
export function sessionJson(sb: Sandbox, s: Session, occurrenceId?: string): MeetingJson | WebinarJson {
	const host = sb.store.users.find((u) => u.id === s.hostId);
	const occ = s.occurrences && occurrenceId ? s.occurrences.filter((o) => o.occurrence_id === occurrenceId) : s.occurrences;
	const start = occurrenceId && occ?.[0] ? occ[0].start_time : s.startMs !== undefined ? isoSeconds(s.startMs) : undefined;
	const common = {
		uuid: s.uuid,
		id: s.id,
		host_id: s.hostId,
		host_email: host?.email ?? '',
		topic: s.topic,
		...(start !== undefined ? { start_time: start } : {}),
		duration: s.duration,
		timezone: s.timezone,
		agenda: s.agenda,
		created_at: isoSeconds(s.createdMs),
		start_url: `https://us05web.zoom.us/s/${s.id}?zak=${randomToken(30)}`,
		join_url: joinUrl(s),
		...(registrationOpen(s) ? { registration_url: `https://us05web.zoom.us/${s.kind === 'meeting' ? 'meeting' : 'webinar'}/register/${s.uuid.replace(/[^A-Za-z0-9]/g, '')}` } : {}),
		password: s.password,
		...(occ ? { occurrences: occ as MeetingJson['occurrences'] } : {}),
		tracking_fields: s.trackingFields as MeetingJson['tracking_fields'],
		creation_source: 'open_api' as const,
	};
	if (s.kind === 'webinar') {
		const webinar: WebinarJson = {
			...common,
			type: s.type as WebinarJson['type'],
			h323_passcode: s.h323,
			encrypted_passcode: s.encrypted,
			...(s.recurrence ? { recurrence: s.recurrence as WebinarJson['recurrence'] } : {}),
			settings: s.settings as WebinarJson['settings'],
		};
		return webinar;
	}
	const meeting: MeetingJson = {
		...common,
		type: s.type as MeetingJson['type'],
		status: s.status,
		h323_password: s.h323,
		pstn_password: s.pstn,
		encrypted_password: s.encrypted,
		...(s.recurrence ? { recurrence: s.recurrence as MeetingJson['recurrence'] } : {}),
		settings: s.settings as MeetingJson['settings'],
		pre_schedule: false,
	};
	return meeting;
}

type MeetingRow = NonNullable<MeetingsListMeetingsResponse['meetings']>[number];
type WebinarRow = NonNullable<WebinarsListWebinarsResponse['webinars']>[number];

/** A row of GET /users/{userId}/meetings or /webinars without its type: the fields both lists have. */
function rowFacts(s: Session): Omit<MeetingRow & WebinarRow, 'type'> {
	return {
		uuid: s.uuid,
		id: s.id,
		host_id: s.hostId,
		topic: s.topic,
		...(s.startMs !== undefined ? { start_time: isoSeconds(s.startMs) } : {}),
		duration: s.duration,
		timezone: s.timezone,
		agenda: s.agenda.slice(0, 250),
		created_at: isoSeconds(s.createdMs),
		join_url: joinUrl(s),
	};
}

/** Validate create/patch fields present in `b`; returns the parsed start time if given. */
function validate(kind: Kind, b: Record<string, unknown>, timezone: string, creating: boolean): number | undefined {
	if (b.topic !== undefined && (typeof b.topic !== 'string' || b.topic.length > 200)) throw validationError('topic', 'Topic must be a string of at most 200 characters.');
	if (b.type !== undefined && !TYPES[kind].includes(Number(b.type))) throw validationError('type', `Invalid ${kind} type: ${String(b.type)}.`);
	if (b.duration !== undefined && !(Number.isInteger(b.duration) && (b.duration as number) >= 0)) throw validationError('duration', 'Duration must be a non-negative integer.');
	if (b.agenda !== undefined && (typeof b.agenda !== 'string' || b.agenda.length > 2000)) throw validationError('agenda', 'Agenda must be a string of at most 2000 characters.');
	if (b.timezone !== undefined && (typeof b.timezone !== 'string' || !validTimezone(b.timezone))) throw validationError('timezone', 'Invalid timezone.');
	if (b.password !== undefined && (typeof b.password !== 'string' || !/^[A-Za-z0-9@\-_*]{0,10}$/.test(b.password)))
		throw validationError('password', 'Passcode may only contain alphanumerics and @ - _ *, max 10 characters.');
	if (b.settings !== undefined) {
		if (typeof b.settings !== 'object' || b.settings === null || Array.isArray(b.settings)) throw validationError('settings', 'Settings must be an object.');
		const at = (b.settings as Record<string, unknown>).approval_type;
		if (at !== undefined && ![0, 1, 2].includes(Number(at))) throw validationError('settings.approval_type', 'Invalid approval_type.');
	}
	if (b.recurrence !== undefined) {
		const r = b.recurrence as Record<string, unknown>;
		if (typeof r !== 'object' || r === null || ![1, 2, 3].includes(Number(r.type))) throw validationError('recurrence.type', 'Recurrence type must be 1, 2 or 3.');
		if (r.end_times !== undefined && r.end_date_time !== undefined) throw validationError('recurrence.end_times', 'end_times and end_date_time are mutually exclusive.');
	}
	if (creating && Number(b.type) === RECURRING_FIXED[kind] && b.recurrence === undefined) throw validationError('recurrence', 'Recurrence is required for a recurring meeting with a fixed time.');
	if (b.start_time === undefined) return undefined;
	const ms = typeof b.start_time === 'string' ? parseStartTime(b.start_time, timezone) : undefined;
	if (ms === undefined) throw validationError('start_time', 'Invalid start_time, use yyyy-MM-ddTHH:mm:ssZ.');
	return ms;
}

/** The per-user 100 create/update a day limit (https://developers.zoom.us/docs/api/rate-limits/#daily-rate-limits); its 429 is built in ratelimit.ts. */
function countWrite(sb: Sandbox, kind: Kind, hostId: string): void {
	const limit = sb.config.dailyWriteLimit;
	if (!sb.limiter.countDaily(`${kind}|${hostId}`, limit)) throw userDailyLimitError(kind === 'meeting' ? 'Meeting' : 'Webinar', limit);
}

/** Create a meeting/webinar from a Zoom create body (also used by scenarios). */
export function createSession(sb: Sandbox, kind: Kind, host: User, b: Record<string, unknown>, countLimit = true): Session {
	const timezone = typeof b.timezone === 'string' ? b.timezone : host.timezone;
	const startMs = validate(kind, b, timezone, true);
	if (countLimit) countWrite(sb, kind, host.id);
	const type = b.type === undefined ? (kind === 'meeting' ? 2 : 5) : Number(b.type);
	const now = Date.now();
	const pstn = num(randomInt(0, 1000000), 6);
	const s: Session = {
		kind,
		id: sb.store.newSessionId(),
		uuid: newUuid(),
		hostId: host.id,
		topic: typeof b.topic === 'string' ? b.topic : `Zoom ${noun(kind)}`,
		type,
		duration: typeof b.duration === 'number' ? b.duration : 60,
		timezone,
		agenda: typeof b.agenda === 'string' ? b.agenda : '',
		createdMs: now,
		password: typeof b.password === 'string' ? b.password : randomBytes(4).toString('base64url').slice(0, 6),
		h323: pstn,
		pstn,
		encrypted: randomToken(24),
		settings: { ...(kind === 'meeting' ? MEETING_SETTINGS : WEBINAR_SETTINGS), ...(b.settings as object) },
		trackingFields: Array.isArray(b.tracking_fields) ? b.tracking_fields.map((f) => ({ ...f, visible: true })) : [],
		registrants: [],
		instances: [],
		status: 'waiting',
		deleted: false,
	};
	// Instant meetings start now; type 3/6 have no fixed time; a scheduled one without start_time starts now.
	if (![3, 6].includes(type)) s.startMs = startMs ?? Math.floor(now / 1000) * 1000;
	if (type === RECURRING_FIXED[kind]) {
		s.recurrence = b.recurrence as Record<string, unknown>;
		if (s.settings.registration_type === undefined) s.settings.registration_type = 1;
		s.occurrences = occurrences(s.startMs as number, s.duration, s.recurrence);
		s.startMs = Date.parse(s.occurrences[0]?.start_time ?? isoSeconds(s.startMs as number));
	}
	sb.store.sessions.set(s.id, s);
	return s;
}

function patchSession(ctx: Ctx, kind: Kind) {
	const s = sessionParam(ctx, kind);
	const b = ctx.body;
	const tz = typeof b.timezone === 'string' ? b.timezone : s.timezone;
	const startMs = validate(kind, b, tz, false);
	const occId = ctx.query.get('occurrence_id');
	if (occId) {
		const o = s.occurrences?.find((x) => x.occurrence_id === occId);
		if (!o) throw new ZoomError(400, 300, `Invalid occurrence_id: ${occId}.`);
		countWrite(ctx.sb, kind, s.hostId);
		if (startMs !== undefined) o.start_time = isoSeconds(startMs);
		if (typeof b.duration === 'number') o.duration = b.duration;
		return json(204);
	}
	countWrite(ctx.sb, kind, s.hostId);
	if (typeof b.topic === 'string') s.topic = b.topic;
	if (typeof b.agenda === 'string') s.agenda = b.agenda;
	if (typeof b.duration === 'number') s.duration = b.duration;
	if (typeof b.password === 'string') s.password = b.password;
	if (typeof b.timezone === 'string') s.timezone = b.timezone;
	if (b.type !== undefined) s.type = Number(b.type);
	if (startMs !== undefined) s.startMs = startMs;
	if (Array.isArray(b.tracking_fields)) s.trackingFields = b.tracking_fields;
	// Nested settings are merged, not replaced (https://developers.zoom.us/docs/api/meetings/#tag/meetings/PATCH/meetings/{meetingId}).
	if (b.settings) s.settings = { ...s.settings, ...(b.settings as object) };
	if (b.recurrence) s.recurrence = b.recurrence as Record<string, unknown>;
	if (s.type === RECURRING_FIXED[kind] && s.recurrence && (b.recurrence || startMs !== undefined || b.duration !== undefined))
		s.occurrences = occurrences(s.startMs ?? Date.now(), s.duration, s.recurrence);
	return json(204);
}

function deleteSession(ctx: Ctx, kind: Kind) {
	const s = sessionParam(ctx, kind);
	const occId = ctx.query.get('occurrence_id');
	if (occId) {
		const o = s.occurrences?.find((x) => x.occurrence_id === occId && x.status === 'available');
		if (!o) throw new ZoomError(400, 300, `Invalid occurrence_id: ${occId}.`);
		o.status = 'deleted';
	} else s.deleted = true;
	return json(204);
}

function listSessions(ctx: Ctx, kind: Kind) {
	const host = userParam(ctx);
	const type = ctx.query.get('type') ?? 'scheduled';
	const allowed = kind === 'meeting' ? ['scheduled', 'live', 'upcoming', 'upcoming_meetings', 'previous_meetings'] : ['scheduled', 'upcoming'];
	if (!allowed.includes(type)) throw new ZoomError(400, 300, `Invalid field.`, [{ field: 'type', message: `Invalid value: ${type}` }]);
	const now = Date.now();
	const from = ctx.query.get('from');
	const to = ctx.query.get('to');
	const future = (s: Session) => s.startMs === undefined || s.startMs + s.duration * 60000 >= now;
	const keep = (s: Session): boolean => {
		if (s.kind !== kind || s.deleted || s.hostId !== host.id) return false;
		if (from && s.startMs !== undefined && isoSeconds(s.startMs).slice(0, 10) < from) return false;
		if (to && s.startMs !== undefined && isoSeconds(s.startMs).slice(0, 10) > to) return false;
		if (type === 'scheduled') return s.type !== 1;
		if (type === 'live') return s.status === 'started';
		if (type === 'upcoming') return s.status === 'started' || future(s);
		if (type === 'upcoming_meetings') return s.startMs !== undefined && s.startMs >= now;
		return (s.startMs !== undefined && s.startMs < now) || s.instances.length > 0; // previous_meetings
	};
	const all = [...ctx.sb.store.sessions.values()].filter(keep).sort((a, b) => (a.startMs ?? 0) - (b.startMs ?? 0));
	if (kind === 'webinar') {
		// List webinars pages by page_number alone: Rivet's WebinarsListWebinarsQueryParams has no
		// next_page_token, so a token is ignored (page 1 again) and none is sent.
		const { items, next_page_token: _token, ...meta } = paginate(ctx, all, { byPageNumber: true });
		const webinars: WebinarsListWebinarsResponse = { ...meta, webinars: items.map((s) => ({ ...rowFacts(s), type: s.type as WebinarRow['type'] })) };
		return json(200, webinars);
	}
	const { items, ...meta } = paginate(ctx, all);
	const meetings: MeetingsListMeetingsResponse = { ...meta, meetings: items.map((s) => ({ ...rowFacts(s), type: s.type as MeetingRow['type'] })) };
	return json(200, meetings);
}

function invitation(ctx: Ctx) {
	const s = sessionParam(ctx, 'meeting');
	const host = ctx.sb.store.users.find((u) => u.id === s.hostId);
	const name = host ? `${host.first_name} ${host.last_name}`.trim() : 'Host';
	const spaced = String(s.id).replace(/^(\d{3})(\d{3,4})(\d{4})$/, '$1 $2 $3');
	const when = s.startMs !== undefined ? `\nTime: ${new Date(s.startMs).toUTCString()}\n` : '\n';
	const text = `${name} is inviting you to a scheduled Zoom meeting.\n\nTopic: ${s.topic}${when}\nJoin Zoom Meeting\n${joinUrl(s)}\n\nMeeting ID: ${spaced}\nPasscode: ${s.password}\n\n---\n\nOne tap mobile\n+16465588656,,${s.id}#,,,,*${s.pstn}# US (New York)\n\nDial by your location\n• +1 646 558 8656 US (New York)\n\nMeeting ID: ${spaced}\nPasscode: ${s.pstn}\n`;
	return json(200, { invitation: text });
}

export const meetingRoutes: Route[] = [
	route('POST', '/users/:userId/meetings', 'Light', 'meeting:write:meeting', 'meeting:write', (ctx) => {
		const s = createSession(ctx.sb, 'meeting', userParam(ctx), ctx.body);
		return json(201, sessionJson(ctx.sb, s));
	}),
	route('GET', '/users/:userId/meetings', 'Medium', 'meeting:read:list_meetings', 'meeting:read', (ctx) => listSessions(ctx, 'meeting')),
	route('GET', '/meetings/:id', 'Light', 'meeting:read:meeting', 'meeting:read', (ctx) => {
		const s = sessionParam(ctx, 'meeting');
		const occ = ctx.query.get('occurrence_id') ?? undefined;
		if (occ && !s.occurrences?.some((o) => o.occurrence_id === occ)) throw new ZoomError(400, 300, `Invalid occurrence_id: ${occ}.`);
		return json(200, sessionJson(ctx.sb, s, occ));
	}),
	route('PATCH', '/meetings/:id', 'Light', 'meeting:update:meeting', 'meeting:write', (ctx) => patchSession(ctx, 'meeting')),
	route('DELETE', '/meetings/:id', 'Light', 'meeting:delete:meeting', 'meeting:write', (ctx) => deleteSession(ctx, 'meeting')),
	route('GET', '/meetings/:id/invitation', 'Light', 'meeting:read:invitation', 'meeting:read', invitation),
];

export const webinarRoutes: Route[] = [
	route('POST', '/users/:userId/webinars', 'Light', 'webinar:write:webinar', 'webinar:write', (ctx) => {
		const s = createSession(ctx.sb, 'webinar', userParam(ctx), ctx.body);
		return json(201, sessionJson(ctx.sb, s));
	}),
	route('GET', '/users/:userId/webinars', 'Medium', 'webinar:read:list_webinars', 'webinar:read', (ctx) => listSessions(ctx, 'webinar')),
	route('GET', '/webinars/:id', 'Light', 'webinar:read:webinar', 'webinar:read', (ctx) => {
		const s = sessionParam(ctx, 'webinar');
		const occ = ctx.query.get('occurrence_id') ?? undefined;
		if (occ && !s.occurrences?.some((o) => o.occurrence_id === occ)) throw new ZoomError(400, 300, `Invalid occurrence_id: ${occ}.`);
		return json(200, sessionJson(ctx.sb, s, occ));
	}),
	route('PATCH', '/webinars/:id', 'Light', 'webinar:update:webinar', 'webinar:write', (ctx) => patchSession(ctx, 'webinar')),
	route('DELETE', '/webinars/:id', 'Light', 'webinar:delete:webinar', 'webinar:write', (ctx) => deleteSession(ctx, 'webinar')),
];
