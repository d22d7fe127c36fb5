/**
 * The sandbox's RFC 6455 frame reader (sandbox/wsFrames.ts): frames come out whole however the stream is cut,
 * a large frame arriving in small chunks is read in linear time (it once re-joined the buffer on every chunk),
 * and a frame or message over the limit is refused from its header rather than buffered.
 */
import fc from 'fast-check';

import { encodeFrame, FrameReader, MAX_MESSAGE_BYTES, MessageReader, MessageTooBigError, OPCODE } from '../../sandbox/wsFrames';

function chunks(bytes: Buffer, size: number): Buffer[] {
	const out: Buffer[] = [];
	for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
	return out;
}

describe('FrameReader', () => {
	it('property: frames come out as they were encoded, masked or not, however the stream is cut', () => {
		const frame = fc.record({ opcode: fc.constantFrom(OPCODE.text, OPCODE.binary, OPCODE.ping), payload: fc.uint8Array({ maxLength: 70_000 }), mask: fc.boolean() });
		fc.assert(
			fc.property(fc.array(frame, { maxLength: 5 }), fc.array(fc.integer({ min: 1, max: 9000 }), { minLength: 1, maxLength: 20 }), (frames, cuts) => {
				const stream = Buffer.concat(frames.map((f) => encodeFrame(f.opcode, Buffer.from(f.payload), f.mask)));
				const reader = new FrameReader();
				const out = [];
				let at = 0;
				for (let i = 0; at < stream.length; i++) {
					const size = cuts[i % cuts.length];
					out.push(...reader.push(stream.subarray(at, at + size)));
					at += size;
				}
				expect(out.map((f) => [f.opcode, Buffer.from(f.payload).toString('hex')])).toEqual(frames.map((f) => [f.opcode, Buffer.from(f.payload).toString('hex')]));
			}),
			{ numRuns: 60 },
		);
	});

	it('reads a 4 MiB frame sent in 4 KiB chunks copying it about once, not once per chunk', () => {
		const payload = Buffer.alloc(MAX_MESSAGE_BYTES, 0x61);
		const stream = encodeFrame(OPCODE.text, payload, true);
		const reader = new FrameReader();
		// Bytes joined by Buffer.concat: linear reading joins the frame once; re-joining on every chunk is quadratic (2 GiB here).
		const concat = jest.spyOn(Buffer, 'concat');
		const started = process.hrtime.bigint();
		let frames;
		let copied = 0;
		try {
			frames = chunks(stream, 4096).flatMap((chunk) => reader.push(chunk));
			copied = concat.mock.results.reduce((sum, r) => sum + (r.value as Buffer).length, 0);
		} finally {
			concat.mockRestore();
		}
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		console.log(`4 MiB frame in 4 KiB chunks: ${ms.toFixed(0)} ms, ${(copied / 2 ** 20).toFixed(1)} MiB joined`);
		expect(frames).toHaveLength(1);
		expect(frames[0].payload.equals(payload)).toBe(true);
		expect(copied).toBeLessThan(2 * stream.length);
	});

	it('refuses a frame declaring more than the limit from its header, before its payload arrives', () => {
		for (const declared of [MAX_MESSAGE_BYTES + 1, 2 ** 30, Number.MAX_SAFE_INTEGER]) {
			const header = Buffer.alloc(10);
			header[0] = 0x82;
			header[1] = 127;
			header.writeBigUInt64BE(BigInt(declared), 2);
			expect(() => new FrameReader().push(header)).toThrow(MessageTooBigError);
		}
		const huge = Buffer.alloc(10);
		huge[0] = 0x82;
		huge[1] = 127;
		huge.writeBigUInt64BE(2n ** 64n - 1n, 2);
		expect(() => new FrameReader().push(huge)).toThrow(MessageTooBigError);
		// A 16-bit length over a small limit too.
		expect(() => new FrameReader(100).push(encodeFrame(OPCODE.text, Buffer.alloc(200)).subarray(0, 4))).toThrow(MessageTooBigError);
	});
});

describe('MessageReader', () => {
	it('joins fragments, and refuses a fragmented message whose parts add up past the limit', () => {
		const part = (opcode: number, text: string, fin: boolean) => {
			const frame = encodeFrame(opcode, text);
			if (!fin) frame[0] &= 0x7f;
			return frame;
		};
		const reader = new MessageReader(10);
		expect(reader.push(Buffer.concat([part(OPCODE.text, 'abc', false), part(OPCODE.continuation, 'def', true)])).map((f) => f.payload.toString())).toEqual(['abcdef']);
		expect(() => reader.push(Buffer.concat([part(OPCODE.text, 'abcdef', false), part(OPCODE.continuation, 'ghijkl', true)]))).toThrow(MessageTooBigError);
	});
});
