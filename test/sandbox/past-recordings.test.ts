/** Past sessions and reports, registrants and cloud recordings (https://developers.zoom.us/docs/api/meetings/). */
import axios from 'axios';
import type { AxiosInstance } from 'axios';
import { encodeUuid, startHarness } from './helpers';
import type { Harness } from './helpers';

let h: Harness;
let api: AxiosInstance;
beforeAll(async () => {
	h = await startHarness();
	api = h.api(await h.token());
});
afterAll(() => h.sandbox.close());

interface Row {
	id: string;
	user_id: string;
	user_email: string;
	name: string;
	join_time: string;
	leave_time: string;
	duration: number;
	registrant_id?: string;
}

async function allRows(path: string, params: Record<string, string> = {}): Promise<Row[]> {
	const rows: Row[] = [];
	let token = '';
	do {
		const res = await api.get(path, { params: { page_size: 300, ...params, ...(token ? { next_page_token: token } : {}) } });
		expect(res.status).toBe(200);
		rows.push(...res.data.participants);
		token = res.data.next_page_token;
	} while (token);
	return rows;
}

describe('past meetings', () => {
	it('no past data before the meeting ends; afterwards a new instance with participants', async () => {
		const { data: m } = await api.post('/users/me/meetings', { topic: 'Live soon', duration: 30 });
		const before = await api.get(`/past_meetings/${m.id}/participants`);
		expect(before.status).toBe(400);
		expect(before.data.code).toBe(3000);
		expect((await api.get(`/past_meetings/${m.id}`)).status).toBe(400);
		expect((await api.get(`/report/meetings/${m.id}`)).data.code).toBe(3001);
		expect((await api.get(`/past_meetings/${m.id}/instances`)).data).toEqual({ meetings: [] });

		await h.control('POST', `/meetings/${m.id}/start`);
		expect((await api.get(`/meetings/${m.id}`)).data.status).toBe('started');
		expect((await api.get('/users/me/meetings', { params: { type: 'live' } })).data.meetings.map((x: { id: number }) => x.id)).toEqual([m.id]);
		const ended = await h.control('POST', `/meetings/${m.id}/end`, { participants: 4 });
		expect(ended.uuid).toBe(m.uuid);
		const past = await api.get(`/past_meetings/${m.id}`);
		expect(past.status).toBe(200);
		expect(past.data).toMatchObject({ id: m.id, uuid: ended.uuid, topic: 'Live soon', participants_count: 4 });
		expect(Date.parse(past.data.end_time)).toBeGreaterThanOrEqual(Date.parse(past.data.start_time));

		// A second run gets a new uuid; the numeric id now means the latest one.
		const second = await h.control('POST', `/meetings/${m.id}/end`, { participants: 2 });
		expect(second.uuid).not.toBe(ended.uuid);
		expect((await api.get(`/past_meetings/${m.id}`)).data.uuid).toBe(second.uuid);
		expect((await api.get(`/past_meetings/${encodeUuid(ended.uuid, 2)}/participants`)).data.total_records).toBe(4);
		const inst = await api.get(`/past_meetings/${m.id}/instances`);
		expect(inst.data.meetings.map((i: { uuid: string }) => i.uuid).sort()).toEqual([ended.uuid, second.uuid].sort());
	});

	it('rejoins give several rows per person with distinct user_id; guests have empty email', async () => {
		const s = await h.control('POST', '/scenario', { meetings: [{ topic: 'Rejoins', duration: 60, ended: { participants: 40, rejoinFraction: 0.5, guests: 5 } }] });
		const rows = await allRows(`/past_meetings/${s.meetings[0].id}/participants`);
		expect(rows.length).toBeGreaterThan(40);
		expect(new Set(rows.map((r) => r.user_id)).size).toBe(rows.length);
		const byName = new Map<string, Row[]>();
		for (const r of rows) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
		expect(byName.size).toBe(40);
		const multi = [...byName.values()].filter((rs) => rs.length > 1);
		expect(multi.length).toBeGreaterThanOrEqual(15);
		const overlaps = multi.some((rs) => rs.some((a) => rs.some((b) => a !== b && a.join_time < b.join_time && b.join_time < a.leave_time)));
		expect(overlaps).toBe(true);
		for (const r of rows) expect(r.duration).toBe((Date.parse(r.leave_time) - Date.parse(r.join_time)) / 1000);
		expect(rows.find((r) => r.name === 'Participant 3')?.user_email).toBe('participant3@example.com');
		const guests = rows.filter((r) => r.user_email === '');
		expect(new Set(guests.map((g) => g.name))).toEqual(new Set(['Participant 35', 'Participant 36', 'Participant 37', 'Participant 38', 'Participant 39']));
	});

	it('reports: meeting summary and participants with include_fields=registrant_id', async () => {
		const s = await h.control('POST', '/scenario', { meetings: [{ topic: 'Report me', ended: { participants: 5 } }] });
		const id = s.meetings[0].id;
		const rep = await api.get(`/report/meetings/${id}`);
		expect(rep.status).toBe(200);
		expect(rep.headers['x-ratelimit-category']).toBe('Heavy');
		expect(rep.data).toMatchObject({ id, uuid: s.meetings[0].latestUuid, participants_count: 5 });
		const without = await api.get(`/report/meetings/${id}/participants`);
		expect(without.data.participants[0].registrant_id).toBeUndefined();
		const withReg = await api.get(`/report/meetings/${id}/participants`, { params: { include_fields: 'registrant_id' } });
		expect(withReg.data.participants[0]).toHaveProperty('registrant_id');
		expect(withReg.data.participants[0]).toHaveProperty('participant_user_id');
	});
});

