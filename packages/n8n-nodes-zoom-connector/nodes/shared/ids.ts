/**
 * Meeting and webinar references as people paste them. Pure, so it is unit-tested and shared by every
 * node that takes an ID.
 */

export type SessionRef = { kind: 'id'; id: string } | { kind: 'uuid'; uuid: string };

/** Why a value is not a meeting/webinar ID; undefined when it is one. */
export interface ParsedId {
	id?: string;
	problem?: string;
}

/**
 * A join, start or web portal URL of a meeting or webinar (https://zoom.us/j/…, /w/…, /s/…, /wc/join/…,
 * /meeting/…); group 4 is the ID. Exported for the By URL mode's check in the editor.
 */
export const JOIN_URL_PATTERN =
	/^https?:\/\/[^/]*zoom(gov)?\.(us|com)\/(j|w|s|wc\/join|wc|meeting|webinar)\/(\d{9,12})(?:[/?#]|$)/i;

/**
 * A numeric meeting/webinar ID from a number, a string with the spaces or dashes Zoom prints
 * ("858 4567 1234", "858-4567-1234"), or a join/start URL. Zoom IDs are 9 to 12 digits.
 */
export function parseSessionId(value: unknown): ParsedId {
	if (typeof value === 'number') {
		if (Number.isSafeInteger(value) && value > 0) return checkDigits(String(value));
		return { problem: 'a number that is not a whole positive ID' };
	}
	if (typeof value !== 'string') return { problem: `a ${value === null ? 'null' : typeof value}` };
	const text = value.trim();
	if (!text) return { problem: 'empty' };
	const url = JOIN_URL_PATTERN.exec(text);
	if (url) return checkDigits(url[4]);
	if (/^[\d\s-]+$/.test(text)) return checkDigits(text.replace(/[\s-]/g, ''));
	return { problem: `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"` };
}

function checkDigits(digits: string): ParsedId {
	if (digits.length < 9 || digits.length > 12) {
		return { problem: `${digits.length} digits (Zoom IDs have 9 to 12)` };
	}
	return { id: digits };
}

/** A Zoom instance UUID: base64-like, usually 24 characters ending in "==", may hold "/" and "+". */
export function looksLikeUuid(value: string): boolean {
	return (
		/^[A-Za-z0-9+/]{22}==$/.test(value) ||
		(/^[A-Za-z0-9+/=]{16,40}$/.test(value) && /[A-Za-z+/=]/.test(value))
	);
}

/** A numeric ID (any form parseSessionId takes) or an instance UUID, for past-session calls. */
export function parseSessionRef(value: unknown): SessionRef | { problem: string } {
	const parsed = parseSessionId(value);
	if (parsed.id) return { kind: 'id', id: parsed.id };
	const text = typeof value === 'string' ? value.trim() : '';
	if (text && looksLikeUuid(text)) return { kind: 'uuid', uuid: text };
	return { problem: parsed.problem ?? 'not an ID' };
}
