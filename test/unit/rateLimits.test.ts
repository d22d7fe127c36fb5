/**
 * The transport against Zoom's real rate-limit answers (https://developers.zoom.us/docs/api/rate-limits/):
 * X-RateLimit-Limit is a daily quota, not a rate; a daily-limit 429 fails at once; a per-second 429 without
 * Retry-After waits out Zoom's one-second window. n8n's `sleep` is replaced by a recorder, so nothing waits.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { describeDailyLimit } from 'n8n-nodes-zoom-connector/nodes/shared/transport/errors';
import { zoomApiRequest, ZOOM_ACCOUNT_APP } from 'n8n-nodes-zoom-connector/nodes/shared/transport';
import { nextUtcMidnight, tooManyRequestsKind } from 'n8n-nodes-zoom-connector/nodes/shared/transport/tooManyRequests';

const slept: number[] = [];
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async (ms: number) => {
		slept.push(ms);
	}),
}));

const PER_SECOND = 'You have reached the maximum per-second rate limit for this API. Try again later.';
const DAILY =
	'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.';
const USER_DAILY =
	'You have exceeded the daily rate limit (100) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00.';

type Answer = { status: number; headers?: Record<string, string>; body?: unknown };

/** A node context whose HTTP helper answers from `answers` in turn (the last one repeats), as n8n throws them. */
function zoomContext(answers: Answer[], credentials: Record<string, unknown> = {}) {
	const calls: Array<{ method: string; url: string }> = [];
	let credentialId = `cred-${Math.random()}`;
	const httpRequestWithAuthentication = jest.fn(async (_type: string, options: { method: string; url: string }) => {
		calls.push({ method: options.method, url: options.url });
		const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
		if (answer.status < 400) return { body: answer.body ?? {}, headers: answer.headers ?? {}, statusCode: answer.status };
		throw Object.assign(new Error(`Request failed with status code ${answer.status}`), {
			response: { status: answer.status, headers: answer.headers ?? {}, data: answer.body },
		});
	});
	const context = {
		getInputData: () => [{ json: {} }],
		getNodeParameter: () => ZOOM_ACCOUNT_APP,
		getNode: () => ({ name: 'Zoom', type: 'zoomConnector', credentials: { [ZOOM_ACCOUNT_APP]: { id: credentialId, name: 'c' } } }),
		getCredentials: async () => ({ environment: 'custom', apiBaseUrl: 'https://zoom.test/v2', ...credentials }),
		helpers: { httpRequestWithAuthentication },
	} as unknown as IExecuteFunctions;
	return { context, calls, renew: () => (credentialId = `cred-${Math.random()}`) };
}

beforeEach(() => {
	slept.length = 0;
});

describe('pacing (point 2: X-RateLimit-Limit is a daily quota)', () => {
	// The clock stands still, so the waits measure the pace alone, however loaded the machine is.
	beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 11, 1, 12)));
	afterEach(() => jest.restoreAllMocks());

	it.each([
		['a Light answer with a daily quota of 6000 and no type', { 'x-ratelimit-category': 'Light', 'x-ratelimit-limit': '6000', 'x-ratelimit-remaining': '5893' }],
		['an answer typed QPS', { 'x-ratelimit-category': 'Light', 'x-ratelimit-limit': '30000', 'x-ratelimit-remaining': '29000', 'x-ratelimit-type': 'QPS' }],
	])('%s does not speed the pace up: 100 Light calls on Pro wait out ~70 calls at 30/s', async (_name, headers) => {
		const { context } = zoomContext([{ status: 200, headers, body: { id: 'u' } }]);
		for (let i = 0; i < 100; i++) await zoomApiRequest.call(context, 'GET', '/users/me');
		// Nothing sleeps and the clock stands still, so each call waits for its slot from the same instant: the last call's wait is
		// (100 − a burst of ~28.5) calls at 28.5/s (30/s less 5 % headroom) ≈ 2.5 s.
		const lastWait = Math.max(...slept);
		expect(lastWait).toBeGreaterThan(2000);
		expect(lastWait).toBeLessThan(3000);
	});

	it('paces at the credential’s plan: Free allows 2 Medium calls a second', async () => {
		const { context } = zoomContext([{ status: 200, body: { users: [] } }], { zoomPlan: 'free' });
		for (let i = 0; i < 11; i++) await zoomApiRequest.call(context, 'GET', '/users');
		// The 11th call's slot is (11 − 1) / 1.9 s away.
		expect(Math.max(...slept)).toBeGreaterThan(4500);
	});
});

