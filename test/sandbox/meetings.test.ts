/** Users, meetings and webinars (https://developers.zoom.us/docs/api/users/, https://developers.zoom.us/docs/api/meetings/) against the sandbox over real HTTP. */
import type { AxiosInstance } from 'axios';
import { SANDBOX_DEFAULTS as D, startHarness } from './helpers';
import type { Harness } from './helpers';

let h: Harness;
let api: AxiosInstance;
beforeAll(async () => {
	h = await startHarness();
	api = h.api(await h.token());
});
afterAll(() => h.sandbox.close());

describe('users', () => {
	it('GET /users/{me|id|email} returns the same user; unknown → 404 1001', async () => {
		const me = await api.get('/users/me');
		expect(me.status).toBe(200);
		expect(me.headers['x-zm-trackingid']).toMatch(/^v=2\.0;clid=\w+;rid=WEB_[0-9a-f]+$/);
		expect((await api.get(`/users/${me.data.id}`)).data.email).toBe(D.meEmail);
		expect((await api.get(`/users/${encodeURIComponent(D.meEmail)}`)).data.id).toBe(D.meUserId);
		const missing = await api.get('/users/nobody@example.com');
		expect(missing.status).toBe(404);
		expect(missing.data).toEqual({ code: 1001, message: 'User does not exist: nobody@example.com.' });
	});

	it('GET /users filters by status and pages', async () => {
		await h.control('POST', '/scenario', {
			users: [
				{ email: 'a@example.com', first_name: 'A', last_name: 'One' },
				{ email: 'b@example.com', first_name: 'B', last_name: 'Two', status: 'inactive' },
			],
		});
		const active = await api.get('/users', { params: { page_size: 1 } });
		expect(active.status).toBe(200);
		expect(active.data).toMatchObject({ page_size: 1, total_records: 2, page_count: 2, page_number: 1 });
		expect(active.data.users).toHaveLength(1);
		expect(active.data.next_page_token).not.toBe('');
		const inactive = await api.get('/users', { params: { status: 'inactive' } });
		expect(inactive.data.users.map((u: { email: string }) => u.email)).toEqual(['b@example.com']);
		expect(inactive.data.next_page_token).toBe('');
	});
});

