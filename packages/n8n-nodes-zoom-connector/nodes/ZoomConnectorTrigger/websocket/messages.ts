/**
 * What Zoom sends over an event-subscription WebSocket, read without n8n (pure). Zoom's guide
 * (https://developers.zoom.us/docs/api/websockets/) has the client send {"module":"heartbeat"} every
 * 30 seconds; events arrive as {"module":"message","content":"<the event's JSON>"}, the same envelope
 * a webhook carries. Any answer with success:false (for example to the connection itself) means Zoom
 * refused this connection, so it is not held on to.
 */
import { nestsDeeperThan, TOO_DEEP_REASON } from '../jsonDepth';
import { isObject, parseEnvelope, type ZoomEnvelope } from '../signature';

export const HEARTBEAT_MESSAGE = JSON.stringify({ module: 'heartbeat' });

/** Zoom asks for a heartbeat every 30 seconds. */
export const HEARTBEAT_INTERVAL_MS = 30_000;

export type ZoomSocketMessage =
	| { kind: 'event'; body: ZoomEnvelope }
	| { kind: 'refused'; reason: string }
	| { kind: 'ignored'; reason: string }
	/** An event message whose event cannot be read: dropped, and said so. */
	| { kind: 'unreadable'; reason: string };

function describe(value: unknown): string {
	if (typeof value === 'string') return value;
	if (value === undefined) return '';
	return JSON.stringify(value);
}

/** One text frame from Zoom as an event to emit, a refusal, or something to leave alone (and why). */
export function readZoomMessage(data: unknown): ZoomSocketMessage {
	if (typeof data !== 'string') return { kind: 'ignored', reason: 'not a text message' };
	let parsed: unknown;
	try {
		parsed = JSON.parse(data);
	} catch {
		return { kind: 'ignored', reason: 'not JSON' };
	}
	// Before anything walks it (the content is re-serialised below, its payload hashed later).
	if (nestsDeeperThan(parsed)) return { kind: 'unreadable', reason: TOO_DEEP_REASON };
	if (!isObject(parsed)) return { kind: 'ignored', reason: 'not a JSON object' };
	if (parsed.success === false) {
		const reason = describe(parsed.content ?? parsed.message ?? parsed.reason) || 'no reason given';
		return { kind: 'refused', reason };
	}
	if (parsed.module !== 'message') {
		return { kind: 'ignored', reason: `module ${describe(parsed.module) || '(none)'}` };
	}
	const content = isObject(parsed.content) ? JSON.stringify(parsed.content) : parsed.content;
	if (typeof content !== 'string') return { kind: 'ignored', reason: 'message without content' };
	const envelope = parseEnvelope(content);
	if (!envelope.ok) return { kind: 'unreadable', reason: `content: ${envelope.reason}` };
	return { kind: 'event', body: envelope.body };
}
