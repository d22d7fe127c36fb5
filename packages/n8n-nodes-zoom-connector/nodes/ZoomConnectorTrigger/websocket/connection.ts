/**
 * Holds one Zoom event-subscription WebSocket open for as long as the trigger is active: heartbeats
 * every 30 s, a fresh connection with a fresh token before the token expires (opened before the old
 * one is closed, so no moment is left uncovered), and reconnection with backoff when the connection is
 * lost. Zoom does not replay what it sent while no connection was open
 * (https://developers.zoom.us/docs/api/websockets/). No timers of its own: every wait is a sleep that
 * also ends when the connection ends or the holder is closed.
 */
import { type SocketEndpoint, connectionUrl, withoutToken } from './endpoint';
import { HEARTBEAT_INTERVAL_MS, HEARTBEAT_MESSAGE, readZoomMessage } from './messages';
import { backoffMs, renewAt } from './timing';
import type { SocketToken } from './token';
import type { ZoomEnvelope } from '../signature';

/** The parts of the WHATWG WebSocket (Node.js 22+ has it built in) used here. */
export interface ZoomSocket {
	readonly readyState: number;
	send(data: string): void;
	close(code?: number, reason?: string): void;
	addEventListener(type: 'open' | 'error', listener: () => void): void;
	addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
	addEventListener(
		type: 'close',
		listener: (event: { code: number; reason: string }) => void,
	): void;
}

export type SocketFactory = (url: string) => ZoomSocket;

const OPEN = 1;

/** A connection that lasted this long was healthy: the next loss starts the backoff afresh. */
export const STABLE_MS = 60_000;

/** How long a connection may take to open. */
export const OPEN_TIMEOUT_MS = 30_000;

export interface HolderOptions {
	endpoint: SocketEndpoint;
	mintToken(): Promise<SocketToken>;
	openSocket: SocketFactory;
	onEvent(body: ZoomEnvelope): void;
	log: { info(message: string): void; warn(message: string): void; debug(message: string): void };
	wait(ms: number): Promise<void>;
	random?: () => number;
	heartbeatMs?: number;
	openTimeoutMs?: number;
	/** The earliest renewal after a token was issued (MIN_RENEW_AFTER_MS; tests shorten it). */
	minRenewAfterMs?: number;
}

interface Connection {
	socket: ZoomSocket;
	openedAt: number;
	renewAt: number;
	ended: boolean;
	whenEnded: Promise<void>;
	closeNote: string;
	refusal?: string;
}

export class SubscriptionHolder {
	private closed = false;
	private signalClosed!: () => void;
	private readonly whenClosed = new Promise<void>((resolve) => (this.signalClosed = resolve));
	private current?: Connection;
	private running?: Promise<void>;
	/** Counts for logs and tests. */
	readonly stats = { connections: 0, renewals: 0, reconnects: 0, events: 0 };

	constructor(private readonly options: HolderOptions) {}

