// Outgoing webhooks exactly as Zoom sends them (https://developers.zoom.us/docs/api/webhooks/): compact JSON, v0 HMAC signature over
// "v0:{ts}:{body}", retries only on >=500 or network failure, URL validation challenge.
import type { MeetingEndedEvent, WebinarEndedEvent } from '@zoom/rivet/meetings';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Sandbox } from './core';
import { ZoomError, isoSeconds, randomToken } from './http';
import { sessionJson } from './meetings';
import { rowsOf } from './past';
import { addRecording, downloadToken, recordingJson } from './recordings';
import { summaryCompletedPayload } from './summaries';
import type { Instance } from './store';
import { eventPayload } from './eventPayloads';
import { latestInstance } from './store';

export const ZOOM_RETRY_DELAYS_MS = [300000, 1200000, 3600000];

export interface SendOptions {
	url: string;
	event: string;
	payload?: Record<string, unknown>;
	meetingId?: number | string;
	webinarId?: number | string;
	/** The ended instance an event is about (meeting.summary_completed); the latest when absent. */
	uuid?: string;
	participantIndex?: number;
	secretToken?: string;
	eventTs?: number;
	timestampSkewSeconds?: number;
	signature?: 'valid' | 'wrong' | 'missing';
	rawBody?: string;
	retries?: boolean;
	retryDelaysMs?: number[];
	timeoutMs?: number;
}

export interface Attempt {
	deliveryId: string;
	attempt: number;
	url: string;
	event: string;
	time: string;
	trackingId: string;
	requestId: string;
	timestamp: string;
	/** HTTP status, or 0 when the request failed at the network level or timed out. */
	status: number;
	ms: number;
	error?: string;
	responseBody?: string;
}

interface PostResult {
	status: number;
	ms: number;
	body: string;
	error?: string;
}

function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<PostResult> {
	const started = Date.now();
	return new Promise((resolve) => {
		let settled = false;
		const done = (r: Omit<PostResult, 'ms'>) => {
			if (settled) return;
			settled = true;
			resolve({ ...r, ms: Date.now() - started });
		};
		let u: URL;
		try {
			u = new URL(url);
		} catch {
			done({ status: 0, body: '', error: 'invalid url' });
			return;
		}
		const lib = u.protocol === 'https:' ? https : http;
		const req = lib.request(u, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
			res.on('error', (e) => done({ status: 0, body: '', error: e.message }));
		});
		// Zoom gives up after 3 s and counts it as a network failure.
		req.setTimeout(timeoutMs, () => {
			req.destroy();
			done({ status: 0, body: '', error: `timeout after ${timeoutMs} ms` });
		});
		req.on('error', (e) => done({ status: 0, body: '', error: e.message }));
		req.end(body);
	});
}

