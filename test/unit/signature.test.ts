import { createHmac } from 'node:crypto';
import type { MeetingSummaryCompletedEvent } from '@zoom/rivet/meetings';
import fc from 'fast-check';

import {
	deliveryKeys,
	emptySeen,
	hasSeen,
	itemDeliveryKeys,
	loadSeen,
	remember,
	type SeenRecord,
} from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/deliveries';
import { isSelected, summarise } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/item';
import {
	DEFAULT_TOLERANCE_SECONDS,
	headerValue,
	MAX_BODY_BYTES,
	parseEnvelope,
	screen,
	secretTokenProblem,
	sign,
	validationAnswer,
	verify,
} from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/signature';

const SECRET = 'hfl3ZaS4QX2dwBcj_6kmkA';
const NOW = 1_763_800_000;

/** Zoom's algorithm written out independently of signature.ts. */
function zoomSignature(secret: string, ts: string, body: string | Buffer): string {
	const hmac = createHmac('sha256', secret);
	hmac.update(`v0:${ts}:`);
	hmac.update(body);
	return `v0=${hmac.digest('hex')}`;
}

function signedHeaders(body: string | Buffer, ts = String(NOW), extra: Record<string, string> = {}) {
	return { 'x-zm-request-timestamp': ts, 'x-zm-signature': zoomSignature(SECRET, ts, body), ...extra };
}

const secretArb = fc.stringMatching(/^[A-Za-z0-9_-]{16,40}$/);
const bodyArb = fc.uint8Array({ minLength: 0, maxLength: 512 }).map((bytes) => Buffer.from(bytes));

describe('sign / verify', () => {
	it('matches an HMAC computed independently, for known input', () => {
		const body = '{"event":"meeting.started","payload":{"object":{"id":"1"}}}';
		expect(sign(SECRET, '1700000000', body)).toBe(zoomSignature(SECRET, '1700000000', body));
		expect(sign(SECRET, '1700000000', body)).toMatch(/^v0=[0-9a-f]{64}$/);
	});

	it('round-trips: what Zoom signs verifies, for any secret, body and timestamp within tolerance', () => {
		fc.assert(
			fc.property(secretArb, bodyArb, fc.integer({ min: -300, max: 300 }), (secret, body, skew) => {
				const ts = String(NOW + skew);
				const header = zoomSignature(secret, ts, body);
				expect(verify(secret, ts, header, body, NOW, 300)).toEqual({ ok: true });
			}),
		);
	});

	it('fails when any single bit of the body is flipped', () => {
		fc.assert(
			fc.property(
				bodyArb.filter((b) => b.length > 0),
				fc.nat(),
				fc.integer({ min: 0, max: 7 }),
				(body, at, bit) => {
					const header = zoomSignature(SECRET, String(NOW), body);
					const tampered = Buffer.from(body);
					tampered[at % tampered.length] ^= 1 << bit;
					const result = verify(SECRET, String(NOW), header, tampered, NOW, 300);
					expect(result).toMatchObject({ ok: false, status: 401 });
				},
			),
		);
	});

	it('fails when any single bit of the signature is flipped', () => {
		fc.assert(
			fc.property(bodyArb, fc.integer({ min: 0, max: 255 }), (body, bitIndex) => {
				const header = zoomSignature(SECRET, String(NOW), body);
				const digest = Buffer.from(header.slice(3), 'hex');
				digest[bitIndex >> 3] ^= 1 << (bitIndex & 7);
				const result = verify(SECRET, String(NOW), `v0=${digest.toString('hex')}`, body, NOW, 300);
				expect(result).toMatchObject({ ok: false, status: 401, reason: expect.stringMatching(/does not match/) });
			}),
		);
	});

	it('fails with another secret, or with the timestamp changed after signing', () => {
		const body = Buffer.from('{"event":"x","payload":{}}');
		const header = zoomSignature(SECRET, String(NOW), body);
		expect(verify(`${SECRET}x`, String(NOW), header, body, NOW, 300)).toMatchObject({ ok: false, status: 401 });
		expect(verify(SECRET, String(NOW - 1), header, body, NOW, 300)).toMatchObject({ ok: false, status: 401 });
	});

	it('rejects stale and far-future timestamps even with a valid signature', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 301, max: 10_000_000 }),
				fc.boolean(),
				bodyArb,
				(offset, future, body) => {
					const ts = String(future ? NOW + offset : NOW - offset);
					const result = verify(SECRET, ts, zoomSignature(SECRET, ts, body), body, NOW, 300);
					expect(result).toMatchObject({ ok: false, status: 401, reason: expect.stringMatching(/replayed/) });
				},
			),
		);
	});

	it('uses the tolerance it is given', () => {
		const body = '{}';
		const ts = String(NOW - 100);
		expect(verify(SECRET, ts, zoomSignature(SECRET, ts, body), body, NOW, 100).ok).toBe(true);
		expect(verify(SECRET, ts, zoomSignature(SECRET, ts, body), body, NOW, 99).ok).toBe(false);
	});

	it.each([
		['missing timestamp', undefined, 'sig', /Missing x-zm-request-timestamp/],
		['non-numeric timestamp', 'abc', 'sig', /Malformed x-zm-request-timestamp/],
		['missing signature', String(NOW), undefined, /Missing x-zm-signature/],
		['signature without v0=', String(NOW), 'deadbeef', /Malformed x-zm-signature/],
		['signature of the wrong length', String(NOW), `v0=${'a'.repeat(63)}`, /Malformed x-zm-signature/],
		['uppercase hex', String(NOW), `v0=${'A'.repeat(64)}`, /Malformed x-zm-signature/],
	])('rejects a %s with 401', (_name, ts, signature, reason) => {
		expect(verify(SECRET, ts, signature, '{}', NOW, 300)).toEqual({ ok: false, status: 401, reason: expect.stringMatching(reason) });
	});

	it('refuses everything when no secret is configured', () => {
		const body = '{}';
		// Even a signature made with the empty key must not pass.
		expect(verify('', String(NOW), zoomSignature('', String(NOW), body), body, NOW, 300)).toMatchObject({ ok: false, status: 401 });
	});
});

