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

/** Frames out of a byte stream, however it is cut into chunks. */
export class FrameReader {
	private buffered = Buffer.alloc(0);

	push(chunk: Buffer): Frame[] {
		this.buffered = Buffer.concat([this.buffered, chunk]);
		const frames: Frame[] = [];
		for (;;) {
			const frame = this.next();
			if (!frame) return frames;
			frames.push(frame);
		}
	}

	private next(): Frame | undefined {
		const b = this.buffered;
		if (b.length < 2) return undefined;
		const masked = (b[1] & 0x80) !== 0;
		let length = b[1] & 0x7f;
		let offset = 2;
		if (length === 126) {
			if (b.length < 4) return undefined;
			length = b.readUInt16BE(2);
			offset = 4;
		} else if (length === 127) {
			if (b.length < 10) return undefined;
			length = Number(b.readBigUInt64BE(2));
			offset = 10;
		}
		const keyOffset = offset;
		if (masked) offset += 4;
		if (b.length < offset + length) return undefined;
		const payload = Buffer.from(b.subarray(offset, offset + length));
		if (masked) for (let i = 0; i < length; i++) payload[i] ^= b[keyOffset + (i % 4)];
		this.buffered = b.subarray(offset + length);
		return { fin: (b[0] & 0x80) !== 0, opcode: b[0] & 0x0f, payload };
	}
}

/** Whole messages out of frames: data frames joined across continuations, control frames as they come. */
export class MessageReader {
	private frames = new FrameReader();
	private parts: Buffer[] = [];
	private opcode = 0;

	push(chunk: Buffer): Frame[] {
		const out: Frame[] = [];
		for (const frame of this.frames.push(chunk)) {
			if (frame.opcode >= OPCODE.close) {
				out.push(frame);
				continue;
			}
			if (frame.opcode !== OPCODE.continuation) this.opcode = frame.opcode;
			this.parts.push(frame.payload);
			if (!frame.fin) continue;
			out.push({ fin: true, opcode: this.opcode, payload: Buffer.concat(this.parts) });
			this.parts = [];
		}
		return out;
	}
}
