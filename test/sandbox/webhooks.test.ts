/** Outgoing webhooks (https://developers.zoom.us/docs/api/webhooks/): signing, retries, URL validation, payload builders. Verified independently here. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SANDBOX_DEFAULTS as D, startHarness } from './helpers';
import type { Harness } from './helpers';

interface Received {
	headers: http.IncomingHttpHeaders;
	raw: string;
	at: number;
}

/** A tiny endpoint whose answers are scripted per test. */
class Receiver {
	received: Received[] = [];
	answer: (r: Received) => { status: number; body?: string } = () => ({ status: 200 });
	server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const r = { headers: req.headers, raw: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
			this.received.push(r);
			const a = this.answer(r);
			res.writeHead(a.status, { 'content-type': 'application/json' });
			res.end(a.body ?? '');
		});
	});
	url = '';
	async start() {
		await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
	}
	reset() {
		this.received = [];
		this.answer = () => ({ status: 200 });
	}
	close() {
		this.server.closeAllConnections();
		return new Promise<void>((r) => this.server.close(() => r()));
	}
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The receiver side of Zoom's scheme, written from the reference, not from the sandbox code. */
function verify(r: Received, secret: string): boolean {
	const ts = r.headers['x-zm-request-timestamp'] as string;
	const sig = r.headers['x-zm-signature'] as string | undefined;
	if (!sig) return false;
	const expected = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${r.raw}`).digest('hex')}`;
	return sig.length === expected.length && timingSafeEqual(Buffer.from(sig), Buffer.from(expected));
}

let h: Harness;
const rx = new Receiver();
beforeAll(async () => {
	h = await startHarness();
	await rx.start();
});
afterAll(async () => {
	await h.sandbox.close();
	await rx.close();
});
beforeEach(() => rx.reset());

describe('delivery format and signature', () => {
	it('POSTs compact JSON with Zoom headers and a verifiable v0 signature', async () => {
		const res = await h.control('POST', '/webhooks/send', { url: rx.url, event: 'meeting.started', payload: { account_id: 'acc', object: { id: '123', topic: 'T' } } });
		expect(res.attempts).toEqual([{ status: 200, ms: expect.any(Number) }]);
		expect(rx.received).toHaveLength(1);
		const r = rx.received[0];
		expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
		expect(r.headers['user-agent']).toBe('Zoom Marketplace/1.0a');
		expect(r.headers['x-zm-trackingid']).toBeTruthy();
		expect(r.headers['x-zm-request-id']).toBeTruthy();
		const ts = Number(r.headers['x-zm-request-timestamp']);
		expect(Math.abs(ts - Date.now() / 1000)).toBeLessThan(5);
		expect(r.headers['x-zm-signature']).toMatch(/^v0=[0-9a-f]{64}$/);
		expect(verify(r, D.webhookSecretToken)).toBe(true);
		expect(verify(r, 'another-secret')).toBe(false);
		const body = JSON.parse(r.raw);
		expect(r.raw).toBe(JSON.stringify(body)); // compact
		expect(body).toMatchObject({ event: 'meeting.started', payload: { account_id: 'acc', object: { id: '123' } } });
		expect(typeof body.event_ts).toBe('number');
	});

	it('wrong / missing signatures, custom secret, stale timestamps and raw bodies', async () => {
		await h.control('POST', '/webhooks/send', { url: rx.url, event: 'meeting.started', signature: 'wrong' });
		await h.control('POST', '/webhooks/send', { url: rx.url, event: 'meeting.started', signature: 'missing' });
		await h.control('POST', '/webhooks/send', { url: rx.url, event: 'meeting.started', secretToken: 'mine' });
		await h.control('POST', '/webhooks/send', { url: rx.url, event: 'meeting.started', timestampSkewSeconds: 600 });
		await h.control('POST', '/webhooks/send', { url: rx.url, event: 'meeting.started', rawBody: '{"event":"meeting.started",  "weird":true}' });
		const [wrong, missing, mine, stale, raw] = rx.received;
		expect(verify(wrong, D.webhookSecretToken)).toBe(false);
		expect(missing.headers['x-zm-signature']).toBeUndefined();
		expect(verify(mine, 'mine')).toBe(true);
		expect(verify(stale, D.webhookSecretToken)).toBe(true);
		expect(Date.now() / 1000 - Number(stale.headers['x-zm-request-timestamp'])).toBeGreaterThan(590);
		expect(raw.raw).toBe('{"event":"meeting.started",  "weird":true}');
		expect(verify(raw, D.webhookSecretToken)).toBe(true);
	});
});

