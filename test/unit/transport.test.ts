import fc from 'fast-check';

import { describeZoomError } from 'n8n-nodes-zoom-connector/nodes/shared/transport/errors';
import { PLAN_RATES, RatePacer, rateCategory } from 'n8n-nodes-zoom-connector/nodes/shared/transport/rateLimit';
import { backoffDelay, isSafeToRepeat, parseRetryAfter, RETRY } from 'n8n-nodes-zoom-connector/nodes/shared/transport/retry';
import { encodeSessionRef } from 'n8n-nodes-zoom-connector/nodes/shared/uuid';

describe('encodeSessionRef', () => {
	it('passes numeric IDs through', () => {
		expect(encodeSessionRef(85746065432)).toBe('85746065432');
		expect(encodeSessionRef(' 85746065432 ')).toBe('85746065432');
	});

	it('encodes a plain UUID once', () => {
		expect(encodeSessionRef('aDYlohsHRtCd4ii1uC2+hA==')).toBe('aDYlohsHRtCd4ii1uC2%2BhA%3D%3D');
	});

	it('encodes twice when the UUID starts with / or contains //', () => {
		expect(encodeSessionRef('/abc==')).toBe('%252Fabc%253D%253D');
		expect(encodeSessionRef('ab//cd==')).toBe('ab%252F%252Fcd%253D%253D');
	});

	it('round-trips: decoding as many times as it was encoded gives the UUID back', () => {
		const uuidChars = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/='.split(''));
		fc.assert(
			fc.property(fc.string({ unit: uuidChars, minLength: 1, maxLength: 24 }), (uuid) => {
				fc.pre(!/^\d+$/.test(uuid));
				const encoded = encodeSessionRef(uuid);
				const twice = uuid.startsWith('/') || uuid.includes('//');
				const decoded = twice ? decodeURIComponent(decodeURIComponent(encoded)) : decodeURIComponent(encoded);
				expect(decoded).toBe(uuid);
				expect(encoded).not.toMatch(/[/+=]/);
			}),
		);
	});
});

describe('rateCategory', () => {
	it.each([
		['GET', '/users/me', 'Light'],
		['GET', '/users', 'Medium'],
		['POST', '/users/me/meetings', 'Light'], // Zoom's label; the 100-a-day limit per user is separate
		['GET', '/users/me/meetings', 'Medium'],
		['GET', '/meetings/123', 'Light'],
		['PATCH', '/meetings/123', 'Light'],
		['POST', '/users/me/webinars', 'Light'],
		['GET', '/meetings/1/registrants', 'Medium'],
		['PUT', '/webinars/1/registrants/status', 'Medium'],
		['GET', '/past_meetings/abc%3D%3D', 'Light'],
		['GET', '/past_meetings/1/participants', 'Medium'],
		['GET', '/past_meetings/1/instances', 'Medium'],
		['GET', '/past_webinars/1/absentees', 'Heavy'],
		['GET', '/report/webinars/1/participants', 'Heavy'],
		['GET', '/meetings/1/recordings', 'Light'],
		['GET', '/users/me/recordings', 'Medium'],
	])('%s %s is %s', (method, path, category) => {
		expect(rateCategory(method, path)).toBe(category);
	});
});

describe('RatePacer', () => {
	function clock(start = 1_000_000) {
		let now = start;
		return { now: () => now, advance: (ms: number) => (now += ms) };
	}

	it('paces at the plan’s documented rate: a burst of one second, then calls spaced at the rate', () => {
		const time = clock();
		const pacer = new RatePacer(time.now, 1);
		const waits = Array.from({ length: 30 }, () => pacer.reserve('acct', 'Medium', 'free'));
		const immediate = waits.filter((w) => w === 0).length;
		expect(immediate).toBe(PLAN_RATES.free.Medium);
		// Reservations queue: the 30th call waits about (30 - burst) / rate seconds.
		expect(waits[29]).toBeCloseTo(((30 - immediate) / 2) * 1000, -2);
	});

	it.each(['free', 'pro', 'business'] as const)('never admits more than rate × seconds + burst on %s (property)', (plan) => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 200 }), (gaps) => {
				const time = clock();
				const pacer = new RatePacer(time.now, 1);
				const rate = PLAN_RATES[plan].Light;
				const sendTimes: number[] = [];
				for (const gap of gaps) {
					time.advance(gap);
					sendTimes.push(time.now() + pacer.reserve('k', 'Light', plan));
				}
				const start = Math.min(...sendTimes);
				const end = Math.max(...sendTimes);
				expect(sendTimes.length).toBeLessThanOrEqual((rate * (end - start)) / 1000 + rate + 1);
			}),
		);
	});

	it('keeps categories and accounts apart', () => {
		const time = clock();
		const pacer = new RatePacer(time.now, 1);
		for (let i = 0; i < 20; i++) pacer.reserve('a', 'Heavy', 'free');
		expect(pacer.reserve('a', 'Heavy', 'free')).toBeGreaterThan(5000);
		expect(pacer.reserve('a', 'Light', 'free')).toBe(0);
		expect(pacer.reserve('b', 'Heavy', 'free')).toBe(0);
	});

	it('after a per-second 429 without Retry-After holds the retry for the wait and slows down, then climbs back to the plan’s rate', () => {
		const time = clock();
		const pacer = new RatePacer(time.now, 1);
		pacer.backOff('a', 'Medium', 2000, true, 'pro');
		expect(pacer.rate('a', 'Medium', 'pro')).toBeLessThan(PLAN_RATES.pro.Medium);
		expect(pacer.reserve('a', 'Medium', 'pro')).toBe(2000);
		for (let i = 0; i < 10; i++) pacer.succeeded('a', 'Medium', 'pro');
		expect(pacer.rate('a', 'Medium', 'pro')).toBe(PLAN_RATES.pro.Medium);
	});

	it('after a 429 with Retry-After waits exactly that long and keeps the pace', () => {
		const time = clock();
		const pacer = new RatePacer(time.now, 1);
		pacer.reserve('a', 'Medium', 'free');
		pacer.backOff('a', 'Medium', 1000, false, 'free');
		expect(pacer.rate('a', 'Medium', 'free')).toBe(PLAN_RATES.free.Medium);
		expect(pacer.reserve('a', 'Medium', 'free')).toBe(1000);
		time.advance(1000);
		expect(pacer.reserve('a', 'Medium', 'free')).toBe(500);
	});

	it('a credential switched to another plan paces at the new plan’s rate', () => {
		const time = clock();
		const pacer = new RatePacer(time.now, 1);
		expect(pacer.rate('a', 'Light', 'pro')).toBe(30);
		expect(pacer.rate('a', 'Light', 'business')).toBe(80);
		expect(pacer.rate('a', 'Light', 'free')).toBe(4);
	});
});

