// Small HTTP helpers shared by every family: errors, replies, routing, body parsing.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { pipeline, type Readable } from 'node:stream';

export interface FieldError {
	field: string;
	message: string;
}

/** An error answered the way Zoom does: `{code, message, errors?}` with an HTTP status. */
export class ZoomError extends Error {
	constructor(
		public status: number,
		public code: number,
		message: string,
		public errors?: FieldError[],
		public headers: Record<string, string | number> = {},
	) {
		super(message);
	}
	body(): Record<string, unknown> {
		return { code: this.code, message: this.message, ...(this.errors ? { errors: this.errors } : {}) };
	}
}

export const validationError = (field: string, message: string): ZoomError =>
	new ZoomError(400, 300, 'Validation Failed.', [{ field, message }]);

export interface Reply {
	status: number;
	body?: unknown;
	/** Raw bytes or text; wins over `body` (which is sent as compact JSON). */
	raw?: Buffer | string;
	/** A body sent as it is read (large generated files). */
	stream?: Readable;
	headers?: Record<string, string | number>;
}

export const json = (status: number, body?: unknown): Reply => ({ status, body });

export function send(res: ServerResponse, reply: Reply): void {
	for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
	if (reply.stream !== undefined) {
		res.writeHead(reply.status);
		// A client that hangs up ends the stream; the error is the client's, not the sandbox's.
		pipeline(reply.stream, res, () => undefined);
		return;
	}
	if (reply.raw !== undefined) {
		res.writeHead(reply.status);
		res.end(reply.raw);
		return;
	}
	if (reply.body === undefined || reply.status === 204) {
		res.writeHead(reply.status);
		res.end();
		return;
	}
	res.setHeader('content-type', 'application/json;charset=UTF-8');
	res.writeHead(reply.status);
	res.end(JSON.stringify(reply.body));
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const c of req) chunks.push(c as Buffer);
	return Buffer.concat(chunks);
}

/** JSON body of a REST call; an empty body is `{}`. */
export function parseJson(raw: Buffer): Record<string, unknown> {
	if (raw.length === 0) return {};
	try {
		const v = JSON.parse(raw.toString('utf8'));
		if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
	} catch {
		// fall through to Zoom's answer for a bad body
	}
	throw new ZoomError(400, 300, 'Request Body should be a valid JSON object.');
}

/** Zoom's tracking id format as seen in the wild: `v=2.0;clid=us05;rid=WEB_<hex>`. */
export const trackingId = (): string => `v=2.0;clid=us05;rid=WEB_${randomBytes(16).toString('hex')}`;

export const randomToken = (bytes = 24): string => randomBytes(bytes).toString('base64url');

/**
 * Decode one path segment. Zoom requires UUIDs that start with "/" or contain "//" to be
 * encoded twice; we accept both, so decode once and again if escapes remain.
 */
export function decodeSegment(seg: string): string {
	let s = safeDecode(seg);
	if (/%(2F|3D|2B|25)/i.test(s)) s = safeDecode(s);
	return s;
}

function safeDecode(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}

/** A compiled route pattern such as `/users/:userId/meetings`. */
export interface Pattern {
	parts: string[];
	text: string;
}

export const compile = (text: string): Pattern => ({ text, parts: text.split('/').filter(Boolean) });

/** Match raw (still encoded) path segments against a pattern; params come back decoded. */
export function matchPattern(p: Pattern, rawSegments: string[]): Record<string, string> | undefined {
	if (p.parts.length !== rawSegments.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < p.parts.length; i++) {
		const part = p.parts[i];
		if (part.startsWith(':')) params[part.slice(1)] = decodeSegment(rawSegments[i]);
		else if (part !== rawSegments[i]) return undefined;
	}
	return params;
}

/** Path split on literal "/" before decoding, so encoded slashes stay inside one segment. */
export const rawSegments = (pathname: string): string[] => pathname.split('/').filter(Boolean);

export const isoSeconds = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}Z`;

export const escapeHtml = (s: string): string =>
	s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
