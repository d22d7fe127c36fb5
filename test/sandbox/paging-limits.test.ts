/** Paging, UUID encoding, rate limits, faults and the request log. */
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

describe('paging over 10,000 participants', () => {
	let meetingId: number;
	beforeAll(async () => {
		const started = Date.now();
		const s = await h.control('POST', '/scenario', { meetings: [{ topic: 'Big', ended: { participants: 10000 } }] });
		meetingId = s.meetings[0].id;
		expect(Date.now() - started).toBeLessThan(2000);
	});

	it('34 pages of at most 300, every row once, "" at the end', async () => {
		const seen = new Set<string>();
		let token = '';
		let pages = 0;
		do {
			const res = await api.get(`/past_meetings/${meetingId}/participants`, { params: { page_size: 300, ...(token ? { next_page_token: token } : {}) } });
			expect(res.status).toBe(200);
			expect(res.data.total_records).toBe(10000);
			expect(res.data.page_size).toBe(300);
			expect(res.data.page_count).toBe(34);
			expect(res.data.participants.length).toBeLessThanOrEqual(300);
			for (const p of res.data.participants) seen.add(p.user_id);
			token = res.data.next_page_token;
			pages++;
		} while (token);
		expect(pages).toBe(34);
		expect(seen.size).toBe(10000);
	});

	it('page_size is clamped to 300 and defaults to 30', async () => {
		expect((await api.get(`/past_meetings/${meetingId}/participants`, { params: { page_size: 1000 } })).data.participants).toHaveLength(300);
		expect((await api.get(`/past_meetings/${meetingId}/participants`)).data.participants).toHaveLength(30);
	});

	it('a bad or foreign next_page_token → 400 code 300', async () => {
		const bad = await api.get(`/past_meetings/${meetingId}/participants`, { params: { next_page_token: 'garbage' } });
		expect(bad.status).toBe(400);
		expect(bad.data).toEqual({ code: 300, message: 'The next page token is invalid or expired.' });
		// A token is bound to its query: reusing it on another endpoint fails.
		const first = await api.get(`/past_meetings/${meetingId}/participants`);
		const other = await api.get('/users', { params: { next_page_token: first.data.next_page_token } });
		expect(other.status).toBe(400);
		expect(other.data.code).toBe(300);
	});

	it('page tokens expire', async () => {
		await h.control('POST', '/config', { pageTokenTtlSeconds: 0.2 });
		const first = await api.get(`/past_meetings/${meetingId}/participants`);
		await new Promise((r) => setTimeout(r, 300));
		const late = await api.get(`/past_meetings/${meetingId}/participants`, { params: { next_page_token: first.data.next_page_token } });
		expect(late.status).toBe(400);
		await h.control('POST', '/config', { pageTokenTtlSeconds: 900 });
	});
});

describe('UUID paths', () => {
	it.each(['slash', 'double-slash'] as const)('a %s UUID works double-encoded and single-encoded', async (uuidStyle) => {
		const s = await h.control('POST', '/scenario', { meetings: [{ topic: `UUID ${uuidStyle}`, ended: { participants: 3, uuidStyle } }] });
		const uuid: string = s.meetings[0].latestUuid;
		expect(uuidStyle === 'slash' ? uuid.startsWith('/') : uuid.includes('//')).toBe(true);
		for (const times of [2, 1] as const) {
			const res = await api.get(`/past_meetings/${encodeUuid(uuid, times)}`);
			expect(res.status).toBe(200);
			expect(res.data.uuid).toBe(uuid);
			expect(res.data.id).toBe(s.meetings[0].id);
		}
		const parts = await api.get(`/past_meetings/${encodeUuid(uuid, 2)}/participants`);
		expect(parts.data.total_records).toBe(3);
	});

	it('an unknown UUID → 404 3001', async () => {
		const res = await api.get(`/past_meetings/${encodeUuid('abcdefghijklmnopqrstuv==', 1)}`);
		expect(res.status).toBe(404);
		expect(res.data.code).toBe(3001);
	});
});