describe('retry policy', () => {
	it('repeats only calls that cannot create or change twice', () => {
		expect(isSafeToRepeat('GET')).toBe(true);
		expect(isSafeToRepeat('post')).toBe(false);
		expect(isSafeToRepeat('PATCH')).toBe(false);
		expect(isSafeToRepeat('DELETE')).toBe(false);
	});

	it('reads Retry-After as seconds, HTTP date or ISO date', () => {
		const now = Date.parse('2026-11-22T10:00:00Z');
		expect(parseRetryAfter('2', now)).toBe(2000);
		expect(parseRetryAfter('0.5', now)).toBe(500);
		expect(parseRetryAfter('2026-11-23T00:00:00Z', now)).toBe(14 * 3600 * 1000);
		expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:05 GMT', now)).toBe(5000);
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
		expect(parseRetryAfter('soon', now)).toBeUndefined();
	});

	it('backs off exponentially with jitter, never past the cap', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, r) => {
				const delay = backoffDelay(attempt, () => r);
				const ceiling = Math.min(RETRY.maxDelayMs, RETRY.baseDelayMs * 2 ** attempt);
				expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
				expect(delay).toBeLessThanOrEqual(ceiling);
			}),
		);
	});
});

describe('describeZoomError', () => {
	it('names the meeting for 3001', () => {
		const text = describeZoomError(404, { code: 3001, message: 'Meeting does not exist: 123.' });
		expect(text.message).toBe('Meeting 123 not found (Zoom code 3001)');
	});

	it('names the webinar for 3001', () => {
		expect(describeZoomError(404, { code: 3001, message: 'Webinar does not exist: 987.' }).message).toBe(
			'Webinar 987 not found (Zoom code 3001)',
		);
	});

	it('names the missing scope and where to add it for 4711 and 4700', () => {
		const text = describeZoomError(400, {
			code: 4711,
			message: 'Invalid access token, does not contain scopes:[meeting:read:meeting, meeting:read:meeting:admin].',
		});
		expect(text.message).toBe(
			'The credential lacks scope meeting:read:meeting, meeting:read:meeting:admin (Zoom code 4711)',
		);
		expect(text.description).toMatch(/Zoom Marketplace/);
		expect(describeZoomError(400, { code: 4700, message: 'Invalid access token, does not contain scopes:[x:y].' }).message).toContain('scope x:y (Zoom code 4700)');
	});

	it('tells what to do for 124, 200, 429 and 300', () => {
		expect(describeZoomError(401, { code: 124, message: 'Access token is expired.' }).message).toBe(
			'Zoom rejected the access token (Zoom code 124): Access token is expired',
		);
		expect(describeZoomError(401, { code: 124, message: 'x' }).description).toMatch(/Reconnect/);
		expect(describeZoomError(400, { code: 200, message: 'No permission.' }).description).toMatch(/paid plan|licence|admin/);
		expect(describeZoomError(429, { code: 429, message: 'You have reached the maximum per-second rate limit for this API. Try again later.' }).message).toMatch(/^Zoom rate limit reached \(Zoom code 429\)/);
		expect(
			describeZoomError(400, { code: 300, message: 'Validation Failed.', errors: [{ field: 'start_time', message: 'Invalid value.' }] }).message,
		).toBe('Zoom rejected the request (Zoom code 300): Validation Failed (start_time: Invalid value)');
	});

	it('says when Zoom could not be reached or failed', () => {
		expect(describeZoomError(0, undefined).message).toMatch(/could not be reached/);
		expect(describeZoomError(502, undefined).message).toBe('Zoom had a server error (HTTP 502)');
		expect(describeZoomError(400, { reason: 'Invalid client_id or client_secret', error: 'invalid_client' }).message).toBe(
			'Zoom answered HTTP 400: Invalid client_id or client_secret',
		);
	});
});
