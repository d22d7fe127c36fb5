/**
 * Zoom's event-subscription WebSocket as the sandbox serves it (https://developers.zoom.us/docs/api/websockets/):
 * opened with a client_credentials token of the owning app, heartbeats answered, events wrapped as
 * {"module":"message","content":"<event JSON>"}, nothing kept for a closed connection, and the connection
 * closed when its token expires, when heartbeats stop, or cut by the control API.
 */
import type { MeetingEndedEvent } from '@zoom/rivet/meetings';
import { SANDBOX_WS_SUBSCRIPTION_ID } from '../../sandbox/websocket';
import { basic, SANDBOX_DEFAULTS as D, startHarness } from './helpers';
import type { Harness } from './helpers';
import { TestWsClient } from './wsClient';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => h.sandbox.close());
beforeEach(async () => h.control('POST', '/reset'));

/** The token Zoom's guide asks for: client_credentials with the app's client id and secret. */
async function appToken(): Promise<string> {
	const res = await h.http.post('/oauth/token?grant_type=client_credentials', '', { headers: { Authorization: basic(D.s2sClientId, D.s2sClientSecret) } });
	expect(res.status).toBe(200);
	expect(res.data).toMatchObject({ token_type: 'bearer', expires_in: expect.any(Number) });
	return res.data.access_token;
}

const wsUrl = (token: string, subscriptionId = SANDBOX_WS_SUBSCRIPTION_ID) =>
	`${h.sandbox.url}/ws?subscriptionId=${encodeURIComponent(subscriptionId)}&access_token=${encodeURIComponent(token)}`;

async function connect(token: string, subscriptionId?: string): Promise<TestWsClient> {
	const opened = await TestWsClient.open(wsUrl(token, subscriptionId));
	if (!opened.ok) throw new Error(`refused: ${opened.status} ${opened.body}`);
	return opened.client;
}

const connections = async () => (await h.control('GET', '/websockets/connections')) as Array<Record<string, any>>;

describe('opening', () => {
	it('takes the owning app’s client_credentials token and answers heartbeats', async () => {
		const client = await connect(await appToken());
		client.send(JSON.stringify({ module: 'heartbeat' }));
		await client.until(() => client.messages.length === 1);
		expect(JSON.parse(client.messages[0])).toEqual({ module: 'heartbeat', success: true });
		expect(await connections()).toMatchObject([{ subscriptionId: SANDBOX_WS_SUBSCRIPTION_ID, heartbeats: 1 }]);
		client.close();
		await client.until(() => client.closed !== undefined);
	});

	it('refuses a wrong, expired or foreign token and an unknown subscription at the handshake', async () => {
		expect(await TestWsClient.open(wsUrl('not-a-token'))).toMatchObject({ ok: false, status: 401 });
		const foreign = await h.control('POST', '/apps', { kind: 's2s' });
		const other = await h.http.post('/oauth/token?grant_type=client_credentials', '', { headers: { Authorization: basic(foreign.clientId, foreign.clientSecret) } });
		expect(await TestWsClient.open(wsUrl(other.data.access_token))).toMatchObject({ ok: false, status: 401 });
		const expired = await h.token({ ttlSeconds: 0 });
		expect(await TestWsClient.open(wsUrl(expired))).toMatchObject({ ok: false, status: 401 });
		expect(await TestWsClient.open(wsUrl(await appToken(), 'noSuchSubscription'))).toMatchObject({ ok: false, status: 404 });
		expect(await connections()).toEqual([]);
	});
});

describe('frames too big', () => {
	it('closes with 1009 on a frame header declaring 1 GiB, without waiting for (or buffering) its payload', async () => {
		const client = await connect(await appToken());
		// FIN + text, masked, 64-bit length 2^30, mask key, and a few payload bytes.
		const header = Buffer.alloc(14);
		header[0] = 0x81;
		header[1] = 0x80 | 127;
		header.writeBigUInt64BE(BigInt(2 ** 30), 2);
		client.writeRaw(Buffer.concat([header, Buffer.alloc(1024)]));
		await client.until(() => client.closed !== undefined, 3000);
		expect(client.closed).toEqual({ code: 1009, reason: 'Message too big.' });
		expect(await connections()).toMatchObject([{ closedBy: 'tooBig', closeCode: 1009 }]);
	});
});

describe('events', () => {
	it('carries a subscribed event as a message whose content is the webhook envelope (Rivet’s MeetingEndedEvent)', async () => {
		const s = await h.control('POST', '/scenario', { meetings: [{ topic: 'Over the socket', ended: { participants: 2 } }] });
		const client = await connect(await appToken());
		const sent = await h.control('POST', '/websockets/send', { event: 'meeting.ended', meetingId: s.meetings[0].id });
		expect(sent.delivered).toBe(1);
		await client.until(() => client.messages.length === 1);
		const message = JSON.parse(client.messages[0]);
		expect(message.module).toBe('message');
		expect(typeof message.content).toBe('string');
		const event = JSON.parse(message.content) as MeetingEndedEvent;
		expect(event.event).toBe('meeting.ended');
		expect(event.payload).toMatchObject({ account_id: D.s2sAccountId, object: { id: String(s.meetings[0].id), topic: 'Over the socket' } });
		expect(message.content).toBe(sent.body);
		client.close();
	});

	it('sends only the subscription’s events, and nothing sent while no connection was open comes later', async () => {
		const sub = await h.control('POST', '/websockets/subscriptions', { events: ['meeting.started'] });
		expect((await h.control('POST', '/websockets/send', { subscriptionId: sub.id, event: 'meeting.started' })).delivered).toBe(0);
		const client = await connect(await appToken(), sub.id);
		expect((await h.control('POST', '/websockets/send', { subscriptionId: sub.id, event: 'meeting.ended' })).delivered).toBe(0);
		expect((await h.control('POST', '/websockets/send', { subscriptionId: sub.id, event: 'meeting.started' })).delivered).toBe(1);
		await client.until(() => client.messages.length >= 1);
		await new Promise((r) => setTimeout(r, 200));
		expect(client.messages.map((m) => JSON.parse(JSON.parse(m).content).event)).toEqual(['meeting.started']);
		client.close();
	});
});

describe('closing', () => {
	it('closes the connection when its token expires', async () => {
		await h.control('POST', '/config', { tokenTtlSeconds: 1 });
		const client = await connect(await appToken());
		await client.until(() => client.closed !== undefined, 4000);
		expect(client.closed).toEqual({ code: 4001, reason: 'Access token is expired.' });
		expect(await connections()).toMatchObject([{ closedBy: 'expired' }]);
	});

	it('closes a connection that stops sending heartbeats', async () => {
		await h.control('POST', '/websockets/settings', { heartbeatTimeoutSeconds: 1 });
		const client = await connect(await appToken());
		await client.until(() => client.closed !== undefined, 4000);
		expect(client.closed).toEqual({ code: 4002, reason: 'No heartbeat received.' });
	});

	it('cuts connections without a close frame on kill, and expires tokens on demand', async () => {
		const first = await connect(await appToken());
		expect(await h.control('POST', '/websockets/kill', {})).toEqual({ killed: 1 });
		await first.until(() => first.closed !== undefined);
		expect(first.closed).toEqual({});
		const second = await connect(await appToken());
		expect(await h.control('POST', '/websockets/expire', {})).toEqual({ expired: 1 });
		await second.until(() => second.closed !== undefined);
		expect(second.closed?.code).toBe(4001);
		expect((await connections()).map((c) => c.closedBy)).toEqual(['killed', 'expired']);
	});
});