describe('validationAnswer', () => {
	it('is the plain token and its HMAC-SHA256 hex under the secret', () => {
		fc.assert(
			fc.property(secretArb, fc.string({ minLength: 1, maxLength: 64 }), (secret, plainToken) => {
				const expected = createHmac('sha256', secret).update(plainToken).digest('hex');
				expect(validationAnswer(secret, plainToken)).toEqual({ plainToken, encryptedToken: expected });
			}),
		);
	});

	it('matches Zoom’s documented example shape', () => {
		const answer = validationAnswer('abc123abc123abc123', 'qgg8vlvZRS6UYooatFL8Aw');
		expect(answer.encryptedToken).toMatch(/^[0-9a-f]{64}$/);
		expect(answer.encryptedToken).toBe(
			createHmac('sha256', 'abc123abc123abc123').update('qgg8vlvZRS6UYooatFL8Aw').digest('hex'),
		);
	});
});

describe('parseEnvelope', () => {
	it.each([
		['an empty body', '', /Empty body/],
		['whitespace', '  \n', /Empty body/],
		['broken JSON', '{"event":', /not valid JSON/],
		['a JSON array', '[1,2]', /not a JSON object/],
		['JSON null', 'null', /not a JSON object/],
		['no event', '{"payload":{}}', /no "event"/],
		['an empty event', '{"event":"","payload":{}}', /no "event"/],
		['no payload', '{"event":"meeting.started"}', /no "payload"/],
		['a string event_ts', '{"event":"meeting.started","event_ts":"1","payload":{}}', /event_ts/],
	])('refuses %s with 400', (_name, body, reason) => {
		expect(parseEnvelope(body)).toEqual({ ok: false, status: 400, reason: expect.stringMatching(reason) });
	});

	it('accepts Zoom’s envelope, with a byte order mark too', () => {
		const body = { event: 'meeting.started', event_ts: 1, payload: { account_id: 'a', object: { id: '1' } } };
		expect(parseEnvelope(JSON.stringify(body))).toEqual({ ok: true, body });
		expect(parseEnvelope(`\uFEFF${JSON.stringify(body)}`)).toEqual({ ok: true, body });
	});
});

