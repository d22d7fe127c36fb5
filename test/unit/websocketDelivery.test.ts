/**
 * The WebSocket delivery's pure parts (backoff, renewal time, reading Zoom's messages, the endpoint
 * check) and the connection holder driven by scripted sockets: first connection failing activation,
 * reconnecting after a loss, renewing before the token expires, heartbeats, refusals, and closing.
 */
import fc from 'fast-check';

import {
	SubscriptionHolder,
	type HolderOptions,
	type ZoomSocket,
} from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/websocket/connection';
import { checkEndpoint, connectionUrl, withoutToken } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/websocket/endpoint';
import { HEARTBEAT_MESSAGE, readZoomMessage } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/websocket/messages';
import { BACKOFF_MAX_MS, backoffMs, MIN_RENEW_AFTER_MS, renewAt, RENEW_AHEAD_MS } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/websocket/timing';
import type { ZoomEnvelope } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/signature';

describe('backoff', () => {
	it('stays between half and all of a ceiling that doubles from 1 s up to 60 s', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, random) => {
				const ceiling = Math.min(BACKOFF_MAX_MS, 1000 * 2 ** Math.min(attempt, 30));
				const wait = backoffMs(attempt, random);
				expect(wait).toBeGreaterThanOrEqual(ceiling / 2);
				expect(wait).toBeLessThanOrEqual(ceiling);
			}),
		);
		expect([0, 1, 2, 3, 6, 7, 50].map((a) => backoffMs(a, 0.999999))).toEqual([1000, 2000, 4000, 8000, 60000, 60000, 60000]);
		expect(backoffMs(-3, 5)).toBe(1000);
	});
});

describe('renewal time', () => {
	it('renews an hour-long token 5 minutes early, a short one at 80% of its life, always before it expires', () => {
		expect(renewAt(0, 3600)).toBe(3600_000 - RENEW_AHEAD_MS);
		expect(renewAt(1000, 40)).toBe(1000 + 32_000);
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: Math.ceil(MIN_RENEW_AFTER_MS / 800), max: 86400 }), (issued, seconds) => {
				const at = renewAt(issued, seconds);
				expect(at).toBeLessThan(issued + seconds * 1000);
				expect(at).toBeGreaterThanOrEqual(issued + seconds * 800);
			}),
		);
	});

	it('never renews sooner than 10 s after the token was issued, whatever expires_in claims', () => {
		expect(MIN_RENEW_AFTER_MS).toBe(10_000);
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.double({ min: 0, max: 86400, noNaN: true }), (issued, seconds) => {
				expect(renewAt(issued, seconds) - issued).toBeGreaterThanOrEqual(MIN_RENEW_AFTER_MS);
			}),
		);
		expect(renewAt(5000, 0.001)).toBe(5000 + MIN_RENEW_AFTER_MS);
	});
});

describe('Zoom’s WebSocket messages', () => {
	const envelope = { event: 'meeting.started', event_ts: 1764600000000, payload: { account_id: 'a', object: { id: 1 } } };

	it('reads an event whose content is the envelope as JSON text (or, leniently, as an object)', () => {
		expect(readZoomMessage(JSON.stringify({ module: 'message', content: JSON.stringify(envelope) }))).toEqual({ kind: 'event', body: envelope });
		expect(readZoomMessage(JSON.stringify({ module: 'message', content: envelope }))).toEqual({ kind: 'event', body: envelope });
	});

	it('any envelope survives the wrapping', () => {
		fc.assert(
			fc.property(fc.string({ minLength: 1 }), fc.option(fc.integer({ min: 0 }), { nil: undefined }), fc.dictionary(fc.string(), fc.jsonValue()), (event, ts, payload) => {
				const body: Record<string, unknown> = { event, payload, ...(ts === undefined ? {} : { event_ts: ts }) };
				const read = readZoomMessage(JSON.stringify({ module: 'message', content: JSON.stringify(body) }));
				expect(read).toEqual({ kind: 'event', body: JSON.parse(JSON.stringify(body)) });
			}),
		);
	});

	it('takes success:false as a refusal and leaves heartbeat answers, other modules and junk alone', () => {
		expect(readZoomMessage(JSON.stringify({ module: 'build_connection', success: false, content: 'Invalid token' }))).toEqual({ kind: 'refused', reason: 'Invalid token' });
		expect(readZoomMessage(JSON.stringify({ module: 'heartbeat', success: true }))).toEqual({ kind: 'ignored', reason: 'module heartbeat' });
		expect(readZoomMessage(JSON.stringify({ module: 'build_connection', success: true }))).toMatchObject({ kind: 'ignored' });
		expect(readZoomMessage('not json')).toEqual({ kind: 'ignored', reason: 'not JSON' });
		expect(readZoomMessage(Buffer.from('{}'))).toEqual({ kind: 'ignored', reason: 'not a text message' });
		expect(readZoomMessage('[1]')).toEqual({ kind: 'ignored', reason: 'not a JSON object' });
		expect(readZoomMessage(JSON.stringify({ module: 'message' }))).toEqual({ kind: 'ignored', reason: 'message without content' });
		expect(readZoomMessage(JSON.stringify({ module: 'message', content: '{"payload":{}}' }))).toEqual({ kind: 'unreadable', reason: 'content: Body has no "event" string' });
	});

	it('never throws, whatever arrives', () => {
		fc.assert(fc.property(fc.oneof(fc.string(), fc.json()), (text) => void readZoomMessage(text)));
	});
});

