// One registrant (get, delete), batch registration, registration questions and webinar tracking sources,
// in Rivet's shapes (@zoom/rivet meetings: getMeetingRegistrant, deleteMeetingRegistrant,
// performBatchRegistration, listRegistrationQuestions, updateRegistrationQuestions, getWebinarTrackingSources
// and their webinar twins).
import type {
	MeetingsListRegistrationQuestionsResponse,
	MeetingsPerformBatchRegistrationRequestBody,
	MeetingsPerformBatchRegistrationResponse,
	WebinarsGetWebinarTrackingSourcesResponse,
	WebinarsUpdateRegistrationQuestionsRequestBody,
} from '@zoom/rivet/meetings';

import type { Ctx, Route, Sandbox } from './core';
import { route } from './core';
import { ZoomError, json, randomToken, validationError } from './http';
import { registrationOpen, sessionParam } from './meetings';
import { addRegistrant, registrantJson } from './registrants';
import type { Kind, Session } from './store';

const BATCH_LIMIT = 30;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

type Questions = MeetingsListRegistrationQuestionsResponse | WebinarsUpdateRegistrationQuestionsRequestBody;
type CustomType = NonNullable<NonNullable<Questions['custom_questions']>[number]['type']>;

/** Custom question types per kind, as Rivet's request types list them. */
const CUSTOM_TYPES: Record<Kind, CustomType[]> = { meeting: ['short', 'single'], webinar: ['short', 'single_radio', 'single_dropdown', 'multiple'] };
type TrackingSource = NonNullable<WebinarsGetWebinarTrackingSourcesResponse['tracking_sources']>[number];

const questions = new WeakMap<Session, Questions>();
const trackingSources = new WeakMap<Session, TrackingSource[]>();

function registrantOf(ctx: Ctx, kind: Kind) {
	const s = sessionParam(ctx, kind);
	const at = s.registrants.findIndex((r) => r.id === ctx.params.registrantId);
	if (at < 0) throw new ZoomError(404, 3043, `Registrant does not exist: ${ctx.params.registrantId}.`);
	return { s, at };
}

function batch(ctx: Ctx, kind: Kind) {
	const s = sessionParam(ctx, kind);
	if (!registrationOpen(s)) throw new ZoomError(400, 3000, `Registration has not been enabled for this ${kind}: ${s.id}.`);
	const body = ctx.body as MeetingsPerformBatchRegistrationRequestBody;
	const list = Array.isArray(body.registrants) ? body.registrants : [];
	if (!list.length) throw validationError('registrants', 'registrants is required.');
	if (list.length > BATCH_LIMIT) throw validationError('registrants', `At most ${BATCH_LIMIT} registrants per request.`);
	for (const r of list) {
		if (typeof r?.email !== 'string' || !EMAIL.test(r.email)) throw validationError('registrants.email', 'Invalid email.');
		if (typeof r.first_name !== 'string' || !r.first_name) throw validationError('registrants.first_name', 'first_name is required.');
	}
	const answer: MeetingsPerformBatchRegistrationResponse = {
		registrants: list.map((r) => {
			const reg = addRegistrant(s, { email: r.email, first_name: r.first_name, last_name: r.last_name ?? '' }, body.auto_approve ? 'approved' : undefined);
			return { email: reg.email, registrant_id: reg.id, participant_pin_code: reg.participant_pin_code, ...(reg.status === 'approved' ? { join_url: reg.join_url } : {}) };
		}),
	};
	return json(200, answer);
}

function updateQuestions(ctx: Ctx, kind: Kind) {
	const s = sessionParam(ctx, kind);
	const body = ctx.body as WebinarsUpdateRegistrationQuestionsRequestBody;
	if (body.questions !== undefined && !Array.isArray(body.questions)) throw validationError('questions', 'questions must be an array.');
	if (body.custom_questions !== undefined && !Array.isArray(body.custom_questions)) throw validationError('custom_questions', 'custom_questions must be an array.');
	for (const q of body.custom_questions ?? []) {
		if (!CUSTOM_TYPES[kind].includes(q?.type as CustomType)) throw validationError('custom_questions.type', `Invalid value: ${String(q?.type)}.`);
	}
	const current = questions.get(s) ?? {};
	questions.set(s, {
		questions: body.questions ?? current.questions ?? [],
		custom_questions: (body.custom_questions ?? current.custom_questions ?? []) as Questions['custom_questions'],
	} as Questions);
	return json(204);
}

export const registrantExtraRoutes: Route[] = (['meeting', 'webinar'] as Kind[]).flatMap((kind) => [
	// Before /registrants/:registrantId, which would take "questions" for an ID.
	route('GET', `/${kind}s/:id/registrants/questions`, 'Light', `${kind}:read:list_registration_questions`, `${kind}:read`, (ctx) =>
		json(200, { questions: [], custom_questions: [], ...questions.get(sessionParam(ctx, kind)) }),
	),
	route('PATCH', `/${kind}s/:id/registrants/questions`, 'Light', `${kind}:update:registration_question`, `${kind}:write`, (ctx) => updateQuestions(ctx, kind)),
	route('GET', `/${kind}s/:id/registrants/:registrantId`, 'Light', `${kind}:read:registrant`, `${kind}:read`, (ctx) => {
		const { s, at } = registrantOf(ctx, kind);
		return json(200, registrantJson(s.registrants[at]));
	}),
	route('DELETE', `/${kind}s/:id/registrants/:registrantId`, 'Light', `${kind}:delete:registrant`, `${kind}:write`, (ctx) => {
		const { s, at } = registrantOf(ctx, kind);
		s.registrants.splice(at, 1);
		return json(204);
	}),
	route('POST', `/${kind}s/:id/batch_registrants`, 'Heavy', `${kind}:write:batch_registrants`, `${kind}:write`, (ctx) => batch(ctx, kind)),
]).concat([
	route('GET', '/webinars/:id/tracking_sources', 'Medium', 'webinar:read:list_tracking_sources', 'webinar:read', (ctx) => {
		const sources = trackingSources.get(sessionParam(ctx, 'webinar')) ?? [];
		const answer: WebinarsGetWebinarTrackingSourcesResponse = { total_records: sources.length, tracking_sources: sources };
		return json(200, answer);
	}),
]);

/** Control: POST /_sandbox/tracking_sources {webinarId, sources: [{source_name, visitor_count?, registration_count?}]}. */
export function seedTrackingSources(sb: Sandbox, b: Record<string, unknown>): { sources: TrackingSource[] } {
	const s = sb.store.session('webinar', Number(b.webinarId));
	if (!s) throw new ZoomError(400, 300, `No webinar ${String(b.webinarId)}`);
	const sources = (Array.isArray(b.sources) ? (b.sources as Record<string, unknown>[]) : []).map((x) => {
		const id = randomToken(12);
		return {
			id,
			source_name: String(x.source_name ?? ''),
			tracking_url: `https://us05web.zoom.us/webinar/register/WN_${randomToken(16)}?tk=${id}`,
			visitor_count: Number(x.visitor_count ?? 0),
			registration_count: Number(x.registration_count ?? 0),
		};
	});
	trackingSources.set(s, sources);
	return { sources };
}