describe('screen', () => {
	const event = JSON.stringify({ event: 'meeting.started', event_ts: NOW * 1000, payload: { object: { id: '9' } } });

	it('hands on a signed event', () => {
		const decision = screen({ secret: SECRET, headers: signedHeaders(event), rawBody: Buffer.from(event), nowSeconds: NOW });
		expect(decision).toEqual({ ok: true, kind: 'event', body: JSON.parse(event) });
	});

	it('answers a signed URL validation with the HMAC of its plain token', () => {
		const body = JSON.stringify({ payload: { plainToken: 'qgg8vlvZRS6UYooatFL8Aw' }, event_ts: NOW * 1000, event: 'endpoint.url_validation' });
		const decision = screen({ secret: SECRET, headers: signedHeaders(body), rawBody: Buffer.from(body), nowSeconds: NOW });
		expect(decision).toEqual({
			ok: true,
			kind: 'validation',
			answer: {
				plainToken: 'qgg8vlvZRS6UYooatFL8Aw',
				encryptedToken: createHmac('sha256', SECRET).update('qgg8vlvZRS6UYooatFL8Aw').digest('hex'),
			},
		});
	});

	it('does not answer an unsigned URL validation', () => {
		const body = JSON.stringify({ payload: { plainToken: 'x' }, event: 'endpoint.url_validation' });
		const decision = screen({ secret: SECRET, headers: { 'x-zm-request-timestamp': String(NOW) }, rawBody: Buffer.from(body), nowSeconds: NOW });
		expect(decision).toMatchObject({ ok: false, status: 401 });
	});

	it('refuses a signed URL validation without a plain token with 400', () => {
		const body = JSON.stringify({ payload: {}, event: 'endpoint.url_validation' });
		expect(screen({ secret: SECRET, headers: signedHeaders(body), rawBody: Buffer.from(body), nowSeconds: NOW })).toMatchObject({ ok: false, status: 400 });
	});

	it('checks the signature before parsing: unsigned garbage is 401, signed garbage is 400', () => {
		const garbage = Buffer.from('not json at all');
		expect(screen({ secret: SECRET, headers: {}, rawBody: garbage, nowSeconds: NOW })).toMatchObject({ status: 401 });
		expect(screen({ secret: SECRET, headers: signedHeaders(garbage), rawBody: garbage, nowSeconds: NOW })).toMatchObject({ status: 400 });
	});

	it('refuses an oversized body with 413 before looking at its signature', () => {
		const big = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
		expect(screen({ secret: SECRET, headers: {}, rawBody: big, nowSeconds: NOW })).toMatchObject({ ok: false, status: 413 });
		const small = Buffer.from(event);
		expect(screen({ secret: SECRET, headers: signedHeaders(small), rawBody: small, nowSeconds: NOW, maxBytes: small.length - 1 })).toMatchObject({ status: 413 });
	});

	it('applies the default tolerance', () => {
		const ts = String(NOW - DEFAULT_TOLERANCE_SECONDS - 1);
		expect(screen({ secret: SECRET, headers: signedHeaders(event, ts), rawBody: Buffer.from(event), nowSeconds: NOW })).toMatchObject({ status: 401 });
	});

	it('refuses a repeated signature header rather than picking one', () => {
		const headers = { ...signedHeaders(event), 'x-zm-signature': [zoomSignature(SECRET, String(NOW), event), 'v0=00'] };
		expect(screen({ secret: SECRET, headers, rawBody: Buffer.from(event), nowSeconds: NOW })).toMatchObject({ status: 401 });
		expect(headerValue({ a: ['one'] }, 'A')).toBe('one');
	});
});

describe('deliveryKeys', () => {
	const body = { event: 'meeting.participant_joined', event_ts: 1, payload: { object: { id: '1', participant: { user_name: 'A' } } } };

	it('gives a retry (same tracking id, fresh timestamp header) the same keys', () => {
		const first = deliveryKeys({ 'x-zm-trackingid': 'v=2.0;rid=1', 'x-zm-request-timestamp': '1' }, body);
		const retry = deliveryKeys({ 'x-zm-trackingid': 'v=2.0;rid=1', 'x-zm-request-timestamp': '999' }, body);
		expect(retry).toEqual(first);
		expect(first).toHaveLength(2);
	});

	it('knows the same content under a new tracking id by its content key', () => {
		const a = deliveryKeys({ 'x-zm-trackingid': 'rid=1' }, body);
		const b = deliveryKeys({ 'x-zm-trackingid': 'rid=2' }, JSON.parse(JSON.stringify(body)));
		expect(a[0]).not.toBe(b[0]);
		expect(a[1]).toBe(b[1]);
	});

	it('ignores key order in the payload', () => {
		const reordered = { payload: { object: { participant: { user_name: 'A' }, id: '1' } }, event_ts: 1, event: 'meeting.participant_joined' };
		expect(deliveryKeys({}, reordered)).toEqual(deliveryKeys({}, body));
	});

	it('keeps apart different participants, events and times', () => {
		const other = { ...body, payload: { object: { id: '1', participant: { user_name: 'B' } } } };
		const keys = [body, other, { ...body, event_ts: 2 }, { ...body, event: 'meeting.participant_left' }].map((b) => deliveryKeys({}, b)[0]);
		expect(new Set(keys).size).toBe(4);
	});
});