describe('429s (points 2 and 3)', () => {
	it.each([
		['Zoom’s documented daily message, no headers', {}, DAILY],
		['the per-user create/update message, with the account’s ordinary headers', { 'x-ratelimit-category': 'Light', 'x-ratelimit-limit': '6000', 'x-ratelimit-remaining': '5893' }, USER_DAILY],
	])('a daily-limit 429 (%s) fails at once with the limit and its reset, without retrying', async (_name, headers, message) => {
		const { context, calls } = zoomContext([{ status: 429, headers, body: { code: 429, message } }]);
		const failure = zoomApiRequest.call(context, 'POST', '/users/me/meetings', { body: { topic: 'x' }, itemIndex: 0 });
		await expect(failure).rejects.toMatchObject({
			message: expect.stringMatching(/daily .*limit.* is reached \(Zoom code 429\)/),
			description: expect.stringMatching(/resets it at \d{4}-\d\d-\d\dT00:00:00Z \(00:00 UTC, in \d/),
		});
		expect(calls).toHaveLength(1);
		expect(slept).toEqual([]);
	});

	it('X-RateLimit-Type Daily-limit with Zoom’s ISO Retry-After names that time', async () => {
		const resetAt = nextUtcMidnight(Date.now()).toISOString().replace('.000Z', 'Z');
		const { context, calls } = zoomContext([
			{ status: 429, headers: { 'x-ratelimit-type': 'Daily-limit', 'retry-after': resetAt }, body: { code: 429, message: DAILY } },
		]);
		await expect(zoomApiRequest.call(context, 'GET', '/report/users/me/meetings')).rejects.toMatchObject({
			description: expect.stringContaining(resetAt),
		});
		expect(calls).toHaveLength(1);
	});

	it('a per-second 429 without Retry-After waits out Zoom’s one-second window, slows down, and goes through', async () => {
		const { context, calls } = zoomContext([
			{ status: 429, headers: { 'x-ratelimit-category': 'Medium' }, body: { code: 429, message: PER_SECOND } },
			{ status: 200, body: { users: [] } },
		]);
		await expect(zoomApiRequest.call(context, 'GET', '/users')).resolves.toEqual({ users: [] });
		expect(calls).toHaveLength(2);
		expect(Math.max(...slept)).toBeGreaterThanOrEqual(950);
	});

	it('a per-second 429 with Retry-After waits what Zoom says', async () => {
		const { context, calls } = zoomContext([
			{ status: 429, headers: { 'retry-after': '3', 'x-ratelimit-type': 'QPS' }, body: { code: 429, message: PER_SECOND } },
			{ status: 200, body: {} },
		]);
		await zoomApiRequest.call(context, 'GET', '/users/me');
		expect(calls).toHaveLength(2);
		expect(Math.max(...slept)).toBeGreaterThanOrEqual(2900);
	});
});

describe('tooManyRequestsKind', () => {
	it.each([
		[undefined, PER_SECOND, 'per-second'],
		['QPS', PER_SECOND, 'per-second'],
		['Daily-limit', DAILY, 'daily'],
		[undefined, DAILY, 'daily'],
		[undefined, USER_DAILY, 'daily'],
		['QPS', DAILY, 'daily'],
		[undefined, 'Too many concurrent requests. A request to disassociate this user has already been made.', 'other'],
		[undefined, undefined, 'other'],
	])('type %s, message %s → %s', (type, message, kind) => {
		expect(tooManyRequestsKind(type, message)).toBe(kind);
	});
});

describe('describeDailyLimit', () => {
	it('names the per-user create/update limit and the time left', () => {
		const now = Date.UTC(2026, 11, 1, 14, 30);
		const text = describeDailyLimit({ code: 429, message: USER_DAILY }, nextUtcMidnight(now), now);
		expect(text.message).toContain('creates and updates for this user');
		expect(text.description).toContain('2026-12-02T00:00:00Z (00:00 UTC, in 9 h 30 min)');
	});
});
