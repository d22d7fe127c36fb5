// The control API under /_sandbox: JSON in/out, no auth. Seeds data, ends sessions, arms
// faults, reads the request log, mints tokens and sends webhooks.
import type { Fault, Sandbox } from './core';
import { compile, isoSeconds, json, matchPattern, rawSegments, ZoomError } from './http';
import type { Reply } from './http';
import { createSession } from './meetings';
import { issueTokens } from './oauth';
import { CATEGORIES, PLAN_LIMITS, PLANS } from './ratelimit';
import type { Category, Plan } from './ratelimit';
import { addRecording } from './recordings';
import { addRegistrant } from './registrants';
import { seedSummary } from './summaries';
import { seedEngagement } from './engagement';
import { seedTrackingSources } from './registrantExtras';
import { participantEmail, participantName } from './data';
import { ALL_SCOPES, latestInstance, newUuid, zoomUserId } from './store';
import type { App, Instance, Kind, Session, UuidStyle } from './store';
import type { SendOptions } from './webhooks';
import { publish } from './eventSubscriptions';

type Body = Record<string, unknown>;

class ControlError extends Error {}
const fail = (message: string): never => {
	throw new ControlError(message);
};

export interface EndOptions {
	participants?: number;
	rejoinFraction?: number;
	guests?: number;
	uuidStyle?: UuidStyle;
	endedMinutesAgo?: number;
	durationMinutes?: number;
	recording?: boolean;
	/** The recording's MP4 is this many bytes, generated lazily when downloaded (tests of large files). */
	videoBytes?: number;
}

/**
 * Turn the session's current run into a past instance. Like Zoom, the instance keeps the uuid
 * the meeting had and the meeting gets a fresh one for its next run (unless a uuid style is forced).
 */
export function endSession(sb: Sandbox, s: Session, o: EndOptions = {}): Instance {
	const endMs = Math.floor((Date.now() - (o.endedMinutesAgo ?? 0) * 60000) / 1000) * 1000;
	const startMs = s.status === 'started' && s.liveSinceMs !== undefined && !o.endedMinutesAgo ? s.liveSinceMs : endMs - (o.durationMinutes ?? (s.duration || 60)) * 60000;
	const style = o.uuidStyle ?? 'normal';
	const uuid = style === 'normal' ? s.uuid : newUuid(style);
	s.uuid = newUuid();
	const instance: Instance = {
		uuid,
		sessionId: s.id,
		startMs,
		endMs,
		plan: { participants: Math.max(0, o.participants ?? 0), rejoinFraction: o.rejoinFraction ?? 0, guests: Math.max(0, o.guests ?? 0) },
	};
	s.instances.push(instance);
	s.status = 'waiting';
	s.liveSinceMs = undefined;
	sb.store.instances.set(uuid, instance);
	if (o.recording || s.settings.auto_recording === 'cloud') {
		const recording = addRecording(sb, s, instance);
		const video = recording.files.find((f) => f.fileType === 'MP4');
		if (video && o.videoBytes !== undefined) video.generatedSize = Math.max(0, Math.floor(o.videoBytes));
	}
	return instance;
}

const instanceJson = (i: Instance) => ({ uuid: i.uuid, start_time: isoSeconds(i.startMs), end_time: isoSeconds(i.endMs), participants: i.plan.participants });

function sessionSummary(s: Session) {
	return {
		id: s.id,
		uuid: s.uuid,
		topic: s.topic,
		type: s.type,
		host_id: s.hostId,
		...(s.startMs !== undefined ? { start_time: isoSeconds(s.startMs) } : {}),
		registrants: s.registrants.length,
		instances: s.instances.map(instanceJson),
		latestUuid: latestInstance(s)?.uuid,
	};
}