describe('rate limits (https://developers.zoom.us/docs/api/rate-limits/)', () => {
	afterEach(() => h.control('POST', '/config', { plan: 'business' }));

	it('X-RateLimit-Limit/-Remaining carry the plan’s daily quota, never a per-second rate', async () => {
		// Business+: Light and Medium have no daily quota, Heavy shares 60,000 a day with Resource-intensive.
		const light = await api.get('/users/me');
		expect(light.headers['x-ratelimit-category']).toBe('Light');
		expect(light.headers['x-ratelimit-limit']).toBeUndefined();
		const heavy = await api.get('/report/users/me/meetings');
		expect(heavy.headers['x-ratelimit-category']).toBe('Heavy');
		expect(heavy.headers['x-ratelimit-limit']).toBe('60000');
		// Free: every category has its own daily quota (Light 6,000, Medium 2,000).
		await h.control('POST', '/config', { plan: 'free' });
		const free = await api.get('/users/me');
		expect(free.headers['x-ratelimit-limit']).toBe('6000');
		expect(free.headers['x-ratelimit-remaining']).toBe('5999');
		expect((await api.get('/users')).headers['x-ratelimit-limit']).toBe('2000');
		const unauth = await h.http.get('/v2/users/me');
		expect(unauth.headers['x-ratelimit-category']).toBe('Light');
	});

	it('follows the plan’s per-second rate: Free allows 4 Light calls in a second, then Zoom’s per-second 429', async () => {
		await h.control('POST', '/config', { plan: 'free' });
		const results = await Promise.all(Array.from({ length: 7 }, () => api.get('/users/me')));
		expect(results.filter((r) => r.status === 200)).toHaveLength(4);
		const limited = results.filter((r) => r.status === 429);
		expect(limited).toHaveLength(3);
		const r = limited[0];
		expect(r.data).toEqual({ code: 429, message: 'You have reached the maximum per-second rate limit for this API. Try again later.' });
		expect(r.headers['x-ratelimit-type']).toBe('QPS');
		expect(r.headers['x-ratelimit-category']).toBe('Light');
		expect(r.headers['retry-after']).toBeUndefined();
		// Another category has its own bucket.
		expect((await api.get('/users')).status).toBe(200);
		await new Promise((res) => setTimeout(res, 1000));
		expect((await api.get('/users/me')).status).toBe(200);
		const stats = await h.control('GET', '/stats');
		expect(stats.rateLimited).toBeGreaterThanOrEqual(3);
	});

	it('a spent daily quota → Zoom’s daily 429 with X-RateLimit-Type Daily-limit and Retry-After at 00:00 UTC', async () => {
		await h.control('POST', '/config', { plan: 'free', rateLimits: { Medium: 5000 } });
		for (let i = 0; i < 2000; i += 50) await Promise.all(Array.from({ length: 50 }, () => api.get('/users', { params: { page_size: 1 } })));
		const over = await api.get('/users');
		expect(over.status).toBe(429);
		expect(over.data).toEqual({
			code: 429,
			message: 'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.',
		});
		expect(over.headers['x-ratelimit-type']).toBe('Daily-limit');
		expect(over.headers['x-ratelimit-limit']).toBe('2000');
		expect(over.headers['x-ratelimit-remaining']).toBe('0');
		expect(over.headers['retry-after']).toMatch(/^\d{4}-\d\d-\d\dT00:00:00Z$/);
		// The quota is per category: Light still answers.
		expect((await api.get('/users/me')).status).toBe(200);
	});
});

describe('faults and the request log', () => {
	beforeEach(() => h.control('DELETE', '/faults'));

	it('status faults hit the next n matching requests only', async () => {
		await h.control('POST', '/faults', { method: 'GET', path: '/users/me', kind: 'status', status: 500, count: 2 });
		expect((await api.get('/users')).status).toBe(200); // path does not match
		expect((await api.get('/users/me')).status).toBe(500);
		expect((await api.get('/users/me')).status).toBe(500);
		expect((await api.get('/users/me')).status).toBe(200);
	});

	it('a 429 fault carries Retry-After; regex paths work', async () => {
		await h.control('POST', '/faults', { path: '^/v2/meetings/\\d+$', kind: 'status', status: 429, retryAfter: 3, count: 1 });
		const res = await api.get('/meetings/12345678901');
		expect(res.status).toBe(429);
		expect(res.headers['retry-after']).toBe('3');
		expect(res.headers['x-ratelimit-type']).toBe('QPS');
		expect((await api.get('/meetings/12345678901')).status).toBe(404);
	});

	it('drop destroys the socket without a response', async () => {
		await h.control('POST', '/faults', { path: '/v2/users/me', kind: 'drop', count: 1 });
		await expect(api.get('/users/me')).rejects.toMatchObject({ code: expect.stringMatching(/ECONNRESET|socket hang up|ERR_/) });
		expect((await api.get('/users/me')).status).toBe(200);
	});

	it('delay holds the response', async () => {
		await h.control('POST', '/faults', { path: '/users/me', kind: 'delay', delayMs: 300, count: 1 });
		const t = Date.now();
		expect((await api.get('/users/me')).status).toBe(200);
		expect(Date.now() - t).toBeGreaterThanOrEqual(290);
	});

	it('the request log records method, path, query, status, category and token kind', async () => {
		await h.control('DELETE', '/requests');
		await api.get('/users', { params: { status: 'active' } });
		await h.http.get('/v2/users/me');
		await h.http.post('/oauth/token', 'grant_type=bogus');
		const log = await h.control('GET', '/requests');
		expect(log).toHaveLength(3);
		expect(log[0]).toMatchObject({ method: 'GET', path: '/v2/users', query: { status: 'active' }, status: 200, category: 'Medium', tokenKind: 's2s' });
		expect(log[1]).toMatchObject({ path: '/v2/users/me', status: 401, tokenKind: 'none' });
		expect(log[2]).toMatchObject({ method: 'POST', path: '/oauth/token', status: 400 });
		const stats = await h.control('GET', '/stats');
		expect(stats.byRoute['GET /v2/users']).toBe(1);
		expect(stats.byStatus['401']).toBe(1);
	});

	it('reset clears data, logs and faults', async () => {
		const s = await h.control('POST', '/scenario', { meetings: [{ topic: 'to be wiped' }] });
		await h.control('POST', '/faults', { path: '/users', kind: 'status', status: 503, count: 5 });
		await h.control('POST', '/reset');
		const fresh = h.api(await h.token());
		expect((await fresh.get('/users/me')).status).toBe(200);
		expect((await fresh.get(`/meetings/${s.meetings[0].id}`)).status).toBe(404);
		expect(await h.control('GET', '/faults')).toEqual([]);
		expect((await api.get('/users/me')).status).toBe(401); // tokens are gone too
		api = fresh;
	});
});