describe('registrants', () => {
	it('registration disabled → 404 code 404', async () => {
		const { data: m } = await api.post('/users/me/meetings', { topic: 'No reg' });
		const res = await api.post(`/meetings/${m.id}/registrants`, { email: 'x@example.com', first_name: 'X' });
		expect(res.status).toBe(404);
		expect(res.data).toEqual({ code: 404, message: `Registration has not been enabled for this meeting: ${m.id}.` });
	});

	it('approval_type 0 approves with a join_url; approval_type 1 is pending without; status updates move them', async () => {
		const { data: auto } = await api.post('/users/me/meetings', { topic: 'Auto', settings: { approval_type: 0 } });
		const a = await api.post(`/meetings/${auto.id}/registrants`, { email: 'ann@example.com', first_name: 'Ann', last_name: 'Lee' });
		expect(a.status).toBe(201);
		expect(a.data).toMatchObject({ id: auto.id, topic: 'Auto' });
		expect(typeof a.data.registrant_id).toBe('string');
		expect(typeof a.data.join_url).toBe('string');
		expect(a.data.start_time).toBeDefined();

		const { data: manual } = await api.post('/users/me/meetings', { topic: 'Manual', settings: { approval_type: 1 } });
		const p = await api.post(`/meetings/${manual.id}/registrants`, { email: 'bob@example.com', first_name: 'Bob' });
		expect(p.status).toBe(201);
		expect(p.data.join_url).toBeUndefined();
		const pending = await api.get(`/meetings/${manual.id}/registrants`, { params: { status: 'pending' } });
		expect(pending.data.registrants.map((r: { email: string }) => r.email)).toEqual(['bob@example.com']);
		expect((await api.get(`/meetings/${manual.id}/registrants`)).data.total_records).toBe(0);
		const upd = await api.put(`/meetings/${manual.id}/registrants/status`, { action: 'approve', registrants: [{ id: p.data.registrant_id, email: 'bob@example.com' }] });
		expect(upd.status).toBe(204);
		const approved = await api.get(`/meetings/${manual.id}/registrants`, { params: { status: 'approved' } });
		expect(approved.data.registrants[0]).toMatchObject({ email: 'bob@example.com', status: 'approved' });
		expect(approved.data.registrants[0].join_url).toContain(String(manual.id));
		await api.put(`/meetings/${manual.id}/registrants/status`, { action: 'deny', registrants: [{ email: 'bob@example.com' }] });
		expect((await api.get(`/meetings/${manual.id}/registrants`, { params: { status: 'denied' } })).data.total_records).toBe(1);
		const tooMany = Array.from({ length: 31 }, (_, i) => ({ email: `r${i}@example.com` }));
		expect((await api.put(`/meetings/${manual.id}/registrants/status`, { action: 'approve', registrants: tooMany })).data.code).toBe(300);
		expect((await api.put(`/meetings/${manual.id}/registrants/status`, { action: 'maybe', registrants: [] })).data.code).toBe(300);
		expect((await api.post(`/meetings/${manual.id}/registrants`, { first_name: 'NoEmail' })).data.code).toBe(300);
	});

	it('webinar with registrants: attendees carry registrant_id, absentees are the rest', async () => {
		const s = await h.control('POST', '/scenario', { webinars: [{ topic: 'Webinar', registrants: 10, ended: { participants: 6 } }] });
		const id = s.webinars[0].id;
		const regs = await api.get(`/webinars/${id}/registrants`, { params: { page_size: 300 } });
		expect(regs.data.total_records).toBe(10);
		const rows = await allRows(`/past_webinars/${id}/participants`);
		expect(rows).toHaveLength(6);
		const regIdByEmail = new Map(regs.data.registrants.map((r: { email: string; id: string }) => [r.email, r.id]));
		for (const r of rows) expect(r.registrant_id).toBe(regIdByEmail.get(r.user_email));
		const abs = await api.get(`/past_webinars/${id}/absentees`);
		expect(abs.status).toBe(200);
		expect(abs.headers['x-ratelimit-category']).toBe('Heavy');
		expect(abs.data.registrants.map((r: { email: string }) => r.email).sort()).toEqual(['participant6@example.com', 'participant7@example.com', 'participant8@example.com', 'participant9@example.com']);
		expect((await api.get(`/report/webinars/${id}`)).data.participants_count).toBe(6);
		expect((await api.get(`/report/webinars/${id}/participants`)).data.total_records).toBe(6);
		expect((await api.get(`/past_webinars/${id}/instances`)).data.webinars).toHaveLength(1);
		// A webinar id is not a past meeting.
		expect((await api.get(`/past_meetings/${id}`)).data.code).toBe(3001);
	});
});