function seedSession(sb: Sandbox, kind: Kind, m: Body): Session {
	const host = m.hostEmail ? sb.store.findUser(String(m.hostEmail), sb.store.owner.id) : sb.store.owner;
	if (!host) return fail(`Unknown hostEmail: ${String(m.hostEmail)}`);
	const ended = m.ended as (EndOptions & { instances?: number }) | undefined;
	const people = ended?.participants ?? 0;
	const registrants = Number(m.registrants ?? (kind === 'webinar' && m.absentees !== undefined ? people + Number(m.absentees) : 0));
	const approval = m.registration === true || registrants > 0 ? 0 : 2;
	const body: Body = { topic: m.topic ?? `Sandbox ${kind}`, settings: { approval_type: approval, ...(m.settings as Body) } };
	for (const k of ['type', 'start_time', 'duration', 'timezone', 'agenda', 'password', 'recurrence']) if (m[k] !== undefined) body[k] = m[k];
	const s = createSession(sb, kind, host, body, false);
	// Registrants are participant{i}@example.com for i < registrants, so attendees and absentees overlap predictably.
	for (let i = 0; i < registrants; i++) {
		const [first, last] = participantName(i).split(' ');
		addRegistrant(s, { email: participantEmail(i), first_name: first, last_name: last }, 'approved');
	}
	if (ended) {
		const n = Math.max(1, ended.instances ?? 1);
		const ago = ended.endedMinutesAgo ?? 30;
		for (let k = n - 1; k >= 0; k--) endSession(sb, s, { ...ended, endedMinutesAgo: ago + k * 7 * 24 * 60, recording: ended.recording || m.recording === true });
		if (body.start_time === undefined && s.instances.length) s.startMs = s.instances[s.instances.length - 1].startMs;
	}
	return s;
}

function scenario(sb: Sandbox, b: Body) {
	const users = ((b.users as Body[]) ?? []).map((u) => {
		if (typeof u.email !== 'string') return fail('users[].email is required');
		const existing = sb.store.findUser(u.email, sb.store.owner.id);
		return existing ?? sb.store.addUser({ email: u.email, first_name: u.first_name as string, last_name: u.last_name as string, status: u.status as 'active' });
	});
	const meetings = ((b.meetings as Body[]) ?? []).map((m) => sessionSummary(seedSession(sb, 'meeting', m)));
	const webinars = ((b.webinars as Body[]) ?? []).map((m) => sessionSummary(seedSession(sb, 'webinar', m)));
	const recordings = ((b.recordings as Body[]) ?? []).map((r) => {
		const s = [...sb.store.sessions.values()].find((x) => (r.meetingId !== undefined && x.id === Number(r.meetingId)) || (r.topic !== undefined && x.topic === r.topic));
		if (!s) return fail(`No meeting for recording ${JSON.stringify(r)}`);
		const inst = latestInstance(s) ?? endSession(sb, s, { participants: 2 });
		const rec = addRecording(sb, s, inst);
		return { meetingId: s.id, uuid: inst.uuid, files: rec.files.map((f) => ({ id: f.id, file_type: f.fileType, download_url: `${sb.origin}/rec/download/${f.id}` })) };
	});
	return { users, meetings, webinars, recordings };
}

function setConfig(sb: Sandbox, b: Body) {
	const c = sb.config;
	if (b.tokenTtlSeconds !== undefined) c.tokenTtlSeconds = Number(b.tokenTtlSeconds);
	if (b.maxPageSize !== undefined) c.maxPageSize = Number(b.maxPageSize);
	if (b.pageTokenTtlSeconds !== undefined) c.pageTokenTtlSeconds = Number(b.pageTokenTtlSeconds);
	if (b.codeTtlSeconds !== undefined) c.codeTtlSeconds = Number(b.codeTtlSeconds);
	if (b.dailyWriteLimit !== undefined) c.dailyWriteLimit = Number(b.dailyWriteLimit);
	if (b.plan !== undefined) {
		if (!PLANS.includes(b.plan as Plan)) fail(`Unknown plan: ${String(b.plan)} (one of ${PLANS.join(', ')})`);
		c.plan = b.plan as Plan;
		c.rateLimits = { ...PLAN_LIMITS[c.plan] };
		sb.limiter.reset(false);
	}
	if (b.rateLimits) {
		for (const [k, v] of Object.entries(b.rateLimits as Body)) {
			if (!CATEGORIES.includes(k as Category)) fail(`Unknown rate limit category: ${k}`);
			c.rateLimits = { ...c.rateLimits, [k]: { capacity: Number(v), perSecond: Number(v) } };
		}
		sb.limiter.reset(false); // start the new limits from full buckets
	}
	return c;
}

function addFault(sb: Sandbox, b: Body): Fault {
	if (typeof b.path !== 'string') return fail('path is required');
	const kind = (b.kind ?? 'status') as Fault['kind'];
	if (!['status', 'drop', 'delay'].includes(kind)) fail(`Unknown fault kind: ${kind}`);
	const f: Fault = {
		id: sb.nextFaultId++,
		...(b.method ? { method: String(b.method).toUpperCase() } : {}),
		path: b.path,
		kind,
		status: Number(b.status ?? 500),
		count: Number(b.count ?? 1),
		delayMs: Number(b.delayMs ?? 0),
		...(b.retryAfter !== undefined ? { retryAfter: Number(b.retryAfter) } : {}),
		...(b.body !== undefined ? { body: b.body } : {}),
	};
	sb.faults.push(f);
	return f;
}

