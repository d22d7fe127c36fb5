/** Custom API Call: the path check, query and body, which property holds the list, and paging it detects. */
import fc from 'fast-check';

import {
	bodyFrom,
	checkPath,
	CustomCallInputError,
	listPropertyOf,
	queryFrom,
} from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/resources/customApiCall/input';
import { detectPagingStyle, zoomApiRequestAllItems } from 'n8n-nodes-zoom-connector/nodes/shared/transport';
import { fakeZoomContext } from './fakeZoomContext';

function fieldOf(run: () => unknown): string | undefined {
	try {
		run();
	} catch (error) {
		if (error instanceof CustomCallInputError) return error.field;
		throw error;
	}
	return undefined;
}

describe('checkPath', () => {
	it('accepts Zoom paths and drops a leading /v2', () => {
		expect(checkPath('/users/me')).toBe('/users/me');
		expect(checkPath('  /users/me/meetings ')).toBe('/users/me/meetings');
		expect(checkPath('/v2/users/me')).toBe('/users/me');
		expect(checkPath('/past_meetings/%2F%2Fabc%3D%3D/participants')).toBe('/past_meetings/%2F%2Fabc%3D%3D/participants');
		expect(checkPath('/users/jane@example.com')).toBe('/users/jane@example.com');
	});

	it.each([
		['', 'empty'],
		['https://evil.example.com/v2/users/me', 'a URL'],
		['http://127.0.0.1:9/users', 'a URL'],
		['//evil.example.com/users', 'protocol-relative'],
		['\\\\evil.example.com\\users', 'backslashes'],
		['users/me', 'no leading slash'],
		['evil.example.com/users', 'a host'],
		['/users/me?page_size=300', 'a query'],
		['/users/me#x', 'a fragment'],
		['/users/../../oauth/token', 'dot segments'],
		['/users/%2e%2E/x', 'encoded dot segments'],
		['/users/me now', 'a space'],
		['/users/%zz', 'a bad escape'],
		['/v2', 'no endpoint'],
		['javascript:alert(1)', 'a scheme'],
	])('refuses %j (%s), naming the field Path', (path) => {
		expect(fieldOf(() => checkPath(path))).toBe('Path');
	});

	it('property: whatever it accepts stays on the base URL’s host, under /v2', () => {
		const base = 'https://api.zoom.us/v2';
		const pathChar = fc.constantFrom(...'abcAZ09-._~!$&\'()*+,;=:@/%?#\\ "'.split(''), '%2e', '%2F', '//', '..', 'http:', '@evil.com');
		fc.assert(
			fc.property(fc.array(pathChar, { maxLength: 12 }).map((parts) => parts.join('')), (raw) => {
				let path: string;
				try {
					path = checkPath(raw);
				} catch (error) {
					expect(error).toBeInstanceOf(CustomCallInputError);
					return;
				}
				const url = new URL(`${base}${path}`);
				expect(url.origin).toBe('https://api.zoom.us');
				expect(url.pathname.startsWith('/v2/')).toBe(true);
				expect(url.search).toBe('');
				expect(url.hash).toBe('');
			}),
			{ numRuns: 3000 },
		);
	});
});

describe('queryFrom and bodyFrom', () => {
	it('builds the query from name/value pairs, refusing an empty or repeated name', () => {
		expect(queryFrom([{ name: 'type', value: 'upcoming' }, { name: ' page_size ', value: 30 }])).toEqual({ type: 'upcoming', page_size: '30' });
		expect(fieldOf(() => queryFrom([{ name: '', value: 'x' }]))).toBe('Query Parameters');
		expect(fieldOf(() => queryFrom([{ name: 'a', value: '1' }, { name: 'a', value: '2' }]))).toBe('Query Parameters');
	});

	it('takes a JSON object as text or as an object, and refuses anything else', () => {
		expect(bodyFrom('{"topic":"Weekly"}')).toEqual({ topic: 'Weekly' });
		expect(bodyFrom({ topic: 'Weekly' })).toEqual({ topic: 'Weekly' });
		expect(bodyFrom('  ')).toEqual({});
		for (const bad of ['{topic: 1}', '[1,2]', '"text"', '42', 'null']) expect(fieldOf(() => bodyFrom(bad))).toBe('Body');
	});
});