export const signBody = (secret: string, ts: string, body: string): string => `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;

export class Webhooks {
	deliveries: Attempt[] = [];
	private timers = new Set<NodeJS.Timeout>();

	constructor(private sb: Sandbox) {}

	reset(): void {
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		this.deliveries = [];
	}

	/** Send one delivery; resolves after the first attempt, retries continue in the background. */
	async send(o: SendOptions): Promise<{ deliveryId: string; trackingId: string; body: string; attempts: { status: number; ms: number; error?: string }[] }> {
		const body = o.rawBody ?? JSON.stringify(this.envelope(o));
		const deliveryId = randomUUID();
		const trackingId = `v=2.0;clid=aw1;rid=WEBHOOK_${randomBytes(12).toString('hex')}`;
		const secret = o.secretToken ?? this.sb.defaults.webhookSecretToken;
		const timeoutMs = o.timeoutMs ?? 3000;
		const attemptOnce = async (n: number): Promise<Attempt> => {
			const ts = String(Math.floor(Date.now() / 1000) - (o.timestampSkewSeconds ?? 0));
			const headers: Record<string, string> = {
				'content-type': 'application/json; charset=utf-8',
				'user-agent': 'Zoom Marketplace/1.0a',
				'x-zm-request-timestamp': ts,
				'x-zm-trackingid': trackingId,
				'x-zm-request-id': randomUUID(),
			};
			if (o.signature !== 'missing') headers['x-zm-signature'] = signBody(o.signature === 'wrong' ? `${secret}-wrong` : secret, ts, body);
			const r = await post(o.url, body, headers, timeoutMs);
			const a: Attempt = { deliveryId, attempt: n, url: o.url, event: o.event, time: new Date().toISOString(), trackingId, requestId: headers['x-zm-request-id'], timestamp: ts, status: r.status, ms: r.ms, ...(r.error ? { error: r.error } : {}), responseBody: r.body.slice(0, 2000) };
			this.deliveries.push(a);
			return a;
		};
		const first = await attemptOnce(1);
		const retryable = (a: Attempt) => a.status === 0 || a.status >= 500;
		if (o.retries !== false && retryable(first)) {
			const delays = o.retryDelaysMs ?? ZOOM_RETRY_DELAYS_MS;
			// Each retry waits its delay after the previous failure, as Zoom's +5/+20/+60 min schedule.
			const schedule = (i: number) => {
				if (i >= delays.length) return;
				const t = setTimeout(async () => {
					this.timers.delete(t);
					const a = await attemptOnce(i + 2);
					if (retryable(a)) schedule(i + 1);
				}, delays[i]);
				t.unref();
				this.timers.add(t);
			};
			schedule(0);
		}
		return { deliveryId, trackingId, body, attempts: [{ status: first.status, ms: first.ms, ...(first.error ? { error: first.error } : {}) }] };
	}

	/** Send the endpoint.url_validation challenge and check the answer (https://developers.zoom.us/docs/api/webhooks/#validate-your-webhook-endpoint). */
	async validate(o: { url: string; secretToken?: string; timeoutMs?: number }) {
		const secret = o.secretToken ?? this.sb.defaults.webhookSecretToken;
		const plainToken = randomToken(16);
		const body = JSON.stringify({ payload: { plainToken }, event_ts: Date.now(), event: 'endpoint.url_validation' });
		const ts = String(Math.floor(Date.now() / 1000));
		const r = await post(
			o.url,
			body,
			{
				'content-type': 'application/json; charset=utf-8',
				'user-agent': 'Zoom Marketplace/1.0a',
				'x-zm-request-timestamp': ts,
				'x-zm-signature': signBody(secret, ts, body),
				'x-zm-trackingid': `v=2.0;clid=aw1;rid=WEBHOOK_${randomBytes(12).toString('hex')}`,
				'x-zm-request-id': randomUUID(),
			},
			o.timeoutMs ?? 3000,
		);
		const expected = createHmac('sha256', secret).update(plainToken).digest('hex');
		let parsed: unknown;
		try {
			parsed = JSON.parse(r.body);
		} catch {
			parsed = r.body;
		}
		const p = parsed as { plainToken?: unknown; encryptedToken?: unknown } | undefined;
		const ok = (r.status === 200 || r.status === 204) && r.ms <= 3000 && p?.plainToken === plainToken && p?.encryptedToken === expected;
		return { ok, status: r.status, ms: r.ms, body: parsed, plainToken, expectedEncryptedToken: expected, ...(r.error ? { error: r.error } : {}) };
	}

	/** The event as Zoom sends it (also what the WebSocket delivery carries). */
	envelope(o: SendOptions): Record<string, unknown> {
		const built = o.payload ? { payload: o.payload } : this.build(o);
		return { event: o.event, event_ts: o.eventTs ?? Date.now(), ...built };
	}

	/** Payload for a seeded meeting/webinar (https://developers.zoom.us/docs/api/meetings/events/), or a bare one for other events. */
	private build(o: SendOptions): Record<string, unknown> {
		const { store } = this.sb;
		const accountId = store.accountId;
		const idRaw = o.meetingId ?? o.webinarId;
		// Without a session: the event's sample, shaped as Rivet types it (eventPayloads.ts).
		if (idRaw === undefined) return { payload: eventPayload(store, o.event) ?? { account_id: accountId, object: {} } };
		const s = store.sessions.get(Number(idRaw));
		if (!s) throw new ZoomError(404, 3001, `Meeting does not exist: ${idRaw}.`);
		const host = store.users.find((u) => u.id === s.hostId);
		const latest = latestInstance(s);
		const needEnded = () => {
			if (!latest) throw new ZoomError(400, 3000, `${s.kind} ${s.id} has not ended yet; end it first.`);
			return latest;
		};
		const [, action] = o.event.split('.');
		const base = (inst?: Instance) => ({
			id: String(s.id),
			uuid: inst?.uuid ?? s.uuid,
			host_id: s.hostId,
			topic: s.topic,
			type: s.type,
			start_time: isoSeconds(inst?.startMs ?? s.startMs ?? Date.now()),
			timezone: s.timezone,
			duration: s.duration,
		});
		const operator = { operator: host?.email ?? '', operator_id: s.hostId };
		if (o.event === 'recording.completed' || o.event === 'recording.transcript_completed') {
			const inst = needEnded();
			addRecording(this.sb, s, inst);
			const rec = recordingJson(this.sb, s, inst);
			if (o.event === 'recording.transcript_completed') {
				rec.recording_files = (rec.recording_files ?? []).filter((f) => f.file_type === 'TRANSCRIPT');
				// Not in Rivet's RecordingTranscriptCompletedEvent.
				delete rec.recording_play_passcode;
				delete rec.participant_audio_files;
			}
			// The event types the meeting type as a number where the REST answer has a string (Rivet's RecordingCompletedEvent).
			return { payload: { account_id: accountId, object: { ...rec, type: Number(rec.type), host_email: host?.email ?? '' } }, download_token: downloadToken(this.sb, 86400) };
		}
		// Other recording events (started, stopped, trashed, deleted, recovered, …) are shaped apart from meetings'.
		const shaped = o.event.startsWith('recording.') ? eventPayload(store, o.event, s, o.participantIndex) : undefined;
		if (shaped) return { payload: shaped };
		switch (action) {
			case 'created':
				// Rivet's MeetingCreatedEvent / WebinarCreatedEvent carry a few settings, not the whole REST object.
				return { payload: eventPayload(store, o.event, s) ?? { account_id: accountId, ...operator, operation: 'single', object: sessionJson(this.sb, s) } };
			case 'deleted':
				return { payload: { account_id: accountId, ...operator, operation: 'all', object: { ...base(), id: s.id } } };
			case 'updated':
				return { payload: { account_id: accountId, ...operator, scope: 'single', time_stamp: Date.now(), object: { id: s.id, topic: s.topic }, old_object: { id: s.id, topic: s.topic } } };
			case 'started':
				return { payload: { account_id: accountId, object: base(latest) } };
			case 'ended': {
				// meeting.ended / webinar.ended as Rivet types them
				// (https://developers.zoom.us/docs/api/meetings/events/#tag/meeting/POST/meeting.ended).
				const inst = needEnded();
				const object = { ...base(inst), end_time: isoSeconds(inst.endMs) };
				const ended: MeetingEndedEvent['payload'] | WebinarEndedEvent['payload'] =
					s.kind === 'meeting'
						? { account_id: accountId, object: { ...object, type: s.type as MeetingEndedEvent['payload']['object']['type'] } }
						: { account_id: accountId, object: { ...object, type: s.type as WebinarEndedEvent['payload']['object']['type'] } };
				return { payload: ended };
			}
			case 'summary_completed': {
				const named = o.uuid === undefined ? undefined : store.instances.get(o.uuid);
				if (o.uuid !== undefined && named?.sessionId !== s.id) throw new ZoomError(404, 3001, `Meeting does not exist: ${o.uuid}.`);
				return { payload: summaryCompletedPayload(this.sb, s, named ?? needEnded()) };
			}
			case 'participant_joined':
			case 'participant_left': {
				const inst = needEnded();
				const row = rowsOf(s, inst)[o.participantIndex ?? 0];
				if (!row) throw new ZoomError(400, 300, 'No participant at that index.');
				const participant = {
					user_id: row.user_id,
					user_name: row.name,
					id: row.id,
					participant_uuid: randomUUID(),
					...(action === 'participant_joined' ? { join_time: row.join_time } : { leave_time: row.leave_time, leave_reason: 'left the meeting' }),
					email: row.user_email,
					registrant_id: row.registrant_id,
					participant_user_id: row.id,
					customer_key: '',
					phone_number: '',
				};
				return { payload: { account_id: accountId, object: { ...base(inst), participant } } };
			}
			case 'registration_created': {
				const r = s.registrants[o.participantIndex ?? 0];
				if (!r) throw new ZoomError(400, 300, 'No registrant at that index.');
				return { payload: { account_id: accountId, object: { ...base(), id: s.id, registrant: { id: r.id, first_name: r.first_name, last_name: r.last_name, email: r.email, status: r.status, join_url: r.join_url } } } };
			}
			default:
				// Every other event (registration approved/denied/cancelled, waiting room, recording
				// started/stopped/trashed/…, summaries): its Rivet shape with this session's facts.
				return { payload: eventPayload(store, o.event, s, o.participantIndex) ?? { account_id: accountId, object: base(latest) } };
		}
	}
}