function mintToken(sb: Sandbox, b: Body) {
	const kind = (b.kind ?? 'oauth') as App['kind'];
	const app = [...sb.store.apps.values()].find((a) => (b.clientId ? a.clientId === b.clientId : a.kind === kind && a.clientId === (kind === 'oauth' ? sb.defaults.oauthClientId : sb.defaults.s2sClientId)));
	if (!app) return fail('Unknown app');
	const user = b.userEmail ? sb.store.findUser(String(b.userEmail), sb.store.owner.id) : sb.store.owner;
	if (!user) return fail(`Unknown user: ${String(b.userEmail)}`);
	const scopes = Array.isArray(b.scopes) ? (b.scopes as string[]) : app.scopes;
	return issueTokens(sb, app, user.id, scopes, b.ttlSeconds !== undefined ? Number(b.ttlSeconds) : undefined);
}

function addApp(sb: Sandbox, b: Body): App {
	const kind = (b.kind ?? 'oauth') as App['kind'];
	if (kind !== 'oauth' && kind !== 's2s') fail('kind must be oauth or s2s');
	const app: App = {
		clientId: String(b.clientId ?? `app-${zoomUserId()}`),
		clientSecret: String(b.clientSecret ?? zoomUserId()),
		kind,
		accountId: sb.store.accountId,
		scopes: Array.isArray(b.scopes) ? (b.scopes as string[]) : ALL_SCOPES,
	};
	sb.store.apps.set(app.clientId, app);
	return app;
}

type Handler = (sb: Sandbox, b: Body, p: Record<string, string>, url: URL) => unknown;

function sessionFor(sb: Sandbox, kind: Kind, id: string): Session {
	const s = sb.store.session(kind, Number(id));
	return s ?? fail(`${kind} ${id} does not exist`);
}

const ROUTES: [string, string, Handler][] = [
	['GET', '/_sandbox/health', () => ({ ok: true })],
	['POST', '/_sandbox/reset', (sb) => (sb.reset(), { ok: true })],
	['GET', '/_sandbox/config', (sb) => sb.config],
	['POST', '/_sandbox/config', (sb, b) => setConfig(sb, b)],
	['POST', '/_sandbox/scenario', (sb, b) => scenario(sb, b)],
	['POST', '/_sandbox/meetings/:id/start', (sb, _b, p) => startSession(sb, 'meeting', p.id)],
	['POST', '/_sandbox/webinars/:id/start', (sb, _b, p) => startSession(sb, 'webinar', p.id)],
	['POST', '/_sandbox/meetings/:id/end', (sb, b, p) => endAndPublish(sb, 'meeting', p.id, b as EndOptions)],
	['POST', '/_sandbox/webinars/:id/end', (sb, b, p) => endAndPublish(sb, 'webinar', p.id, b as EndOptions)],
	['POST', '/_sandbox/summaries', (sb, b) => summaryReady(sb, b)],
	['POST', '/_sandbox/engagement', (sb, b) => seedEngagement(sb, b)],
	['POST', '/_sandbox/tracking_sources', (sb, b) => seedTrackingSources(sb, b)],
	['GET', '/_sandbox/faults', (sb) => sb.faults],
	['POST', '/_sandbox/faults', (sb, b) => addFault(sb, b)],
	['DELETE', '/_sandbox/faults', (sb) => ((sb.faults = []), { ok: true })],
	['GET', '/_sandbox/requests', (sb) => sb.log],
	['DELETE', '/_sandbox/requests', (sb) => (sb.clearLog(), { ok: true })],
	['GET', '/_sandbox/stats', (sb) => sb.stats],
	['POST', '/_sandbox/tokens', (sb, b) => mintToken(sb, b)],
	['POST', '/_sandbox/apps', (sb, b) => addApp(sb, b)],
	['POST', '/_sandbox/webhooks/send', (sb, b) => sendWebhook(sb, b)],
	['POST', '/_sandbox/webhooks/validate', (sb, b) => (typeof b.url === 'string' ? sb.webhooks.validate(b as { url: string }) : fail('url is required'))],
	['GET', '/_sandbox/webhooks/deliveries', (sb) => sb.webhooks.deliveries],
	['GET', '/_sandbox/event_subscriptions', (sb) => [...sb.store.eventSubscriptions.values()].map((e) => ({ ...e, userIds: [...e.userIds] }))],
	['POST', '/_sandbox/events', (sb, b) => publishEvent(sb, b)],
	['POST', '/_sandbox/websockets/subscriptions', (sb, b) => sb.websockets.addSubscription(b)],
	['GET', '/_sandbox/websockets/connections', (sb) => sb.websockets.connections],
	['POST', '/_sandbox/websockets/send', (sb, b) => (typeof b.event === 'string' ? sb.websockets.send(b as unknown as SendOptions) : fail('event is required'))],
	['POST', '/_sandbox/websockets/kill', (sb, b) => sb.websockets.kill(b.subscriptionId as string | undefined)],
	['POST', '/_sandbox/websockets/expire', (sb, b) => sb.websockets.expireTokens(b.subscriptionId as string | undefined)],
	['POST', '/_sandbox/websockets/settings', (sb, b) => ((sb.websockets.heartbeatTimeoutSeconds = Number(b.heartbeatTimeoutSeconds ?? sb.websockets.heartbeatTimeoutSeconds)), { heartbeatTimeoutSeconds: sb.websockets.heartbeatTimeoutSeconds })],
];

