/**
 * Pure: the Custom API Call's fields checked and turned into a request, and which property of Zoom's answer
 * holds the list. A bad value throws CustomCallInputError naming the field and the fix.
 */
import type { IDataObject } from 'n8n-workflow';

export class CustomCallInputError extends Error {
	constructor(
		readonly field: string,
		message: string,
		readonly fix: string,
	) {
		super(message);
	}
}

/** RFC 3986 path characters (unreserved, sub-delims, ':', '@', '/') and percent escapes. */
const PATH_CHARACTERS = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;

const EXAMPLE = 'e.g. /users/me/meetings';

/**
 * The path appended to the credential's API base URL (…/v2). Only a path is accepted: no scheme, host or
 * `//`, so the call (and its token) stays on the credential's Zoom host; no `.`/`..` segments, which would
 * step out of /v2; no `?` or `#` (query parameters have their own field). A leading /v2 is dropped, as the base
 * URL ends with it.
 */
export function checkPath(value: unknown): string {
	const path = String(value ?? '').trim();
	const fail = (message: string, fix: string): never => {
		throw new CustomCallInputError('Path', message, fix);
	};
	if (!path) fail('The field "Path" is empty', `Enter the Zoom API path after /v2, ${EXAMPLE}.`);
	if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//') || path.startsWith('\\')) {
		fail(
			`The field "Path" must be a path, not a URL: "${path.slice(0, 100)}"`,
			`Enter only the part after the API base URL, ${EXAMPLE}: the call goes to the credential's Zoom host, so the access token is never sent anywhere else.`,
		);
	}
	if (!path.startsWith('/')) {
		fail(
			`The field "Path" must start with "/": "${path.slice(0, 100)}"`,
			`Write it as ${EXAMPLE}.`,
		);
	}
	if (/[?#]/.test(path)) {
		fail(
			'The field "Path" contains "?" or "#"',
			'Put query parameters in "Query Parameters", not in the path.',
		);
	}
	if (!PATH_CHARACTERS.test(path)) {
		fail(
			'The field "Path" contains characters a URL path cannot hold (spaces, quotes, backslashes or a bad % escape)',
			'Percent-encode them, e.g. a space as %20, or a meeting UUID with encodeURIComponent().',
		);
	}
	const segments = path.split('/');
	// %2e is a dot too: servers decode it before resolving dot segments.
	const dotSegment = (segment: string) => /^\.{1,2}$/.test(segment.replace(/%2e/gi, '.'));
	if (segments.some(dotSegment)) {
		fail(
			'The field "Path" contains a "." or ".." segment',
			`Name the endpoint directly, ${EXAMPLE}: the path stays under the API base URL.`,
		);
	}
	const bare = path.replace(/^\/v2(?=\/|$)/i, '');
	if (bare === '' || bare === '/') {
		fail('The field "Path" names no endpoint', `Enter the endpoint after /v2, ${EXAMPLE}.`);
	}
	return bare;
}

/** Query Parameters (name/value pairs) as one object; a name given twice or left empty is refused. */
export function queryFrom(pairs: Array<{ name?: unknown; value?: unknown }>): IDataObject {
	const query: IDataObject = {};
	for (const [index, pair] of pairs.entries()) {
		const name = String(pair.name ?? '').trim();
		if (!name) {
			throw new CustomCallInputError(
				'Query Parameters',
				`Query parameter ${index + 1} has no name`,
				'Give every query parameter a name, or remove the empty one.',
			);
		}
		if (Object.prototype.hasOwnProperty.call(query, name)) {
			throw new CustomCallInputError(
				'Query Parameters',
				`The query parameter "${name}" is given twice`,
				'Keep one value per name; for a list Zoom takes one comma-separated value (see the endpoint in Zoom’s API reference).',
			);
		}
		query[name] = pair.value === undefined || pair.value === null ? '' : String(pair.value);
	}
	return query;
}

/** The JSON body: text (parsed) or an object from an expression; it must be a JSON object. */
export function bodyFrom(value: unknown): IDataObject {
	let parsed = value;
	let syntaxError: string | undefined;
	if (typeof value === 'string') {
		if (!value.trim()) return {};
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			syntaxError = (error as Error).message;
		}
	}
	if (syntaxError !== undefined) {
		throw new CustomCallInputError(
			'Body',
			`The field "Body" is not valid JSON: ${syntaxError}`,
			'Enter a JSON object, e.g. {"topic": "Weekly sync"}.',
		);
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new CustomCallInputError(
			'Body',
			'The field "Body" must be a JSON object',
			'Zoom’s endpoints take a JSON object, e.g. {"topic": "Weekly sync"}; wrap a list in the property the endpoint names.',
		);
	}
	return parsed as IDataObject;
}

/** The properties Zoom's paged lists carry (https://developers.zoom.us/docs/api/using-zoom-apis/#pagination). */
const PAGING_PROPERTIES = [
	'next_page_token',
	'page_count',
	'page_number',
	'page_size',
	'total_records',
];

/**
 * Which property of the first page holds the list. `named`: the List Property option. Without it, an answer
 * with Zoom's paging properties is a list whose one array property holds the entries, and any other answer
 * is not a list (undefined: it is returned whole).
 */
export function listPropertyOf(page: IDataObject, named?: string): string | undefined {
	const arrays = Object.keys(page).filter((key) => Array.isArray(page[key]));
	const known = Object.keys(page).slice(0, 20).join(', ') || 'none';
	if (named) {
		if (Array.isArray(page[named])) return named;
		throw new CustomCallInputError(
			'List Property',
			`Zoom’s answer has no list "${named}"`,
			`Its properties: ${known}. Set List Property to the one holding the entries${arrays.length ? ` (lists: ${arrays.join(', ')})` : ''}, or leave it empty.`,
		);
	}
	if (!PAGING_PROPERTIES.some((key) => key in page)) return undefined;
	if (arrays.length === 1) return arrays[0];
	throw new CustomCallInputError(
		'List Property',
		arrays.length
			? `Zoom’s answer holds several lists (${arrays.join(', ')}), so which to return is not clear`
			: 'Zoom’s answer has paging properties but no list',
		arrays.length
			? 'Set the option List Property to the one holding the entries.'
			: `Its properties: ${known}. Set the option List Property to the one holding the entries, or turn off the option Split List Into Items to get the answer whole.`,
	);
}