describe('retries', () => {
	it('retries on 500 with fresh timestamps and the same tracking id, until success', async () => {
		let n = 0;
		rx.answer = () => ({ status: ++n <= 2 ? 500 : 200 });
		const res = await h.control('POST', '/webhooks/send', { url: rx.url, event: 'meeting.ended', payload: { account_id: 'a', object: {} }, retryDelaysMs: [100, 100, 100] });
		expect(res.attempts[0].status).toBe(500);
		await sleep(600);
		expect(rx.received).toHaveLength(3);
		expect(new Set(rx.received.map((r) => r.headers['x-zm-trackingid'])).size).toBe(1);
		expect(new Set(rx.received.map((r) => r.raw)).size).toBe(1);
		for (const r of rx.received) expect(verify(r, D.webhookSecretToken)).toBe(true);
		expect(rx.received[1].at - rx.received[0].at).toBeGreaterThanOrEqual(90);
		const deliveries = (await h.control('GET', '/webhooks/deliveries')).filter((d: { deliveryId: string }) => d.deliveryId === res.deliveryId);
		expect(deliveries.map((d: { status: number }) => d.status)).toEqual([500, 500, 200]);
	});

	it('gives up after 3 retries', async () => {
		rx.answer = () => ({ status: 503 });
		await h.control('POST', '/webhooks/send', { url: rx.url, event: 'meeting.ended', retryDelaysMs: [50, 50, 50] });
		await sleep(500);
		expect(rx.received).toHaveLength(4);
	});

	it('does not retry 4xx', async () => {
		rx.answer = () => ({ status: 401 });
		const res = await h.control('POST', '/webhooks/send', { url: rx.url, event: 'meeting.ended', retryDelaysMs: [50, 50, 50] });
		expect(res.attempts[0].status).toBe(401);
		await sleep(300);
		expect(rx.received).toHaveLength(1);
	});

	it('retries on network failure (connection refused)', async () => {
		const dead = 'http://127.0.0.1:1/hook';
		const res = await h.control('POST', '/webhooks/send', { url: dead, event: 'meeting.ended', retryDelaysMs: [50] });
		expect(res.attempts[0].status).toBe(0);
		await sleep(300);
		const all = (await h.control('GET', '/webhooks/deliveries')).filter((d: { deliveryId: string }) => d.deliveryId === res.deliveryId);
		expect(all).toHaveLength(2);
	});
});

describe('URL validation', () => {
	it('ok when the endpoint answers plainToken + hex HMAC(secret, plainToken)', async () => {
		rx.answer = (r) => {
			const plainToken = JSON.parse(r.raw).payload.plainToken as string;
			return { status: 200, body: JSON.stringify({ plainToken, encryptedToken: createHmac('sha256', D.webhookSecretToken).update(plainToken).digest('hex') }) };
		};
		const res = await h.control('POST', '/webhooks/validate', { url: rx.url });
		expect(res.ok).toBe(true);
		expect(res.status).toBe(200);
		const body = JSON.parse(rx.received[0].raw);
		expect(body.event).toBe('endpoint.url_validation');
		expect(verify(rx.received[0], D.webhookSecretToken)).toBe(true);
	});

	it('not ok for a wrong answer', async () => {
		rx.answer = (r) => ({ status: 200, body: JSON.stringify({ plainToken: JSON.parse(r.raw).payload.plainToken, encryptedToken: 'nope' }) });
		expect((await h.control('POST', '/webhooks/validate', { url: rx.url })).ok).toBe(false);
	});
});