describe('the endpoint URL', () => {
	it('accepts Zoom’s wss URL, and drops an access_token pasted with it', () => {
		expect(checkEndpoint(' wss://ws.zoom.us/ws?subscriptionId=ZhPGtK84&access_token=old ', 'zoom')).toEqual({
			ok: true,
			endpoint: { url: 'wss://ws.zoom.us/ws?subscriptionId=ZhPGtK84', subscriptionId: 'ZhPGtK84' },
		});
		expect(checkEndpoint('wss://ws.zoomgov.com/ws?subscriptionId=g1', 'gov')).toMatchObject({ ok: true });
	});

	it('sends no token off Zoom, unencrypted, or without a subscription', () => {
		const problem = (url: string, env: 'zoom' | 'gov' | 'custom') => {
			const checked = checkEndpoint(url, env);
			return checked.ok ? undefined : checked.problem;
		};
		expect(problem('ws://ws.zoom.us/ws?subscriptionId=a', 'zoom')).toMatch(/is not on Zoom \(wss:\/\/ on zoom\.us\)/);
		expect(problem('wss://ws.evilzoom.us/ws?subscriptionId=a', 'zoom')).toMatch(/is not on Zoom/);
		expect(problem('wss://ws.zoom.us/ws?subscriptionId=a', 'gov')).toMatch(/wss:\/\/ on zoomgov\.com/);
		expect(problem('wss://ws.zoom.us/ws', 'zoom')).toMatch(/has no subscriptionId/);
		expect(problem('zoom', 'zoom')).toMatch(/is not a URL/);
		expect(problem('ws://sandbox.example.com/ws?subscriptionId=a', 'custom')).toMatch(/unencrypted: use wss:\/\//);
		expect(problem('ws://127.0.0.1:4010/ws?subscriptionId=a', 'custom')).toBeUndefined();
		expect(problem('wss://zoom.example.com/ws?subscriptionId=a', 'custom')).toBeUndefined();
	});

	it('adds the token to connect, and hides it in what is logged', () => {
		const url = connectionUrl({ url: 'wss://ws.zoom.us/ws?subscriptionId=s', subscriptionId: 's' }, 'tok/en+1');
		expect(url).toBe('wss://ws.zoom.us/ws?subscriptionId=s&access_token=tok%2Fen%2B1');
		expect(withoutToken(url)).toBe('wss://ws.zoom.us/ws?subscriptionId=s&access_token=…');
	});
});

/** A scripted stand-in for the built-in WebSocket: opens, fails or closes when the test says. */
class FakeSocket implements ZoomSocket {
	readyState = 0;
	sent: string[] = [];
	closedWith?: { code?: number; reason?: string };
	private listeners = new Map<string, Array<(event: any) => void>>();
	constructor(
		readonly url: string,
		private readonly journal: string[] = [],
		private readonly name = '',
	) {}
	addEventListener(type: string, listener: (event: any) => void): void {
		this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
	}
	private fire(type: string, event: unknown = {}): void {
		for (const listener of this.listeners.get(type) ?? []) listener(event);
	}
	send(data: string): void {
		this.sent.push(data);
	}
	close(code?: number, reason?: string): void {
		if (this.readyState === 3) return;
		this.closedWith = { code, reason };
		this.journal.push(`close ${this.name}`);
		this.readyState = 3;
		queueMicrotask(() => this.fire('close', { code: code ?? 1005, reason: reason ?? '' }));
	}
	open(): void {
		this.journal.push(`open ${this.name}`);
		this.readyState = 1;
		this.fire('open');
	}
	fail(): void {
		this.readyState = 3;
		this.fire('error');
		this.fire('close', { code: 1006, reason: '' });
	}
	drop(code = 1006, reason = ''): void {
		this.readyState = 3;
		this.fire('close', { code, reason });
	}
	receive(data: unknown): void {
		this.fire('message', { data });
	}
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Every holder a test made is closed after it, passed or failed, so none keeps running. */
const made: SubscriptionHolder[] = [];
afterEach(async () => {
	await Promise.all(made.splice(0).map(async (holder) => await holder.close()));
});

async function until(done: () => boolean, ms = 3000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!done()) {
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((resolve) => setTimeout(resolve, 2));
	}
}

function rig(overrides: Partial<HolderOptions> & { script?: Array<'open' | 'fail' | 'hang'>; expiresInSeconds?: number } = {}) {
	const sockets: FakeSocket[] = [];
	const journal: string[] = [];
	const events: ZoomEnvelope[] = [];
	const waits: number[] = [];
	let tokens = 0;
	const script = overrides.script ?? [];
	const holder = new SubscriptionHolder({
		endpoint: { url: 'wss://ws.zoom.us/ws?subscriptionId=s1', subscriptionId: 's1' },
		mintToken: async () => ({ accessToken: `token-${++tokens}`, issuedAt: Date.now(), expiresInSeconds: overrides.expiresInSeconds ?? 3600 }),
		openSocket: (url) => {
			const socket = new FakeSocket(url, journal, String(sockets.length));
			const step = script[sockets.length] ?? 'open';
			sockets.push(socket);
			if (step !== 'hang') setImmediate(() => (step === 'open' ? socket.open() : socket.fail()));
			return socket;
		},
		onEvent: (body) => events.push(body),
		log: { info: () => undefined, warn: () => undefined, debug: () => undefined },
		// Time is compressed: every wait is a few ms, and the waits asked for are recorded.
		wait: async (ms) => {
			waits.push(ms);
			await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 3)));
		},
		random: () => 0,
		...overrides,
	});
	made.push(holder);
	return { holder, sockets, events, waits, journal };
}

