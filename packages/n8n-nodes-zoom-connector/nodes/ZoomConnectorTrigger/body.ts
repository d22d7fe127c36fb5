/**
 * Reading a delivery's body with the trigger's own limit.
 *
 * n8n 2.40 leaves the body unread for this node: its options.binaryData makes n8n skip parseRequestBody
 * (webhook-helpers), and the rawBodyReader middleware only installs req.readRawBody, which reads the whole
 * body (raw-body, limit N8N_PAYLOAD_SIZE_MAX = 16 MiB, inflating gzip/deflate) before returning. So the node
 * reads the request stream itself and stops at MAX_BODY_BYTES: a chunked body without Content-Length is
 * refused after ~1 MiB instead of 16 MiB. Bodies with a Content-Encoding are refused (Zoom sends plain JSON;
 * inflating is what made a small request cost 16 MiB).
 */

/** The parts of n8n's request (an IncomingMessage after n8n's middlewares) this reader uses. */
export interface BodySource {
	headers: Record<string, string | string[] | undefined>;
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
	[Symbol.asyncIterator]?: () => AsyncIterator<unknown>;
}

export type BodyResult =
	| { ok: true; body: Buffer }
	| { ok: false; status: number; reason: string; stoppedEarly?: boolean };

export async function readBodyWithin(req: BodySource, maxBytes: number): Promise<BodyResult> {
	if (req.rawBody) return { ok: true, body: req.rawBody };
	const encoding = String(req.headers['content-encoding'] ?? 'identity')
		.trim()
		.toLowerCase();
	if (encoding !== 'identity' && encoding !== '') {
		return {
			ok: false,
			status: 415,
			reason: `Content-Encoding "${encoding}" is not accepted: Zoom sends webhook bodies uncompressed`,
		};
	}
	if (typeof req[Symbol.asyncIterator] !== 'function') {
		// Not a stream (another n8n version): n8n's own reader, then the size check on what it read.
		if (typeof req.readRawBody === 'function') await req.readRawBody();
		return { ok: true, body: req.rawBody ?? Buffer.alloc(0) };
	}
	const chunks: Buffer[] = [];
	let length = 0;
	for await (const chunk of req as AsyncIterable<unknown>) {
		const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
		length += buffer.length;
		if (length > maxBytes) {
			return {
				ok: false,
				status: 413,
				reason: `Body is larger than ${maxBytes} bytes`,
				stoppedEarly: true,
			};
		}
		chunks.push(buffer);
	}
	const body = Buffer.concat(chunks, length);
	// As n8n's reader leaves it, for anything later that looks for the raw body.
	req.rawBody = body;
	return { ok: true, body };
}
