// The WebSocket protocol's wire format (RFC 6455, https://datatracker.ietf.org/doc/html/rfc6455): the
// opening handshake's accept key and frames, enough for Zoom's event-subscription socket (text, close,
// ping/pong, fragmented messages). No dependency: node:crypto only.
import { createHash, randomBytes } from 'node:crypto';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export const OPCODE = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 } as const;

/** The Sec-WebSocket-Accept answer to a client's Sec-WebSocket-Key (RFC 6455 §4.2.2). */
export const acceptKey = (key: string): string => createHash('sha1').update(`${key}${GUID}`).digest('base64');

export interface Frame {
	fin: boolean;
	opcode: number;
	payload: Buffer;
}

/** One frame; clients must mask theirs (RFC 6455 §5.3), servers must not. */
export function encodeFrame(opcode: number, payload: Buffer | string, mask = false): Buffer {
	const data = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
	const length = data.length;
	const lengthBytes = length < 126 ? 0 : length < 65536 ? 2 : 8;
	const header = Buffer.alloc(2 + lengthBytes + (mask ? 4 : 0));
	header[0] = 0x80 | opcode;
	header[1] = (mask ? 0x80 : 0) | (length < 126 ? length : length < 65536 ? 126 : 127);
	if (lengthBytes === 2) header.writeUInt16BE(length, 2);
	if (lengthBytes === 8) header.writeBigUInt64BE(BigInt(length), 2);
	if (!mask) return Buffer.concat([header, data]);
	const key = randomBytes(4);
	key.copy(header, 2 + lengthBytes);
	const masked = Buffer.alloc(length);
	for (let i = 0; i < length; i++) masked[i] = data[i] ^ key[i % 4];
	return Buffer.concat([header, masked]);
}

/** A close frame's payload: a 2-byte code and a UTF-8 reason (RFC 6455 §5.5.1). */
export function closePayload(code: number, reason = ''): Buffer {
	const out = Buffer.alloc(2 + Buffer.byteLength(reason));
	out.writeUInt16BE(code, 0);
	out.write(reason, 2);
	return out;
}

export function readClosePayload(payload: Buffer): { code: number; reason: string } {
	if (payload.length < 2) return { code: 1005, reason: '' };
	return { code: payload.readUInt16BE(0), reason: payload.subarray(2).toString('utf8') };
}

/** Zoom's event messages are well under this; a larger frame or message is refused, not buffered. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/** A frame or message over the limit (RFC 6455 §7.4.1: close with 1009, message too big). */
export class MessageTooBigError extends Error {
	readonly closeCode = 1009;
}

/**
 * Frames out of a byte stream, however it is cut into chunks. Chunks are kept as they come and joined
 * once per frame, when all of it has arrived (joining on every chunk would copy the buffer again each
 * time: quadratic in the frame's size). A frame declaring more than `maxBytes` is refused from its header.
 */
export class FrameReader {
	private chunks: Buffer[] = [];
	private size = 0;

	constructor(private readonly maxBytes: number = MAX_MESSAGE_BYTES) {}

	push(chunk: Buffer): Frame[] {
		if (chunk.length) {
			this.chunks.push(chunk);
			this.size += chunk.length;
		}
		const frames: Frame[] = [];
		for (;;) {
			const frame = this.next();
			if (!frame) return frames;
			frames.push(frame);
		}
	}

	/** The first `n` buffered bytes as one buffer (n <= size), joining only the chunks they span. */
	private head(n: number): Buffer {
		if (this.chunks[0].length >= n) return this.chunks[0];
		let count = 0;
		let joined = 0;
		while (joined < n) joined += this.chunks[count++].length;
		const first = Buffer.concat(this.chunks.slice(0, count), joined);
		this.chunks.splice(0, count, first);
		return first;
	}

	private next(): Frame | undefined {
		if (this.size < 2) return undefined;
		const top = this.head(Math.min(this.size, 14));
		const masked = (top[1] & 0x80) !== 0;
		let length = top[1] & 0x7f;
		let offset = 2;
		if (length === 126) {
			if (this.size < 4) return undefined;
			length = top.readUInt16BE(2);
			offset = 4;
		} else if (length === 127) {
			if (this.size < 10) return undefined;
			const declared = top.readBigUInt64BE(2);
			if (declared > BigInt(this.maxBytes)) throw new MessageTooBigError(`A frame declared ${declared} bytes; at most ${this.maxBytes} are taken`);
			length = Number(declared);
			offset = 10;
		}
		if (length > this.maxBytes) throw new MessageTooBigError(`A frame declared ${length} bytes; at most ${this.maxBytes} are taken`);
		const keyOffset = offset;
		if (masked) offset += 4;
		if (this.size < offset + length) return undefined;
		const b = this.head(offset + length);
		const payload = Buffer.from(b.subarray(offset, offset + length));
		if (masked) for (let i = 0; i < length; i++) payload[i] ^= b[keyOffset + (i % 4)];
		const rest = b.subarray(offset + length);
		this.chunks[0] = rest;
		if (!rest.length) this.chunks.shift();
		this.size -= offset + length;
		return { fin: (b[0] & 0x80) !== 0, opcode: b[0] & 0x0f, payload };
	}
}

/** Whole messages out of frames: data frames joined across continuations, control frames as they come. */
export class MessageReader {
	private readonly frames: FrameReader;
	private parts: Buffer[] = [];
	private partsSize = 0;
	private opcode = 0;

	constructor(private readonly maxBytes: number = MAX_MESSAGE_BYTES) {
		this.frames = new FrameReader(maxBytes);
	}

	push(chunk: Buffer): Frame[] {
		const out: Frame[] = [];
		for (const frame of this.frames.push(chunk)) {
			if (frame.opcode >= OPCODE.close) {
				out.push(frame);
				continue;
			}
			if (frame.opcode !== OPCODE.continuation) this.opcode = frame.opcode;
			this.parts.push(frame.payload);
			this.partsSize += frame.payload.length;
			// Fragments each under the limit may not add up past it either.
			if (this.partsSize > this.maxBytes) throw new MessageTooBigError(`A fragmented message passed ${this.maxBytes} bytes`);
			if (!frame.fin) continue;
			out.push({ fin: true, opcode: this.opcode, payload: Buffer.concat(this.parts, this.partsSize) });
			this.parts = [];
			this.partsSize = 0;
		}
		return out;
	}
}
