/** A bare RFC 6455 client for the sandbox tests (Node 20, which runs jest, has no WebSocket built in). */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { acceptKey, closePayload, encodeFrame, MessageReader, OPCODE, readClosePayload } from '../../sandbox/wsFrames';

export type Opened = { ok: true; client: TestWsClient } | { ok: false; status: number; body: string };

export class TestWsClient {
	messages: string[] = [];
	/** Set when the connection ends: the close frame's code and reason, or none when it was cut. */
	closed?: { code?: number; reason?: string };
	private waiters: Array<() => void> = [];

	private constructor(private socket: Duplex) {
		const reader = new MessageReader();
		socket.on('data', (chunk: Buffer) => {
			for (const frame of reader.push(chunk)) {
				if (frame.opcode === OPCODE.text) this.messages.push(frame.payload.toString('utf8'));
				if (frame.opcode === OPCODE.close) this.closed = readClosePayload(frame.payload);
			}
			this.wake();
		});
		socket.on('close', () => {
			this.closed ??= {};
			this.wake();
		});
	}

	static open(url: string): Promise<Opened> {
		const key = randomBytes(16).toString('base64');
		return new Promise((resolve, reject) => {
			const req = http.get(url, { headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-key': key, 'sec-websocket-version': '13' } });
			req.on('upgrade', (res, socket) => {
				if (res.headers['sec-websocket-accept'] !== acceptKey(key)) reject(new Error('wrong Sec-WebSocket-Accept'));
				else resolve({ ok: true, client: new TestWsClient(socket) });
			});
			req.on('response', (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => resolve({ ok: false, status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
			});
			req.on('error', reject);
		});
	}

	send(text: string): void {
		this.socket.write(encodeFrame(OPCODE.text, text, true));
	}

	/** Bytes as they are, for frames no well-behaved client would send. */
	writeRaw(bytes: Buffer): void {
		this.socket.write(bytes);
	}

	close(code = 1000, reason = ''): void {
		this.socket.write(encodeFrame(OPCODE.close, closePayload(code, reason), true));
		this.socket.end();
	}

	/** Waits until `done` holds, failing after `ms`. */
	async until(done: () => boolean, ms = 5000): Promise<void> {
		const deadline = Date.now() + ms;
		while (!done()) {
			if (Date.now() > deadline) throw new Error('timed out waiting on the WebSocket');
			await new Promise<void>((resolve) => {
				this.waiters.push(resolve);
				setTimeout(resolve, 50);
			});
		}
	}

	private wake(): void {
		for (const w of this.waiters.splice(0)) w();
	}
}