describe('recordings', () => {
	let meetingId: number;
	let files: { id: string; file_type: string; file_extension: string; download_url: string; file_size: number }[];
	beforeAll(async () => {
		const s = await h.control('POST', '/scenario', { meetings: [{ topic: 'Recorded', ended: { participants: 3 } }], recordings: [{ topic: 'Recorded' }] });
		meetingId = s.meetings[0].id;
	});

	it('lists MP4, M4A, VTT transcript and TXT chat with sandbox download URLs', async () => {
		const res = await api.get(`/meetings/${meetingId}/recordings`);
		expect(res.status).toBe(200);
		expect(res.data).toMatchObject({ id: meetingId, type: '2', recording_count: 4, topic: 'Recorded' });
		files = res.data.recording_files;
		expect(files.map((f) => `${f.file_type}/${f.file_extension}`)).toEqual(['MP4/MP4', 'M4A/M4A', 'TRANSCRIPT/VTT', 'CHAT/TXT']);
		for (const f of files) expect(f.download_url).toBe(`${h.sandbox.url}/rec/download/${f.id}`);
		expect(res.data.total_size).toBe(files.reduce((n, f) => n + f.file_size, 0));
	});

	it('download needs auth, then 302 to a signed URL serving the bytes', async () => {
		const vtt = files.find((f) => f.file_type === 'TRANSCRIPT') as (typeof files)[number];
		const anon = await axios.get(vtt.download_url, { validateStatus: () => true, maxRedirects: 0 });
		expect(anon.status).toBe(401);
		const token = await h.token();
		const res = await axios.get(vtt.download_url, { headers: { Authorization: `Bearer ${token}` }, validateStatus: () => true, maxRedirects: 0 });
		expect(res.status).toBe(302);
		const location = res.headers.location as string;
		expect(location.startsWith(`${h.sandbox.url}/rec/storage/`)).toBe(true);
		const file = await axios.get(location, { responseType: 'arraybuffer', validateStatus: () => true });
		expect(file.status).toBe(200);
		expect(file.headers['content-type']).toBe('text/vtt');
		expect(file.headers['content-disposition']).toMatch(/^attachment; filename=".+\.vtt"$/);
		const text = Buffer.from(file.data).toString('utf8');
		expect(text.startsWith('WEBVTT\n\n1\n00:00:01.000 --> ')).toBe(true);
		expect(text).toMatch(/\n[^\n:]+: [^\n]+\n/);
		expect(Buffer.from(file.data).length).toBe(vtt.file_size);
		// A tampered signature is refused.
		expect((await axios.get(location.replace(/signature=[0-9a-f]/, 'signature=z'), { validateStatus: () => true })).status).toBe(403);
	});

	it('the MP4 is a real ISO-BMFF file; ?access_token= works on download URLs', async () => {
		const mp4 = files.find((f) => f.file_type === 'MP4') as (typeof files)[number];
		const token = await h.token();
		const res = await axios.get(`${mp4.download_url}?access_token=${token}`, { responseType: 'arraybuffer' });
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toBe('video/mp4');
		expect(Buffer.from(res.data).subarray(4, 8).toString('latin1')).toBe('ftyp');
	});

	it('download_access_token works for downloads but not for /v2', async () => {
		const res = await api.get(`/meetings/${meetingId}/recordings`, { params: { include_fields: 'download_access_token', ttl: 60 } });
		const dl = res.data.download_access_token as string;
		expect(typeof dl).toBe('string');
		const chat = await axios.get(res.data.recording_files[3].download_url, { headers: { Authorization: `Bearer ${dl}` } });
		expect(chat.headers['content-type']).toBe('text/plain');
		expect(String(chat.data)).toMatch(/^\d\d:\d\d:\d\d\t From {2}.+ : .+\r\n/);
		expect((await h.api(dl).get('/users/me')).status).toBe(401);
	});

	it('no recording → 404 3301; user recordings filter by from/to with a one-month cap', async () => {
		const { data: m } = await api.post('/users/me/meetings', { topic: 'Unrecorded' });
		const none = await api.get(`/meetings/${m.id}/recordings`);
		expect(none.status).toBe(404);
		expect(none.data).toEqual({ code: 3301, message: 'There is no recording for this meeting.' });
		const today = new Date().toISOString().slice(0, 10);
		const weekAgo = new Date(Date.now() - 7 * 86400000).toISOString().slice(0, 10);
		const list = await api.get('/users/me/recordings', { params: { from: weekAgo, to: today } });
		expect(list.status).toBe(200);
		expect(list.data).toMatchObject({ from: weekAgo, to: today, next_page_token: '' });
		expect(list.data.meetings.map((x: { id: number }) => x.id)).toContain(meetingId);
		const wide = await api.get('/users/me/recordings', { params: { from: '2024-01-01', to: '2024-03-01' } });
		expect(wide.status).toBe(400);
		expect(wide.data.code).toBe(300);
	});
});