	/** Opens the first connection; throws when that fails, so activation fails with the cause. */
	async start(): Promise<void> {
		const first = await this.connect();
		this.running = this.hold(first).catch((error) =>
			this.options.log.warn(
				`Zoom Connector Trigger stopped holding its WebSocket: ${(error as Error).message}`,
			),
		);
	}

	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		this.signalClosed();
		this.current?.socket.close(1000, 'trigger deactivated');
		await this.running;
	}

	private async hold(first: Connection): Promise<void> {
		let connection = first;
		let attempt = 0;
		let renewFailures = 0;
		while (!this.closed) {
			const outcome = await this.watch(connection);
			if (outcome === 'closed') return;
			if (outcome === 'renew') {
				try {
					const next = await this.connect();
					connection.socket.close(1000, 'token renewed');
					connection = next;
					renewFailures = 0;
					this.stats.renewals += 1;
				} catch (error) {
					// The old connection still works until its token runs out: try again shortly.
					connection.renewAt = Date.now() + backoffMs(renewFailures++, this.random());
					this.options.log.warn(
						`Zoom Connector Trigger could not renew its WebSocket connection yet: ${(error as Error).message}`,
					);
				}
				continue;
			}
			if (Date.now() - connection.openedAt >= STABLE_MS) attempt = 0;
			this.options.log.warn(
				`Zoom Connector Trigger lost its WebSocket connection (${connection.closeNote}); reconnecting. Events Zoom sends until then are not delivered.`,
			);
			const next = await this.reconnect(attempt);
			if (!next) return;
			attempt = next.attempt;
			connection = next.connection;
		}
	}

	private async reconnect(
		from: number,
	): Promise<{ connection: Connection; attempt: number } | undefined> {
		let attempt = from;
		while (!this.closed) {
			await this.pause(backoffMs(attempt++, this.random()));
			if (this.closed) return undefined;
			try {
				const connection = await this.connect();
				this.stats.reconnects += 1;
				this.options.log.info('Zoom Connector Trigger reconnected its WebSocket');
				return { connection, attempt };
			} catch (error) {
				this.options.log.warn(
					`Zoom Connector Trigger could not reconnect its WebSocket: ${(error as Error).message}`,
				);
			}
		}
		return undefined;
	}

	/** Heartbeats until the connection ends, its token is due for renewal, or the holder closes. */
	private async watch(connection: Connection): Promise<'ended' | 'renew' | 'closed'> {
		const every = this.options.heartbeatMs ?? HEARTBEAT_INTERVAL_MS;
		let nextBeat = Date.now() + every;
		for (;;) {
			if (this.closed) return 'closed';
			if (connection.ended) return 'ended';
			const now = Date.now();
			if (now >= connection.renewAt) return 'renew';
			if (now >= nextBeat) {
				if (connection.socket.readyState === OPEN) connection.socket.send(HEARTBEAT_MESSAGE);
				nextBeat = now + every;
			}
			const until = Math.max(1, Math.min(nextBeat, connection.renewAt) - now);
			await Promise.race([this.options.wait(until), connection.whenEnded, this.whenClosed]);
		}
	}

	private async pause(ms: number): Promise<void> {
		await Promise.race([this.options.wait(ms), this.whenClosed]);
	}

	private random(): number {
		return (this.options.random ?? Math.random)();
	}

	/** A fresh token, then a connection opened with it; rejects when it does not open. */
	private async connect(): Promise<Connection> {
		const token = await this.options.mintToken();
		if (this.closed) throw new Error('the trigger was deactivated');
		const url = connectionUrl(this.options.endpoint, token.accessToken);
		const socket = this.options.openSocket(url);
		let markEnded!: () => void;
		const connection: Connection = {
			socket,
			openedAt: 0,
			renewAt: renewAt(token.issuedAt, token.expiresInSeconds, this.options.minRenewAfterMs),
			ended: false,
			whenEnded: new Promise<void>((resolve) => (markEnded = resolve)),
			closeNote: '',
		};
		const opened = new Promise<void>((resolve, reject) => {
			socket.addEventListener('open', () => resolve());
			socket.addEventListener('error', () =>
				reject(new Error(`could not connect to ${withoutToken(url)}`)),
			);
			socket.addEventListener('close', (event) => {
				connection.ended = true;
				connection.closeNote =
					connection.refusal ??
					`closed with code ${event.code}${event.reason ? `: ${event.reason}` : ''}`;
				markEnded();
				reject(new Error(`${withoutToken(url)} ${connection.closeNote}`));
			});
		});
		// Settled either way below; after a timeout its later rejection has nobody to tell.
		opened.catch(() => undefined);
		socket.addEventListener('message', (event) => this.receive(connection, event.data));
		const timeout = this.options.openTimeoutMs ?? OPEN_TIMEOUT_MS;
		const outcome = await Promise.race([
			opened.then(() => 'open' as const),
			this.options.wait(timeout).then(() => 'timeout' as const),
			this.whenClosed.then(() => 'closed' as const),
		]);
		if (outcome === 'closed') {
			socket.close(1000, 'trigger deactivated');
			throw new Error('the trigger was deactivated');
		}
		if (outcome === 'timeout') {
			socket.close(1000, 'open timed out');
			throw new Error(`${withoutToken(url)} did not open within ${timeout / 1000} s`);
		}
		connection.openedAt = Date.now();
		this.stats.connections += 1;
		this.current = connection;
		return connection;
	}

	/**
	 * One message from Zoom. Runs in the socket's event handler, where an exception would escape as an
	 * uncaught exception and lose the event without a word: whatever goes wrong is logged instead.
	 */
	private receive(connection: Connection, data: unknown): void {
		try {
			this.handle(connection, data);
		} catch (error) {
			this.options.log.warn(
				`Zoom Connector Trigger dropped a WebSocket message it could not handle: ${(error as Error).message}`,
			);
		}
	}

	private handle(connection: Connection, data: unknown): void {
		const message = readZoomMessage(data);
		if (message.kind === 'event') {
			this.stats.events += 1;
			this.options.onEvent(message.body);
			return;
		}
		if (message.kind === 'refused') {
			connection.refusal = `Zoom refused it: ${message.reason}`;
			this.options.log.warn(`Zoom Connector Trigger: ${connection.refusal}`);
			connection.socket.close(1000, 'refused by Zoom');
			return;
		}
		if (message.kind === 'unreadable') {
			this.options.log.warn(
				`Zoom Connector Trigger dropped a WebSocket event it could not read: ${message.reason}`,
			);
			return;
		}
		this.options.log.debug(`Zoom Connector Trigger ignored a WebSocket message: ${message.reason}`);
	}
}
