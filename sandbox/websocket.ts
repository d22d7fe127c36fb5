// Zoom's event-subscription WebSocket (https://developers.zoom.us/docs/api/websockets/) at /ws: the
// client opens /ws?subscriptionId=…&access_token=… with a token of the app that owns the subscription,
// sends {"module":"heartbeat"} every 30 s, and receives each subscribed event as
// {"module":"message","content":"<the event's JSON>"} (the envelope a webhook carries). Nothing is sent
// while no connection is open, and nothing is replayed. Where Zoom documents no behaviour the sandbox
// picks a plain one and says so: a bad token or unknown subscription is refused at the handshake (401 /
// 404), a connection closes when its token expires or after heartbeatTimeoutSeconds without a heartbeat,
// and every open connection of a subscription gets each event.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Sandbox } from './core';
import { SANDBOX_DEFAULTS } from './store';
import type { Token } from './store';
import type { SendOptions } from './webhooks';
import { acceptKey, closePayload, encodeFrame, MessageReader, MessageTooBigError, OPCODE, readClosePayload } from './wsFrames';

export const SANDBOX_WS_SUBSCRIPTION_ID = 'sandboxWsSubscriptionA1';

export interface WsSubscription {
	id: string;
	/** The app (client id) whose tokens may open it. */
	clientId: string;
	/** Event names, or ['*'] for every event. */
	events: string[];
}

export interface WsConnectionRecord {
	id: number;
	subscriptionId: string;
	/** The token's last characters, to tell connections' tokens apart without printing them. */
	tokenTail: string;
	tokenExpiresAt: string;
	openedAt: string;
	closedAt?: string;
	/** Who closed it and why: client (its close frame), expired, heartbeat, killed, reset, tooBig (a frame over the limit). */
	closedBy?: 'client' | 'expired' | 'heartbeat' | 'killed' | 'reset' | 'network' | 'tooBig';
	closeCode?: number;
	closeReason?: string;
	heartbeats: number;
	delivered: number;
}

/** The message Zoom wraps an event in. */
export interface ZoomWsMessage {
	module: 'message';
	content: string;
}

interface Live {
	record: WsConnectionRecord;
	token: Token;
	socket: Duplex;
	timers: NodeJS.Timeout[];
	lastHeartbeat: number;
}

const DEFAULT_SUBSCRIPTION = (): WsSubscription => ({ id: SANDBOX_WS_SUBSCRIPTION_ID, clientId: SANDBOX_DEFAULTS.s2sClientId, events: ['*'] });

export class WebSockets {
	subscriptions = new Map<string, WsSubscription>([[SANDBOX_WS_SUBSCRIPTION_ID, DEFAULT_SUBSCRIPTION()]]);
	connections: WsConnectionRecord[] = [];
	heartbeatTimeoutSeconds = 90;
	private live = new Set<Live>();
	private nextId = 1;

	constructor(private sb: Sandbox) {}

	reset(): void {
		for (const l of [...this.live]) this.end(l, 'reset', 1001, 'sandbox reset');
		this.subscriptions = new Map([[SANDBOX_WS_SUBSCRIPTION_ID, DEFAULT_SUBSCRIPTION()]]);
		this.connections = [];
		this.heartbeatTimeoutSeconds = 90;
	}

	addSubscription(s: Partial<WsSubscription>): WsSubscription {
		const sub: WsSubscription = { id: s.id ?? `sandboxWs${this.nextId++}`, clientId: s.clientId ?? SANDBOX_DEFAULTS.s2sClientId, events: s.events ?? ['*'] };
		this.subscriptions.set(sub.id, sub);
		return sub;
	}

	openCount(subscriptionId?: string): number {
		return [...this.live].filter((l) => !subscriptionId || l.record.subscriptionId === subscriptionId).length;
	}

