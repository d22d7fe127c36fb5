/**
 * Zoom's retry schedule against the trigger's timestamp window and its once-only record: Zoom retries
 * a delivery that got no 2xx within 3 s 5 min after the first try, then 20 and 60 min after that
 * (https://developers.zoom.us/blog/webhook-delays/), so the last retry comes 85 min after the first.
 * Zoom does not say whether a retry is signed again with a fresh timestamp: both cases are checked.
 */
import fc from 'fast-check';

import {
	claimedLimits,
	deliveryKeys,
	emptySeen,
	hasSeen,
	remember,
} from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/deliveries';
import { DEFAULT_TOLERANCE_SECONDS, screen, sign } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/signature';

const SECRET = 'aVerySecretTokenValue_123';
const FIRST_TRY = 1_796_000_000;
/** Seconds after the first try at which Zoom retries. */
const RETRIES = [5 * 60, 25 * 60, 85 * 60];
const body = JSON.stringify({
	event: 'webinar.participant_joined',
	event_ts: FIRST_TRY * 1000,
	payload: { account_id: 'acc', object: { id: '9', uuid: 'u==', participant: { user_id: '1', user_name: 'A' } } },
});

function request(timestamp: number) {
	const ts = String(timestamp);
	return { 'x-zm-request-timestamp': ts, 'x-zm-signature': sign(SECRET, ts, body), 'x-zm-trackingid': 'v=2.0;rid=WEB_1' };
}

describe('the default timestamp window and Zoom’s retries', () => {
	it('takes the whole retry schedule (85 min) with slack', () => {
		expect(DEFAULT_TOLERANCE_SECONDS).toBeGreaterThanOrEqual(85 * 60 + 15 * 60);
	});

	it.each(RETRIES)('a retry %i s after the first try, still signed with the first try’s timestamp, is verified', (after) => {
		const decision = screen({ secret: SECRET, headers: request(FIRST_TRY), rawBody: Buffer.from(body), nowSeconds: FIRST_TRY + after + 30 });
		expect(decision).toMatchObject({ ok: true, kind: 'event' });
	});

	it('a request signed 3 hours ago is still refused as a replay', () => {
		const decision = screen({ secret: SECRET, headers: request(FIRST_TRY), rawBody: Buffer.from(body), nowSeconds: FIRST_TRY + 3 * 3600 });
		expect(decision).toMatchObject({ ok: false, status: 401 });
	});

	it('property: every retry inside the window, re-signed or not, matches the claimed delivery in the once-only record', () => {
		fc.assert(
			fc.property(fc.constantFrom(...RETRIES), fc.boolean(), fc.integer({ min: 0, max: 120 }), (after, resigned, delay) => {
				const keys = deliveryKeys(request(FIRST_TRY), JSON.parse(body));
				const limits = claimedLimits();
				const record = remember(emptySeen(), keys, FIRST_TRY + 2, limits);
				const now = FIRST_TRY + after + delay;
				const retry = request(resigned ? now : FIRST_TRY);
				const decision = screen({ secret: SECRET, headers: retry, rawBody: Buffer.from(body), nowSeconds: now });
				expect(decision.ok).toBe(true);
				// Verified, so the record must still hold it: a replay inside the window is refused there.
				expect(hasSeen(record, deliveryKeys(retry, JSON.parse(body)), now, limits)).toBe(true);
			}),
		);
	});

	it('the record keeps a claimed delivery for the window plus slack, not longer', () => {
		const limits = claimedLimits();
		expect(limits.maxAgeSeconds).toBeGreaterThan(DEFAULT_TOLERANCE_SECONDS);
		const keys = deliveryKeys(request(FIRST_TRY), JSON.parse(body));
		const record = remember(emptySeen(), keys, FIRST_TRY, limits);
		expect(hasSeen(record, keys, FIRST_TRY + limits.maxAgeSeconds + 1, limits)).toBe(false);
	});
});