describe('payload builders', () => {
	it('meeting.ended, participant_joined and recording.completed come from the store', async () => {
		const s = await h.control('POST', '/scenario', { meetings: [{ topic: 'Hooked', ended: { participants: 3 } }] });
		const m = s.meetings[0];
		await h.control('POST', '/webhooks/send', { url: rx.url, event: 'meeting.ended', meetingId: m.id });
		await h.control('POST', '/webhooks/send', { url: rx.url, event: 'meeting.participant_joined', meetingId: m.id });
		await h.control('POST', '/webhooks/send', { url: rx.url, event: 'recording.completed', meetingId: m.id });
		const [ended, joined, rec] = rx.received.map((r) => JSON.parse(r.raw));
		expect(ended.payload).toMatchObject({ account_id: D.s2sAccountId, object: { id: String(m.id), uuid: m.latestUuid, topic: 'Hooked', host_id: D.meUserId } });
		expect(ended.payload.object.end_time).toBe(m.instances[0].end_time);
		expect(joined.payload.object.participant).toMatchObject({ user_name: 'Participant 0', email: 'participant0@example.com' });
		expect(typeof rec.download_token).toBe('string');
		expect(rec.payload.object.recording_files).toHaveLength(4);
		const url = rec.payload.object.recording_files[0].download_url as string;
		const dl = await h.http.get(url.replace(h.sandbox.url, ''), { headers: { Authorization: `Bearer ${rec.download_token}` } });
		expect(dl.status).toBe(302);
	});

	it('meeting.summary_completed: sent when a summary becomes ready (sendTo), for that instance, in Rivet’s shape; refused without a summary', async () => {
		const s = await h.control('POST', '/scenario', { meetings: [{ topic: 'Summarised', ended: { participants: 2, instances: 2 } }] });
		const m = s.meetings[0];
		const [first] = m.instances as Array<{ uuid: string; end_time: string }>;
		const without = await h.http.post('/_sandbox/webhooks/send', { url: rx.url, event: 'meeting.summary_completed', meetingId: m.id });
		expect(without.status).toBe(400);
		expect(rx.received).toHaveLength(0);
		const ready = await h.control('POST', '/summaries', { uuid: first.uuid, overview: 'Agreed.', details: [{ label: 'Plan', summary: 'Ship it.' }], nextSteps: ['Write notes'], sendTo: rx.url });
		expect(ready.delivery.attempts).toEqual([expect.objectContaining({ status: 200 })]);
		expect(rx.received).toHaveLength(1);
		expect(verify(rx.received[0], D.webhookSecretToken)).toBe(true);
		const event = JSON.parse(rx.received[0].raw);
		expect(event).toEqual({
			event: 'meeting.summary_completed',
			event_ts: expect.any(Number),
			payload: {
				account_id: D.s2sAccountId,
				object: {
					meeting_host_id: D.meUserId,
					meeting_host_email: expect.stringContaining('@'),
					meeting_uuid: first.uuid,
					meeting_id: m.id,
					meeting_topic: 'Summarised',
					meeting_start_time: expect.any(String),
					meeting_end_time: first.end_time,
					summary_start_time: expect.any(String),
					summary_end_time: first.end_time,
					summary_created_time: expect.any(String),
					summary_last_modified_time: expect.any(String),
					summary_title: 'Meeting summary for Summarised',
					summary_overview: 'Agreed.',
					summary_details: [{ label: 'Plan', summary: 'Ship it.' }],
					next_steps: ['Write notes'],
					summary_content: expect.stringContaining('Ship it.'),
					summary_doc_url: expect.stringMatching(/^https:\/\/docs\.zoom\.us\//),
				},
			},
		});
	});
});
