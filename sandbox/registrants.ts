// Registrants of meetings and webinars (https://developers.zoom.us/docs/api/meetings/#tag/meetings/GET/meetings/{meetingId}/registrants):
// add, list by status, update status.
import { randomInt } from 'node:crypto';
import type { MeetingsListMeetingRegistrantsResponse } from '@zoom/rivet/meetings';
import type { Ctx, Route } from './core';
import { route } from './core';
import { ZoomError, isoSeconds, json, randomToken, validationError } from './http';
import { registrationOpen, sessionParam } from './meetings';
import { paginate } from './paging';
import type { Kind, Registrant, Session } from './store';

const STANDARD = ['address', 'city', 'state', 'zip', 'country', 'phone', 'industry', 'org', 'job_title', 'purchasing_time_frame', 'role_in_purchase_process', 'no_of_employees', 'comments', 'custom_questions', 'language'];

const registrantJoinUrl = (s: Session) => `https://us05web.zoom.us/${s.kind === 'meeting' ? 'j' : 'w'}/${s.id}?tk=${randomToken(30)}`;

/** Add (or return the existing) registrant; status follows approval_type unless forced. */
export function addRegistrant(s: Session, r: { email: string; first_name: string; last_name?: string; extra?: Record<string, unknown> }, status?: Registrant['status']): Registrant {
	const existing = s.registrants.find((x) => x.email.toLowerCase() === r.email.toLowerCase() && x.status !== 'denied');
	if (existing) return existing;
	const reg: Registrant = {
		id: randomToken(16),
		email: r.email,
		first_name: r.first_name,
		last_name: r.last_name ?? '',
		status: status ?? (Number(s.settings.approval_type) === 1 ? 'pending' : 'approved'),
		create_time: isoSeconds(Date.now()),
		join_url: registrantJoinUrl(s),
		participant_pin_code: randomInt(100000, 999999),
		extra: r.extra ?? {},
	};
	s.registrants.push(reg);
	return reg;
}

type RegistrantRow = NonNullable<MeetingsListMeetingRegistrantsResponse['registrants']>[number];

/** A row of GET /meetings/{meetingId}/registrants (https://developers.zoom.us/docs/api/meetings/#tag/meetings/GET/meetings/{meetingId}/registrants). */
export function registrantJson(r: Registrant): RegistrantRow {
	return {
		id: r.id,
		email: r.email,
		first_name: r.first_name,
		last_name: r.last_name,
		address: '',
		city: '',
		country: '',
		zip: '',
		state: '',
		phone: '',
		industry: '',
		org: '',
		job_title: '',
		purchasing_time_frame: '',
		role_in_purchase_process: '',
		no_of_employees: '',
		comments: '',
		custom_questions: [],
		...r.extra,
		status: r.status,
		create_time: r.create_time,
		join_url: r.status === 'approved' ? r.join_url : '',
		participant_pin_code: r.participant_pin_code,
	};
}

function add(ctx: Ctx, kind: Kind) {
	const s = sessionParam(ctx, kind);
	if (!registrationOpen(s)) throw new ZoomError(404, 404, `Registration has not been enabled for this ${kind}: ${s.id}.`);
	const b = ctx.body;
	if (typeof b.email !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(b.email)) throw validationError('email', 'Invalid email.');
	if (typeof b.first_name !== 'string' || !b.first_name) throw validationError('first_name', 'first_name is required.');
	const extra = Object.fromEntries(STANDARD.filter((k) => b[k] !== undefined).map((k) => [k, b[k]]));
	const forced = kind === 'meeting' && b.auto_approve === true ? 'approved' : undefined;
	const r = addRegistrant(s, { email: b.email, first_name: b.first_name, last_name: typeof b.last_name === 'string' ? b.last_name : '', extra }, forced);
	// source_id is in Rivet's WebinarsAddWebinarRegistrantRequestBody only; a meeting has no tracking sources.
	if (kind === 'webinar' && typeof b.source_id === 'string' && b.source_id && r.sourceId === undefined) r.sourceId = b.source_id;
	return json(201, {
		id: s.id,
		registrant_id: r.id,
		...(r.status === 'approved' ? { join_url: r.join_url } : {}),
		topic: s.topic,
		...(s.startMs !== undefined ? { start_time: isoSeconds(s.startMs) } : {}),
		...(s.occurrences ? { occurrences: s.occurrences.filter((o) => o.status === 'available') } : {}),
		participant_pin_code: r.participant_pin_code,
	});
}

function list(ctx: Ctx, kind: Kind) {
	const s = sessionParam(ctx, kind);
	const status = ctx.query.get('status') ?? 'approved';
	if (!['pending', 'approved', 'denied'].includes(status)) throw new ZoomError(400, 300, 'Invalid field.', [{ field: 'status', message: `Invalid value: ${status}` }]);
	// tracking_source_id: in Rivet's WebinarsListWebinarRegistrantsQueryParams only; the rows themselves do not name it.
	const source = kind === 'webinar' ? ctx.query.get('tracking_source_id') : null;
	const { items, ...meta } = paginate(ctx, s.registrants.filter((r) => r.status === status && (!source || r.sourceId === source)));
	return json(200, { ...meta, registrants: items.map(registrantJson) });
}

function updateStatus(ctx: Ctx, kind: Kind) {
	const s = sessionParam(ctx, kind);
	const { action, registrants } = ctx.body as { action?: unknown; registrants?: unknown };
	const next = { approve: 'approved', deny: 'denied', cancel: 'denied' }[String(action)] as Registrant['status'] | undefined;
	if (!next) throw validationError('action', 'action must be approve, deny or cancel.');
	if (registrants !== undefined && !Array.isArray(registrants)) throw validationError('registrants', 'registrants must be an array.');
	const list = (registrants ?? []) as { id?: string; email?: string }[];
	if (list.length > 30) throw validationError('registrants', 'At most 30 registrants per request.');
	for (const want of list) {
		const r = s.registrants.find((x) => (want.id && x.id === want.id) || (want.email && x.email.toLowerCase() === want.email.toLowerCase()));
		if (r) r.status = next;
	}
	return json(204);
}

export const registrantRoutes: Route[] = (['meeting', 'webinar'] as Kind[]).flatMap((kind) => [
	route('POST', `/${kind}s/:id/registrants`, 'Light', `${kind}:write:registrant`, `${kind}:write`, (ctx) => add(ctx, kind)),
	route('GET', `/${kind}s/:id/registrants`, 'Medium', `${kind}:read:list_registrants`, `${kind}:read`, (ctx) => list(ctx, kind)),
	route('PUT', `/${kind}s/:id/registrants/status`, 'Medium', `${kind}:update:registrant_status`, `${kind}:write`, (ctx) => updateStatus(ctx, kind)),
]);
