/**
 * Deeply nested JSON (issue 28, item 8): a signed body well under 1 MiB can nest a hundred thousand levels.
 * It is refused when read, with a 400 that says why, before anything walks it recursively (the delivery
 * keys hash the payload; n8n copies and saves the item); on the WebSocket it is dropped with a warning.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';

import { deliveryKeys } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/deliveries';
import { MAX_JSON_DEPTH, nestsDeeperThan } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/jsonDepth';
import { screen } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/signature';
import { readZoomMessage } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/websocket/messages';

const SECRET = 'hfl3ZaS4QX2dwBcj_6kmkA';
const NOW = 1_763_800_000;

/** The depth of a value, recursively: the reference, for values small enough to walk that way. */
function depthOf(value: unknown): number {
	if (typeof value !== 'object' || value === null) return 0;
	return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

const nested = (depth: number, open = '[', close = ']') => `${open.repeat(depth)}${close.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

function signed(body: string) {
	const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${NOW}:${body}`).digest('hex')}`;
	return { secret: SECRET, headers: { 'x-zm-request-timestamp': String(NOW), 'x-zm-signature': signature }, rawBody: Buffer.from(body), nowSeconds: NOW };
}

describe('nestsDeeperThan', () => {
	it('property: agrees with a recursive count on any JSON value', () => {
		fc.assert(
			fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 10 }), (value, limit) => {
				expect(nestsDeeperThan(value, limit)).toBe(depthOf(value) > limit);
			}),
		);
	});

	it('measures 200,000 levels of arrays or objects without overflowing the stack', () => {
		expect(nestsDeeperThan(JSON.parse(nested(200_000)))).toBe(true);
		expect(nestsDeeperThan(JSON.parse(deepObject(200_000)))).toBe(true);
		expect(nestsDeeperThan(JSON.parse(nested(MAX_JSON_DEPTH)))).toBe(false);
		expect(nestsDeeperThan(JSON.parse(nested(MAX_JSON_DEPTH + 1)))).toBe(true);
	});
});

describe('a signed body nested 120,000 levels deep (240 kB)', () => {
	const body = `{"event":"meeting.started","event_ts":1763800000000,"payload":{"account_id":"a","object":{"id":"1","deep":${nested(120_000)}}}}`;

	it('is refused with a 400 that says why, and is never handed on', () => {
		expect(body.length).toBeLessThan(1024 * 1024);
		expect(screen(signed(body))).toEqual({ ok: false, status: 400, reason: expect.stringMatching(/more than 64 levels deep/) });
	});

	it('as Zoom shapes events (a few levels) is taken, and its delivery keys are made', () => {
		const shallow = `{"event":"meeting.started","event_ts":1763800000000,"payload":{"account_id":"a","object":{"id":"1","deep":${nested(MAX_JSON_DEPTH - 4)}}}}`;
		const decision = screen(signed(shallow));
		expect(decision).toMatchObject({ ok: true, kind: 'event' });
		if (decision.ok && decision.kind === 'event') expect(deliveryKeys({}, decision.body)).toHaveLength(1);
	});

	it('on the WebSocket, as text or as an object, is unreadable, not an exception', () => {
		const asText = JSON.stringify({ module: 'message', content: body });
		const asObject = `{"module":"message","content":${body}}`;
		for (const message of [asText, asObject]) {
			expect(readZoomMessage(message)).toEqual({ kind: 'unreadable', reason: expect.stringMatching(/more than 64 levels deep/) });
		}
	});
});