describe('listPropertyOf', () => {
	it('finds the one list of a paged answer, and leaves any other answer whole', () => {
		expect(listPropertyOf({ page_size: 30, next_page_token: '', meetings: [] })).toBe('meetings');
		expect(listPropertyOf({ page_count: 1, page_number: 1, webinars: [{ id: 1 }] })).toBe('webinars');
		// /users/me has arrays (group_ids) but is no list.
		expect(listPropertyOf({ id: 'u1', group_ids: ['g'], email: 'a@b.c' })).toBeUndefined();
		expect(listPropertyOf({ id: 'u1', group_ids: ['g'] }, 'group_ids')).toBe('group_ids');
	});

	it('refuses a paged answer with no list or several, and a named list that is not there, naming List Property', () => {
		expect(fieldOf(() => listPropertyOf({ total_records: 0, next_page_token: '' }))).toBe('List Property');
		expect(fieldOf(() => listPropertyOf({ page_size: 30, a: [], b: [] }))).toBe('List Property');
		expect(fieldOf(() => listPropertyOf({ page_size: 30, meetings: [] }, 'webinars'))).toBe('List Property');
	});
});

describe('paging a list of unknown paging (detect)', () => {
	it('reads what the first page shows', () => {
		expect(detectPagingStyle({ next_page_token: 'x' })).toBe('token');
		expect(detectPagingStyle({ next_page_token: '', page_count: 3, page_number: 1 })).toBe('pageNumber');
		expect(detectPagingStyle({ page_count: 1, page_number: 1 })).toBe('last');
		expect(detectPagingStyle({ id: 1 })).toBe('last');
	});

	it('follows next_page_token with the caller’s query on every page and no page_size of its own', async () => {
		const { context, requests } = fakeZoomContext((request) => {
			const token = String(request.qs?.next_page_token ?? '');
			const next = { '': 't1', t1: 't2', t2: '' }[token];
			return { body: { page_size: 2, next_page_token: next, items: [{ id: `${token}a` }, { id: `${token}b` }] } };
		});
		const rows = await zoomApiRequestAllItems.call(context, '/x', () => 'items', { qs: { type: 'live' }, paging: { style: 'detect' } });
		expect(rows).toHaveLength(6);
		expect(requests.map((r) => r.qs)).toEqual([{ type: 'live' }, { type: 'live', next_page_token: 't1' }, { type: 'live', next_page_token: 't2' }]);
	});

	it('walks page_number to page_count, from the page the caller started at', async () => {
		const { context, requests } = fakeZoomContext((request) => {
			const page = Number(request.qs?.page_number ?? 1);
			return { body: { page_count: 4, page_number: page, page_size: 1, webinars: [{ page }] } };
		});
		const rows = await zoomApiRequestAllItems.call(context, '/w', () => 'webinars', { qs: { page_number: 2 }, paging: { style: 'detect' } });
		expect(rows.map((row) => row.page)).toEqual([2, 3, 4]);
		expect(requests.map((r) => r.qs?.page_number)).toEqual([2, 3, 4]);
	});

	it('stops at the limit, and yields an answer that is no list as one item after one call', async () => {
		const { context, requests } = fakeZoomContext(() => ({ body: { next_page_token: 'more', items: [{ n: 1 }, { n: 2 }, { n: 3 }] } }));
		await expect(zoomApiRequestAllItems.call(context, '/x', () => 'items', { limit: 2, paging: { style: 'detect' } })).resolves.toHaveLength(2);
		expect(requests).toHaveLength(1);

		const single = fakeZoomContext(() => ({ body: { id: 'me', group_ids: ['g'] } }));
		await expect(zoomApiRequestAllItems.call(single.context, '/users/me', () => undefined, { paging: { style: 'detect' } })).resolves.toEqual([{ id: 'me', group_ids: ['g'] }]);
		expect(single.requests).toHaveLength(1);
	});

	it('property: any list, paged either way, comes back whole and in order, or cut at the limit', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 0, max: 40 }),
				fc.integer({ min: 1, max: 12 }),
				fc.constantFrom('token', 'pageNumber'),
				fc.option(fc.integer({ min: 1, max: 45 }), { nil: undefined }),
				async (total, size, style, limit) => {
					const all = Array.from({ length: total }, (_, i) => ({ n: i }));
					const pageCount = Math.max(1, Math.ceil(total / size));
					const { context } = fakeZoomContext((request) => {
						const page = style === 'token' ? Number(request.qs?.next_page_token ?? 1) : Number(request.qs?.page_number ?? 1);
						const items = all.slice((page - 1) * size, page * size);
						const paging = style === 'token' ? { next_page_token: page < pageCount ? String(page + 1) : '' } : { page_count: pageCount, page_number: page };
						return { body: { page_size: size, total_records: total, ...paging, rows: items } };
					});
					const rows = await zoomApiRequestAllItems.call(context, '/x', () => 'rows', { limit, paging: { style: 'detect' } });
					expect(rows).toEqual(limit === undefined ? all : all.slice(0, limit));
				},
			),
			{ numRuns: 200 },
		);
	});
});

