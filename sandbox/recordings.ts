// Cloud recordings (https://developers.zoom.us/docs/api/meetings/#tag/cloud-recording) and file download: /rec/download/{fileId} (auth) → 302 → signed
// /rec/storage/{fileId} URL that serves the bytes, like Zoom's redirect to its storage host.
import { createHmac, randomBytes } from 'node:crypto';
import type { CloudRecordingGetMeetingRecordingsResponse, CloudRecordingListAllRecordingsResponse } from '@zoom/rivet/meetings';
import type { Ctx, RequestMeta, Route, Sandbox } from './core';
import { route } from './core';
import { recordingFiles } from './data';
import { ZoomError, isoSeconds, json, randomToken } from './http';
import type { Reply } from './http';
import { paginate } from './paging';
import type { Instance, Recording, Session } from './store';
import { latestInstance } from './store';
import { userParam } from './users';
import { bearer } from './auth';

const storageKey = randomBytes(32);

/** Attach the standard four files to an ended instance (idempotent). */
export function addRecording(sb: Sandbox, session: Session, instance: Instance): Recording {
	if (instance.recording) return instance.recording;
	const host = sb.store.users.find((u) => u.id === session.hostId);
	const files = recordingFiles(instance, host ? `${host.first_name} ${host.last_name}`.trim() : 'Host');
	instance.recording = { instanceUuid: instance.uuid, sessionId: session.id, files, shareId: randomToken(24) };
	for (const file of files) sb.store.files.set(file.id, { file, instance });
	return instance.recording;
}

/** A download token, as in `download_access_token` or a webhook's `download_token`. */
export function downloadToken(sb: Sandbox, ttlSeconds: number): string {
	const owner = sb.store.owner;
	return sb.store.newToken({ kind: 'download', scopes: [], userId: owner.id, accountId: sb.store.accountId, clientId: '', expiresAt: Date.now() + ttlSeconds * 1000 }).value;
}

/**
 * GET /meetings/{meetingId}/recordings
 * (https://developers.zoom.us/docs/api/meetings/#tag/cloud-recording/GET/meetings/{meetingId}/recordings).
 * Rivet 0.4.0's type lacks share_url and timezone, which Zoom's documented sample answers carry.
 */
type RecordingJson = CloudRecordingGetMeetingRecordingsResponse & { share_url?: string; timezone?: string };
type RecordingFile = NonNullable<RecordingJson['recording_files']>[number];

export function recordingJson(sb: Sandbox, s: Session, inst: Instance): RecordingJson {
	const rec = inst.recording as Recording;
	const total = rec.files.reduce((n, f) => n + f.bytes.length, 0);
	return {
		uuid: inst.uuid,
		id: s.id,
		account_id: sb.store.accountId,
		host_id: s.hostId,
		topic: s.topic,
		type: String(s.type) as RecordingJson['type'],
		start_time: isoSeconds(inst.startMs),
		timezone: s.timezone,
		duration: Math.round((inst.endMs - inst.startMs) / 60000),
		total_size: total,
		recording_count: rec.files.length,
		share_url: `https://us05web.zoom.us/rec/share/${rec.shareId}`,
		password: s.password,
		recording_play_passcode: rec.shareId.slice(0, 32),
		recording_files: rec.files.map((f): RecordingFile => ({
			id: f.id,
			meeting_id: inst.uuid,
			recording_start: isoSeconds(inst.startMs),
			recording_end: isoSeconds(inst.endMs),
			file_type: f.fileType as RecordingFile['file_type'],
			file_extension: f.extension as RecordingFile['file_extension'],
			file_size: f.bytes.length,
			play_url: `https://us05web.zoom.us/rec/play/${f.id}`,
			download_url: `${sb.origin}/rec/download/${f.id}`,
			status: 'completed',
			recording_type: f.recordingType as RecordingFile['recording_type'],
		})),
		participant_audio_files: [],
	};
}

function meetingRecordings(ctx: Ctx) {
	const raw = ctx.params.id;
	const { store } = ctx.sb;
	let found: { s: Session; i: Instance } | undefined;
	if (/^\d+$/.test(raw)) {
		const s = store.sessions.get(Number(raw));
		if (!s) throw new ZoomError(404, 3001, `Meeting does not exist: ${raw}.`);
		const i = latestInstance(s, (x) => x.recording !== undefined);
		if (i) found = { s, i };
	} else {
		const i = store.instances.get(raw);
		const s = i && store.sessions.get(i.sessionId);
		if (s && i?.recording) found = { s, i };
	}
	if (!found) throw new ZoomError(404, 3301, 'There is no recording for this meeting.');
	const body = recordingJson(ctx.sb, found.s, found.i);
	if ((ctx.query.get('include_fields') ?? '').split(',').includes('download_access_token')) {
		const ttl = Math.min(604800, Math.max(0, Number(ctx.query.get('ttl') ?? 86400) || 86400));
		body.download_access_token = downloadToken(ctx.sb, ttl);
	}
	return json(200, body);
}