describe('itemDeliveryKeys', () => {
	it('rebuilds from the emitted item exactly the keys the delivery had', () => {
		fc.assert(
			fc.property(
				fc.string({ minLength: 1, maxLength: 30 }),
				fc.option(fc.integer({ min: 1, max: 4_102_444_800_000 }), { nil: undefined }),
				fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: undefined }),
				fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue()),
				(event, eventTs, trackingId, object) => {
					const body = { event, event_ts: eventTs, payload: { object } };
					const headers = trackingId === undefined ? {} : { 'x-zm-trackingid': trackingId };
					const item = JSON.parse(JSON.stringify(summarise(body, headerValue(headers, 'x-zm-trackingid'))));
					expect(itemDeliveryKeys(item)).toEqual(deliveryKeys(headers, JSON.parse(JSON.stringify(body))));
				},
			),
		);
	});

	it('gives nothing for an item that is not a delivery', () => {
		expect(itemDeliveryKeys({ hello: 'world' })).toEqual([]);
	});
});

describe('the seen record', () => {
	const limits = { maxEntries: 10, maxAgeSeconds: 100 };

	it('remembers keys and recognises any one of them', () => {
		const record = remember(emptySeen(), ['t:a', 'c:b'], NOW, limits);
		expect(hasSeen(record, ['c:b'], NOW, limits)).toBe(true);
		expect(hasSeen(record, ['t:x', 't:a'], NOW, limits)).toBe(true);
		expect(hasSeen(record, ['c:z'], NOW, limits)).toBe(false);
	});

	it('does not change the record it is given', () => {
		const record = emptySeen();
		remember(record, ['k'], NOW, limits);
		expect(record.entries).toEqual([]);
	});

	it('forgets keys older than the age limit', () => {
		const record = remember(emptySeen(), ['old'], NOW - 101, limits);
		expect(hasSeen(record, ['old'], NOW, limits)).toBe(false);
		expect(remember(record, ['new'], NOW, limits).entries.map(([k]) => k)).toEqual(['new']);
	});

	it('stays bounded and keeps the newest keys, for any sequence of deliveries', () => {
		fc.assert(
			fc.property(fc.array(fc.array(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), { maxLength: 60 }), (deliveries) => {
				let record: SeenRecord = emptySeen();
				deliveries.forEach((keys, i) => {
					record = remember(record, keys, NOW + i, limits);
					expect(record.entries.length).toBeLessThanOrEqual(limits.maxEntries);
					// The delivery just remembered is always recognised.
					expect(hasSeen(record, keys, NOW + i, limits)).toBe(true);
					expect(new Set(record.entries.map(([k]) => k)).size).toBe(record.entries.length);
				});
			}),
		);
	});

	it('survives a JSON round trip (static data) and ignores anything malformed', () => {
		const record = remember(emptySeen(), ['t:a', 'c:b'], NOW, limits);
		expect(loadSeen(JSON.parse(JSON.stringify(record)))).toEqual(record);
		expect(loadSeen(undefined)).toEqual(emptySeen());
		expect(loadSeen({ version: 2, entries: [] })).toEqual(emptySeen());
		expect(loadSeen({ version: 1, entries: [['ok', 1], ['bad'], [1, 2], 'x'] })).toEqual({ version: 1, entries: [['ok', 1]] });
	});
});

describe('secretTokenProblem', () => {
	it.each([
		['', /empty/],
		[undefined, /empty/],
		[' hfl3ZaS4QX2dwBcj_6kmkA', /spaces/],
		['short', /5 characters/],
		['hfl3ZaS4QX2dwBcj 6kmkA', /characters Zoom never uses/],
		['hfl3ZaS4QX2dwBcj/6kmkA', /characters Zoom never uses/],
	])('refuses %j', (token, problem) => {
		expect(secretTokenProblem(token)).toMatch(problem);
	});

	it('accepts Zoom-shaped tokens', () => {
		expect(secretTokenProblem(SECRET)).toBeUndefined();
		expect(secretTokenProblem('sandbox-webhook-secret')).toBeUndefined();
	});
});

describe('isSelected', () => {
	it('takes everything under All and only the chosen events otherwise', () => {
		expect(isSelected(['*'], 'anything.at_all')).toBe(true);
		expect(isSelected(['meeting.started'], 'meeting.started')).toBe(true);
		expect(isSelected(['meeting.started'], 'meeting.ended')).toBe(false);
		expect(isSelected([], 'meeting.started')).toBe(false);
	});
});