/** End the session, then deliver {kind}.ended to the event subscriptions that have it, as Zoom would. */
async function endAndPublish(sb: Sandbox, kind: Kind, id: string, o: EndOptions) {
	const s = sessionFor(sb, kind, id);
	const ended = { id: Number(id), ...instanceJson(endSession(sb, s, o)) };
	const deliveries = await publish(sb, { event: `${kind}.ended`, ...(kind === 'meeting' ? { meetingId: s.id } : { webinarId: s.id }) }, s.hostId);
	return { ...ended, deliveries };
}

/** Deliver any event to the subscriptions that have it: `{event, meetingId?|webinarId?, userId?, participantIndex?}`. */
async function publishEvent(sb: Sandbox, b: Body) {
	if (typeof b.event !== 'string') return fail('event is required');
	const sessionId = b.meetingId ?? b.webinarId;
	const session = sessionId !== undefined ? sb.store.sessions.get(Number(sessionId)) : undefined;
	const userId = typeof b.userId === 'string' ? b.userId : (session?.hostId ?? sb.store.owner.id);
	return await publish(sb, { ...(b as Omit<SendOptions, 'url'>), event: b.event }, userId);
}

function startSession(sb: Sandbox, kind: Kind, id: string) {
	const s = sessionFor(sb, kind, id);
	s.status = 'started';
	s.liveSinceMs = Math.floor(Date.now() / 1000) * 1000;
	return { id: s.id, uuid: s.uuid, status: s.status, start_time: isoSeconds(s.liveSinceMs) };
}

/**
 * A summary becomes ready: seeded, and with `sendTo` (a webhook URL) announced there as Zoom does, with
 * meeting.summary_completed (`secretToken` as for /_sandbox/webhooks/send).
 */
async function summaryReady(sb: Sandbox, b: Body) {
	const seeded = seedSummary(sb, b);
	if (typeof b.sendTo !== 'string') return seeded;
	const delivery = await sb.webhooks.send({
		url: b.sendTo,
		event: 'meeting.summary_completed',
		meetingId: seeded.meetingId,
		uuid: seeded.uuid,
		...(typeof b.secretToken === 'string' ? { secretToken: b.secretToken } : {}),
	});
	return { ...seeded, delivery };
}

function sendWebhook(sb: Sandbox, b: Body) {
	if (typeof b.url !== 'string' || typeof b.event !== 'string') return fail('url and event are required');
	return sb.webhooks.send(b as unknown as SendOptions);
}

const COMPILED = ROUTES.map(([m, p, h]) => ({ method: m, pattern: compile(p), handler: h }));

export async function handleControl(sb: Sandbox, method: string, url: URL, raw: Buffer): Promise<Reply> {
	const segs = rawSegments(url.pathname);
	for (const r of COMPILED) {
		const params = r.method === method ? matchPattern(r.pattern, segs) : undefined;
		if (!params) continue;
		try {
			const body = raw.length ? (JSON.parse(raw.toString('utf8')) as Body) : {};
			return json(200, (await r.handler(sb, body, params, url)) ?? { ok: true });
		} catch (e) {
			if (e instanceof ControlError || e instanceof SyntaxError) return json(400, { error: e.message });
			if (e instanceof ZoomError) return json(e.status, e.body());
			throw e;
		}
	}
	return json(404, { error: `No control route ${method} ${url.pathname}` });
}
