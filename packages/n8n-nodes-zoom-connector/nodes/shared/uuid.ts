/**
 * Zoom path segment for a meeting or webinar reference: a numeric ID passes through; a UUID is
 * URL-encoded once, or twice when it starts with "/" or contains "//" (Zoom's rule:
 * https://developers.zoom.us/blog/meeting-api-querying-tips-part1/ and the "double encode" note on
 * https://developers.zoom.us/docs/api/meetings/#tag/meetings/GET/past_meetings/{meetingId}).
 */
export function encodeSessionRef(ref: string | number): string {
	const value = String(ref).trim();
	if (/^\d+$/.test(value)) return value;
	const once = encodeURIComponent(value);
	return value.startsWith('/') || value.includes('//') ? encodeURIComponent(once) : once;
}