describe('summarise', () => {
	it('lifts a participant event’s fields to the top level, ids as strings, and keeps the payload', () => {
		const payload = {
			account_id: 'acc',
			object: {
				id: 85746065432,
				uuid: 'a/b==',
				host_id: 'h1',
				topic: 'Standup',
				start_time: '2026-11-22T10:00:00Z',
				duration: 30,
				participant: { user_name: 'Ada', email: 'ada@example.com', join_time: '2026-11-22T10:01:00Z', participant_user_id: 'p1' },
			},
		};
		const item = summarise({ event: 'meeting.participant_joined', event_ts: Date.UTC(2026, 10, 22, 10, 1), payload }, 'track-1');
		expect(item).toEqual({
			event: 'meeting.participant_joined',
			eventTime: '2026-11-22T10:01:00.000Z',
			accountId: 'acc',
			meetingId: '85746065432',
			uuid: 'a/b==',
			topic: 'Standup',
			hostId: 'h1',
			startTime: '2026-11-22T10:00:00Z',
			duration: 30,
			participantName: 'Ada',
			participantEmail: 'ada@example.com',
			participantId: 'p1',
			participantJoinTime: '2026-11-22T10:01:00Z',
			trackingId: 'track-1',
			payload,
		});
	});

	it('names the id after the event family and leaves out what Zoom did not send', () => {
		const webinar = summarise({ event: 'webinar.ended', payload: { object: { id: '9', end_time: '2026-11-22T11:00:00Z' } } });
		expect(webinar).toEqual({ event: 'webinar.ended', webinarId: '9', endTime: '2026-11-22T11:00:00Z', payload: { object: { id: '9', end_time: '2026-11-22T11:00:00Z' } } });
		const left = summarise({ event: 'webinar.participant_left', payload: { object: { id: '9', participant: { user_name: 'B', leave_time: 't', leave_reason: 'r' } } } });
		expect(left).toMatchObject({ webinarId: '9', participantName: 'B', participantLeaveTime: 't', participantLeaveReason: 'r' });
		expect(left).not.toHaveProperty('participantJoinTime');
	});

	it('covers registrations, recordings, users and app deauthorization', () => {
		expect(
			summarise({ event: 'meeting.registration_created', payload: { object: { id: 1, registrant: { id: 'r', first_name: 'Ada', last_name: 'L', email: 'a@x' } } } }),
		).toMatchObject({ meetingId: '1', registrantId: 'r', registrantName: 'Ada L', registrantEmail: 'a@x' });
		expect(summarise({ event: 'recording.completed', download_token: 'tok', payload: { object: { id: 2, host_email: 'h@x' } } })).toMatchObject({
			meetingId: '2',
			hostEmail: 'h@x',
			downloadToken: 'tok',
		});
		expect(summarise({ event: 'user.created', payload: { operator: 'admin@x', object: { id: 'u1', email: 'u@x' } } })).toMatchObject({
			userId: 'u1',
			userEmail: 'u@x',
			operator: 'admin@x',
		});
		expect(
			summarise({ event: 'app_deauthorized', payload: { account_id: 'a', user_id: 'u', client_id: 'c', deauthorization_time: '2026-11-22T00:00:00Z' } }),
		).toMatchObject({ accountId: 'a', userId: 'u', clientId: 'c', deauthorizationTime: '2026-11-22T00:00:00Z' });
	});
});

describe('meeting.summary_completed (Zoom AI Companion)', () => {
	it('puts the meeting fields Zoom names meeting_* at the top of the item, with the summary title', () => {
		const event: MeetingSummaryCompletedEvent = {
			event: 'meeting.summary_completed',
			event_ts: 1764590400000,
			payload: {
				account_id: 'acc',
				object: {
					meeting_host_id: 'host-1',
					meeting_host_email: 'host@example.com',
					meeting_uuid: 'uuid-1==',
					meeting_id: 85845671234,
					meeting_topic: 'Quarterly review',
					meeting_start_time: '2026-12-01T10:00:00Z',
					meeting_end_time: '2026-12-01T11:00:00Z',
					summary_start_time: '2026-12-01T10:00:00Z',
					summary_end_time: '2026-12-01T11:00:00Z',
					summary_created_time: '2026-12-01T11:05:00Z',
					summary_last_modified_time: '2026-12-01T11:05:00Z',
					summary_title: 'Quarterly review summary',
					summary_details: [{ label: 'Budget', summary: 'Approved' }],
					next_steps: ['Send the minutes'],
				},
			},
		};
		expect(summarise(event as never)).toMatchObject({
			event: 'meeting.summary_completed',
			meetingId: '85845671234',
			uuid: 'uuid-1==',
			topic: 'Quarterly review',
			hostId: 'host-1',
			hostEmail: 'host@example.com',
			startTime: '2026-12-01T10:00:00Z',
			endTime: '2026-12-01T11:00:00Z',
			summaryTitle: 'Quarterly review summary',
		});
	});
});
