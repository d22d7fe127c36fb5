/**
 * An instant in the form Zoom's meeting summary list takes for `from` and `to`
 * (yyyy-MM-ddTHH:mm:ssZ, UTC). Pure: unit-tested without n8n.
 */

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function format(ms: number): string {
	return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/**
 * From what an n8n date field or expression gives: a yyyy-MM-dd day (its start, or its last second
 * when `endOfDay`), an ISO date-time (no offset means UTC), a JS Date or a Luxon DateTime.
 * Undefined for anything that is not a real instant.
 */
export function zoomInstant(value: unknown, endOfDay = false): string | undefined {
	if (value instanceof Date)
		return Number.isNaN(value.getTime()) ? undefined : format(value.getTime());
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toMillis?: unknown }).toMillis === 'function'
	) {
		const ms = (value as { toMillis: () => number }).toMillis();
		return Number.isFinite(ms) ? format(ms) : undefined;
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (DATE_ONLY.test(text)) {
		const ms = Date.parse(`${text}T00:00:00Z`);
		if (Number.isNaN(ms) || format(ms).slice(0, 10) !== text) return undefined;
		return format(endOfDay ? ms + 86_399_000 : ms);
	}
	if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) return undefined;
	const iso = text.replace(' ', 'T');
	const ms = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/i.test(iso) ? iso : `${iso}Z`);
	return Number.isNaN(ms) ? undefined : format(ms);
}