	/** The opening handshake, after checking the subscription and its token. */
	upgrade(req: IncomingMessage, socket: Duplex): void {
		const url = new URL(req.url ?? '/', 'http://sandbox');
		const refuse = (status: number, text: string) => {
			const body = JSON.stringify({ code: status, message: text });
			socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : 'Bad Request'}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
		};
		const key = req.headers['sec-websocket-key'];
		if (url.pathname !== '/ws' || typeof key !== 'string' || String(req.headers.upgrade).toLowerCase() !== 'websocket') return refuse(400, 'Not a WebSocket request');
		const sub = this.subscriptions.get(url.searchParams.get('subscriptionId') ?? '');
		if (!sub) return refuse(404, 'Subscription does not exist');
		const token = this.sb.store.tokens.get(url.searchParams.get('access_token') ?? '');
		if (!token || token.kind === 'download' || token.clientId !== sub.clientId) return refuse(401, 'Invalid access token.');
		if (token.expiresAt <= Date.now()) return refuse(401, 'Access token is expired.');
		socket.write(`HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: Upgrade\r\nsec-websocket-accept: ${acceptKey(key)}\r\n\r\n`);
		const record: WsConnectionRecord = {
			id: this.nextId++,
			subscriptionId: sub.id,
			tokenTail: token.value.slice(-6),
			tokenExpiresAt: new Date(token.expiresAt).toISOString(),
			openedAt: new Date().toISOString(),
			heartbeats: 0,
			delivered: 0,
		};
		this.connections.push(record);
		const live: Live = { record, token, socket, timers: [], lastHeartbeat: Date.now() };
		this.live.add(live);
		live.timers.push(setTimeout(() => this.end(live, 'expired', 4001, 'Access token is expired.'), Math.max(0, token.expiresAt - Date.now())));
		const watchdog = setInterval(() => {
			if (Date.now() - live.lastHeartbeat > this.heartbeatTimeoutSeconds * 1000) this.end(live, 'heartbeat', 4002, 'No heartbeat received.');
		}, 1000);
		live.timers.push(watchdog);
		const reader = new MessageReader();
		socket.on('data', (chunk: Buffer) => {
			let frames;
			try {
				frames = reader.push(chunk);
			} catch (error) {
				// A frame or message too big: close as RFC 6455 says (1009) rather than buffer it.
				if (error instanceof MessageTooBigError) return this.end(live, 'tooBig', error.closeCode, 'Message too big.');
				throw error;
			}
			for (const frame of frames) this.receive(live, frame.opcode, frame.payload);
		});
		socket.on('error', () => this.forget(live, 'network'));
		socket.on('close', () => this.forget(live, 'network'));
	}

	private receive(live: Live, opcode: number, payload: Buffer): void {
		if (opcode === OPCODE.close) {
			const { code, reason } = readClosePayload(payload);
			this.end(live, 'client', code, reason);
			return;
		}
		if (opcode === OPCODE.ping) {
			live.socket.write(encodeFrame(OPCODE.pong, payload));
			return;
		}
		if (opcode !== OPCODE.text) return;
		let message: unknown;
		try {
			message = JSON.parse(payload.toString('utf8'));
		} catch {
			return;
		}
		if ((message as { module?: unknown })?.module === 'heartbeat') {
			live.lastHeartbeat = Date.now();
			live.record.heartbeats++;
			live.socket.write(encodeFrame(OPCODE.text, JSON.stringify({ module: 'heartbeat', success: true })));
		}
	}

	/** Sends an event to every open connection of the subscription, if it is subscribed to it. */
	send(o: Omit<SendOptions, 'url'> & { subscriptionId?: string }): { delivered: number; connections: number[]; body: string } {
		const sub = this.subscriptions.get(o.subscriptionId ?? SANDBOX_WS_SUBSCRIPTION_ID);
		if (!sub) throw new Error(`No subscription ${o.subscriptionId}`);
		const body = JSON.stringify(this.sb.webhooks.envelope({ ...o, url: '' }));
		if (!sub.events.includes('*') && !sub.events.includes(o.event)) return { delivered: 0, connections: [], body };
		const message: ZoomWsMessage = { module: 'message', content: body };
		const targets = [...this.live].filter((l) => l.record.subscriptionId === sub.id);
		for (const l of targets) {
			l.socket.write(encodeFrame(OPCODE.text, JSON.stringify(message)));
			l.record.delivered++;
		}
		return { delivered: targets.length, connections: targets.map((l) => l.record.id), body };
	}

	/** Cuts connections with no close frame, as a network failure would. */
	kill(subscriptionId?: string): { killed: number } {
		const targets = [...this.live].filter((l) => !subscriptionId || l.record.subscriptionId === subscriptionId);
		for (const l of targets) {
			this.forget(l, 'killed');
			l.socket.destroy();
		}
		return { killed: targets.length };
	}

	/** Expires the tokens of open connections now (their connections close as Zoom's would). */
	expireTokens(subscriptionId?: string): { expired: number } {
		const targets = [...this.live].filter((l) => !subscriptionId || l.record.subscriptionId === subscriptionId);
		for (const l of targets) {
			l.token.expiresAt = Date.now();
			this.end(l, 'expired', 4001, 'Access token is expired.');
		}
		return { expired: targets.length };
	}

	private end(live: Live, by: WsConnectionRecord['closedBy'], code: number, reason: string): void {
		if (!this.live.has(live)) return;
		this.forget(live, by, code, reason);
		live.socket.write(encodeFrame(OPCODE.close, closePayload(code, reason)));
		live.socket.end();
	}

	private forget(live: Live, by: WsConnectionRecord['closedBy'], code?: number, reason?: string): void {
		if (!this.live.delete(live)) return;
		for (const t of live.timers) clearTimeout(t);
		Object.assign(live.record, { closedAt: new Date().toISOString(), closedBy: by, ...(code !== undefined ? { closeCode: code, closeReason: reason } : {}) });
	}
}