describe('meetings CRUD', () => {
	it('create → 201 with the full object Zoom answers to Create a meeting', async () => {
		const res = await api.post('/users/me/meetings', { topic: 'Weekly sync', type: 2, start_time: '2031-03-04T15:00:00Z', duration: 45, timezone: 'Europe/Berlin', settings: { waiting_room: true } });
		expect(res.status).toBe(201);
		const m = res.data;
		expect(typeof m.id).toBe('number');
		expect(String(m.id)).toMatch(/^\d{10,11}$/);
		expect(m.uuid).toMatch(/^[A-Za-z0-9+/]{22}==$/);
		expect(m).toMatchObject({ host_id: D.meUserId, topic: 'Weekly sync', type: 2, status: 'waiting', start_time: '2031-03-04T15:00:00Z', duration: 45, timezone: 'Europe/Berlin' });
		for (const k of ['join_url', 'start_url', 'password', 'h323_password', 'pstn_password', 'encrypted_password']) expect(typeof m[k]).toBe('string');
		expect(m.join_url).toContain(String(m.id));
		expect(m.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		expect(m.settings).toMatchObject({ waiting_room: true, approval_type: 2 });
	});

	it('a local start_time is read in the given timezone', async () => {
		const res = await api.post('/users/me/meetings', { topic: 'Local', start_time: '2031-07-01T09:30:00', timezone: 'America/Los_Angeles' });
		expect(res.data.start_time).toBe('2031-07-01T16:30:00Z');
	});

	it('recurring type 8 gets occurrences', async () => {
		const res = await api.post('/users/me/meetings', { topic: 'Daily', type: 8, start_time: '2031-01-05T10:00:00Z', duration: 15, recurrence: { type: 1, repeat_interval: 1, end_times: 3 } });
		expect(res.status).toBe(201);
		expect(res.data.occurrences).toHaveLength(3);
		expect(res.data.occurrences.map((o: { start_time: string }) => o.start_time)).toEqual(['2031-01-05T10:00:00Z', '2031-01-06T10:00:00Z', '2031-01-07T10:00:00Z']);
		const occ = res.data.occurrences[1].occurrence_id;
		expect((await api.delete(`/meetings/${res.data.id}`, { params: { occurrence_id: occ } })).status).toBe(204);
		const after = await api.get(`/meetings/${res.data.id}`);
		expect(after.data.occurrences[1].status).toBe('deleted');
		expect((await api.delete(`/meetings/${res.data.id}`, { params: { occurrence_id: 'nope' } })).data.code).toBe(300);
	});

	it('PATCH → 204 empty, settings merged; DELETE → 204; then 404 3001', async () => {
		const { data: m } = await api.post('/users/me/meetings', { topic: 'Patch me', settings: { mute_upon_entry: true } });
		const patch = await api.patch(`/meetings/${m.id}`, { topic: 'Patched', settings: { waiting_room: true } });
		expect(patch.status).toBe(204);
		expect(patch.data).toBe('');
		const got = await api.get(`/meetings/${m.id}`);
		expect(got.data.topic).toBe('Patched');
		expect(got.data.settings).toMatchObject({ mute_upon_entry: true, waiting_room: true });
		expect((await api.delete(`/meetings/${m.id}`)).status).toBe(204);
		const gone = await api.get(`/meetings/${m.id}`);
		expect(gone.status).toBe(404);
		expect(gone.data).toEqual({ code: 3001, message: `Meeting does not exist: ${m.id}.` });
		expect((await api.patch(`/meetings/${m.id}`, { topic: 'x' })).data.code).toBe(3001);
	});

	it('validation errors → 400 code 300 with errors[]', async () => {
		const res = await api.post('/users/me/meetings', { topic: 'Bad', start_time: 'tomorrow at noon' });
		expect(res.status).toBe(400);
		expect(res.data.code).toBe(300);
		expect(res.data.errors[0].field).toBe('start_time');
		expect((await api.post('/users/me/meetings', { topic: 'x', password: 'this-is-way-too-long' })).data.errors[0].field).toBe('password');
		expect((await api.post('/users/me/meetings', { topic: 'x', type: 8 })).data.code).toBe(300);
		const bad = await api.post('/users/me/meetings', '{not json', { headers: { 'content-type': 'application/json' } });
		expect(bad.status).toBe(400);
		expect(bad.data.code).toBe(300);
	});

	it('create for an unknown user → 404 1001', async () => {
		const res = await api.post('/users/ghost@example.com/meetings', { topic: 'x' });
		expect(res.status).toBe(404);
		expect(res.data.code).toBe(1001);
	});

	it('list by type: upcoming vs previous', async () => {
		const s = await h.control('POST', '/scenario', { users: [{ email: 'lister@example.com', first_name: 'L', last_name: 'S' }] });
		const userId = s.users[0].id;
		await api.post(`/users/${userId}/meetings`, { topic: 'Future', start_time: '2035-01-01T00:00:00Z' });
		await api.post(`/users/${userId}/meetings`, { topic: 'Past', start_time: '2020-01-01T00:00:00Z' });
		const topics = async (type: string) => (await api.get(`/users/${userId}/meetings`, { params: { type } })).data.meetings.map((m: { topic: string }) => m.topic);
		expect(await topics('scheduled')).toEqual(['Past', 'Future']);
		expect(await topics('upcoming')).toEqual(['Future']);
		expect(await topics('previous_meetings')).toEqual(['Past']);
		const list = await api.get(`/users/${userId}/meetings`);
		expect(list.data).toMatchObject({ page_size: 30, total_records: 2, next_page_token: '', page_number: 1, page_count: 1 });
	});

	it('invitation text names the meeting', async () => {
		const { data: m } = await api.post('/users/me/meetings', { topic: 'Invite topic' });
		const res = await api.get(`/meetings/${m.id}/invitation`);
		expect(res.status).toBe(200);
		expect(res.data.invitation).toContain('Invite topic');
		expect(res.data.invitation).toContain(m.join_url);
	});

	it('the 101st create/update of a user in a UTC day → 429 per-user message', async () => {
		await h.control('POST', '/config', { dailyWriteLimit: 3 });
		const s = await h.control('POST', '/scenario', { users: [{ email: 'busy@example.com' }, { email: 'idle@example.com' }] });
		const uid = s.users[0].id;
		const { data: m } = await api.post(`/users/${uid}/meetings`, { topic: '1' });
		expect((await api.patch(`/meetings/${m.id}`, { topic: '2' })).status).toBe(204);
		expect((await api.post(`/users/${uid}/meetings`, { topic: '3' })).status).toBe(201);
		const over = await api.post(`/users/${uid}/meetings`, { topic: '4' });
		expect(over.status).toBe(429);
		expect(over.data).toEqual({ code: 429, message: 'You have exceeded the daily rate limit (3) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00.' });
		// As captured from Zoom (https://devforum.zoom.us/t/18928): neither Retry-After nor X-RateLimit-Type.
		expect(over.headers['retry-after']).toBeUndefined();
		expect(over.headers['x-ratelimit-type']).toBeUndefined();
		// Other users are not affected.
		expect((await api.post(`/users/${s.users[1].id}/meetings`, { topic: 'other' })).status).toBe(201);
		await h.control('POST', '/config', { dailyWriteLimit: 100 });
	});
});

describe('webinars', () => {
	it('create/get/patch/delete with *_passcode naming and 3001 "Webinar does not exist"', async () => {
		const res = await api.post('/users/me/webinars', { topic: 'Launch', type: 5, start_time: '2031-05-05T17:00:00Z', duration: 90 });
		expect(res.status).toBe(201);
		const w = res.data;
		expect(w).toMatchObject({ type: 5, topic: 'Launch', host_id: D.meUserId });
		expect(typeof w.h323_passcode).toBe('string');
		expect(typeof w.encrypted_passcode).toBe('string');
		expect(w.h323_password).toBeUndefined();
		expect((await api.post('/users/me/webinars', { topic: 'x', type: 2 })).data.code).toBe(300);
		expect((await api.patch(`/webinars/${w.id}`, { agenda: 'New agenda' })).status).toBe(204);
		expect((await api.get(`/webinars/${w.id}`)).data.agenda).toBe('New agenda');
		const list = await api.get('/users/me/webinars');
		expect(list.data.webinars.map((x: { id: number }) => x.id)).toContain(w.id);
		expect((await api.delete(`/webinars/${w.id}`)).status).toBe(204);
		const gone = await api.get(`/webinars/${w.id}`);
		expect(gone.status).toBe(404);
		expect(gone.data).toEqual({ code: 3001, message: `Webinar does not exist: ${w.id}.` });
		// A webinar id is not a meeting id.
		expect((await api.get(`/meetings/${w.id}`)).data.code).toBe(3001);
	});
});