describe('holding the connection', () => {
	it('fails start() when the first connection does not open, so activation shows the cause', async () => {
		const { holder, sockets } = rig({ script: ['fail'] });
		await expect(holder.start()).rejects.toThrow('could not connect to wss://ws.zoom.us/ws?subscriptionId=s1&access_token=…');
		expect(sockets).toHaveLength(1);
	});

	it('emits events, and after a loss reconnects with a fresh token, backing off between failures', async () => {
		const { holder, sockets, events, waits } = rig({ script: ['open', 'fail', 'fail', 'open'] });
		await holder.start();
		expect(sockets[0].url).toContain('access_token=token-1');
		const envelope = { event: 'meeting.ended', payload: { object: { id: 7 } } };
		sockets[0].receive(JSON.stringify({ module: 'message', content: JSON.stringify(envelope) }));
		expect(events).toEqual([envelope]);
		sockets[0].drop();
		await until(() => sockets.length === 4 && sockets[3].readyState === 1);
		expect(sockets.map((s) => new URL(s.url).searchParams.get('access_token'))).toEqual(['token-1', 'token-2', 'token-3', 'token-4']);
		// random() = 0: half of 1 s, 2 s, 4 s.
		expect(waits.filter((w) => w >= 500 && w <= 4000 && w !== 30_000).slice(0, 3)).toEqual([500, 1000, 2000]);
		sockets[3].receive(JSON.stringify({ module: 'message', content: JSON.stringify({ ...envelope, event: 'meeting.started' }) }));
		expect(events.map((e) => e.event)).toEqual(['meeting.ended', 'meeting.started']);
		expect(holder.stats).toMatchObject({ connections: 2, reconnects: 1, events: 2 });
		await holder.close();
	});

	it('opens the renewed connection before closing the old one', async () => {
		const { holder, sockets, journal } = rig({ expiresInSeconds: 0.2, minRenewAfterMs: 50 });
		await holder.start();
		await until(() => sockets.length >= 2 && sockets[0].closedWith !== undefined);
		expect(sockets[0].closedWith).toEqual({ code: 1000, reason: 'token renewed' });
		expect(journal.slice(0, 3)).toEqual(['open 0', 'open 1', 'close 0']);
		expect(sockets[1].readyState).toBe(1);
		expect(holder.stats.renewals).toBeGreaterThanOrEqual(1);
		await holder.close();
	});

	it('with a token that claims to expire in a millisecond, asks for tokens and opens connections no faster than the floor', async () => {
		let tokens = 0;
		const { holder, sockets } = rig({
			minRenewAfterMs: 200,
			mintToken: async () => ({ accessToken: `token-${++tokens}`, issuedAt: Date.now(), expiresInSeconds: 0.001 }),
		});
		await holder.start();
		await new Promise((resolve) => setTimeout(resolve, 700));
		// 700 ms at one renewal per 200 ms: the first connection and at most three renewals (without a floor: hundreds).
		expect(tokens).toBeLessThanOrEqual(4);
		expect(sockets.length).toBeLessThanOrEqual(4);
		expect(sockets.length).toBeGreaterThanOrEqual(2);
		await holder.close();
	});

	it('sends Zoom’s heartbeat while the connection is open', async () => {
		const { holder, sockets } = rig({ heartbeatMs: 5 });
		await holder.start();
		await until(() => sockets[0].sent.length >= 2);
		expect(new Set(sockets[0].sent)).toEqual(new Set([HEARTBEAT_MESSAGE]));
		await holder.close();
	});

	it('closes a connection Zoom refuses and connects again', async () => {
		const { holder, sockets } = rig();
		await holder.start();
		sockets[0].receive(JSON.stringify({ module: 'build_connection', success: false, content: 'Invalid subscription' }));
		await until(() => sockets.length === 2 && sockets[1].readyState === 1);
		expect(sockets[0].closedWith).toEqual({ code: 1000, reason: 'refused by Zoom' });
		await holder.close();
	});

	it('drops an unreadable or failing event with a warning, never an exception out of the socket’s handler, and keeps going', async () => {
		const warnings: string[] = [];
		let fail = true;
		const emitted: string[] = [];
		const { holder, sockets } = rig({
			log: { info: () => undefined, warn: (m) => void warnings.push(m), debug: () => undefined },
			onEvent: (body) => {
				if (fail) throw new Error('the item could not be made');
				emitted.push(body.event);
			},
		});
		await holder.start();
		const deep = `{"module":"message","content":{"event":"meeting.started","payload":{"x":${'['.repeat(120_000)}${']'.repeat(120_000)}}}}`;
		expect(() => sockets[0].receive(deep)).not.toThrow();
		expect(() => sockets[0].receive(JSON.stringify({ module: 'message', content: JSON.stringify({ event: 'meeting.ended', payload: {} }) }))).not.toThrow();
		fail = false;
		sockets[0].receive(JSON.stringify({ module: 'message', content: JSON.stringify({ event: 'meeting.started', payload: {} }) }));
		expect(emitted).toEqual(['meeting.started']);
		expect(warnings).toEqual([
			expect.stringMatching(/dropped a WebSocket event it could not read: .*more than 64 levels deep/),
			expect.stringMatching(/dropped a WebSocket message it could not handle: the item could not be made/),
		]);
		expect(sockets[0].readyState).toBe(1);
		await holder.close();
	});

	it('on close, stops waiting for a connection that has not opened yet', async () => {
		// The second socket never opens, and the 60 s open timeout is really waited for.
		const { holder, sockets } = rig({
			script: ['open', 'hang'],
			openTimeoutMs: 60_000,
			wait: async (ms) => await new Promise((resolve) => setTimeout(resolve, ms >= 60_000 ? ms : Math.min(ms, 3)).unref()),
		});
		await holder.start();
		sockets[0].drop();
		await until(() => sockets.length === 2);
		const started = Date.now();
		await holder.close();
		expect(Date.now() - started).toBeLessThan(1000);
		expect(sockets[1].closedWith).toEqual({ code: 1000, reason: 'trigger deactivated' });
	});

	it('on close, ends the connection and opens no other, even while reconnecting', async () => {
		const { holder, sockets } = rig();
		await holder.start();
		await holder.close();
		expect(sockets[0].closedWith).toEqual({ code: 1000, reason: 'trigger deactivated' });
		await new Promise((resolve) => setTimeout(resolve, 30));
		expect(sockets).toHaveLength(1);

		const second = rig({ script: ['open', 'fail', 'fail', 'fail', 'fail'] });
		await second.holder.start();
		second.sockets[0].drop();
		await until(() => second.sockets.length >= 3);
		await second.holder.close();
		const count = second.sockets.length;
		await new Promise((resolve) => setTimeout(resolve, 30));
		await tick();
		expect(second.sockets).toHaveLength(count);
	});
});

describe('where Node.js has no WebSocket client', () => {
	it('activation fails saying what is needed (Node.js 22+), before reading any credential', async () => {
		const { hold, NO_WEBSOCKET_CLIENT } = await import('n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/websocket/socketTrigger');
		const context = {
			getNode: () => ({ id: 'n1', name: 'Zoom Trigger', type: 'zoomConnectorTrigger', typeVersion: 1, position: [0, 0], parameters: {} }),
			getCredentials: async () => {
				throw new Error('no credential should be read');
			},
		};
		const builtIn = typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'function';
		const attempt = hold(context as never, { websocketUrl: 'wss://ws.zoom.us/ws?subscriptionId=s', events: ['*'], emit: () => undefined, role: 'active' });
		// Jest runs on the repository's Node.js: 20 has no built-in client, 22 and newer have one.
		if (builtIn) await expect(attempt).rejects.toThrow('no credential should be read');
		else await expect(attempt).rejects.toThrow(NO_WEBSOCKET_CLIENT);
	});
});