const DAY = 86400000;
const isDate = (s: string) => /^\d{4}-\d\d-\d\d$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

function userRecordings(ctx: Ctx) {
	const user = userParam(ctx);
	const today = isoSeconds(Date.now()).slice(0, 10);
	const to = ctx.query.get('to') ?? today;
	const from = ctx.query.get('from') ?? isoSeconds(Date.parse(`${to}T00:00:00Z`) - DAY).slice(0, 10);
	if (!isDate(from) || !isDate(to)) throw new ZoomError(400, 300, 'Invalid field.', [{ field: isDate(from) ? 'to' : 'from', message: 'Use yyyy-MM-dd.' }]);
	const f = new Date(`${from}T00:00:00Z`);
	const limit = Date.UTC(f.getUTCFullYear(), f.getUTCMonth() + 1, f.getUTCDate());
	if (Date.parse(`${to}T00:00:00Z`) > limit) throw new ZoomError(400, 300, 'The maximum date range is one month.');
	const meetingId = ctx.query.get('meeting_id');
	const all: { s: Session; i: Instance }[] = [];
	for (const s of ctx.sb.store.sessions.values()) {
		if (s.hostId !== user.id || (meetingId && String(s.id) !== meetingId)) continue;
		for (const i of s.instances) {
			const day = isoSeconds(i.startMs).slice(0, 10);
			if (i.recording && day >= from && day <= to) all.push({ s, i });
		}
	}
	all.sort((a, b) => b.i.startMs - a.i.startMs);
	const { items, page_size, total_records, next_page_token } = paginate(ctx, all);
	const answer: CloudRecordingListAllRecordingsResponse = { from, to, page_size, total_records, next_page_token, meetings: items.map(({ s, i }) => recordingJson(ctx.sb, s, i)) };
	return json(200, answer);
}

export const recordingRoutes: Route[] = [
	route('GET', '/meetings/:id/recordings', 'Light', 'cloud_recording:read:list_recording_files', 'recording:read', meetingRecordings),
	route('GET', '/users/:userId/recordings', 'Medium', 'cloud_recording:read:list_user_recordings', 'recording:read', userRecordings),
];

const sign = (fileId: string, expires: number) => createHmac('sha256', storageKey).update(`${fileId}:${expires}`).digest('hex');

/** GET /rec/download/{fileId} and GET /rec/storage/{fileId}. */
export function handleDownload(sb: Sandbox, url: URL, authorization: string | undefined, meta: RequestMeta): Reply {
	const m = /^\/rec\/(download|storage)\/([^/]+)$/.exec(url.pathname);
	const entry = m ? sb.store.files.get(decodeURIComponent(m[2])) : undefined;
	if (m?.[1] === 'storage') {
		const expires = Number(url.searchParams.get('expires'));
		const ok = entry && expires > Date.now() / 1000 && url.searchParams.get('signature') === sign(entry.file.id, expires);
		if (!entry || !ok) return { status: 403, headers: { 'content-type': 'application/xml' }, raw: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired or signature is invalid</Message></Error>' };
		const f = entry.file;
		return { status: 200, raw: f.bytes, headers: { 'content-type': f.contentType, 'content-length': f.bytes.length, 'content-disposition': `attachment; filename="${f.filename}"` } };
	}
	try {
		// The legacy ?access_token= form is still honoured on download URLs (https://developers.zoom.us/docs/api/meetings/#tag/cloud-recording).
		const q = url.searchParams.get('access_token');
		bearer(sb, q ? `Bearer ${q}` : authorization, meta, true);
	} catch (e) {
		if (e instanceof ZoomError) return json(e.status, e.body());
		throw e;
	}
	if (!entry) return json(404, { code: 3301, message: 'There is no recording for this meeting.' });
	const expires = Math.floor(Date.now() / 1000) + 300;
	const location = `${sb.origin}/rec/storage/${entry.file.id}?expires=${expires}&signature=${sign(entry.file.id, expires)}`;
	return { status: 302, headers: { location } };
}
