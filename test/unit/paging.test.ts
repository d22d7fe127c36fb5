/** zoomApiPages / zoomApiRequestAllItems against a server that misbehaves with next_page_token or page_number. */
import { zoomApiRequestAllItems } from 'n8n-nodes-zoom-connector/nodes/shared/transport';
import { MAX_PAGES } from 'n8n-nodes-zoom-connector/nodes/shared/transport/paging';
import { fakeZoomContext } from './fakeZoomContext';

describe('paging', () => {
	it('follows distinct next_page_tokens to the end', async () => {
		const { context, requests } = fakeZoomContext((request) => {
			const token = String(request.qs?.next_page_token ?? '');
			const next = { '': 'a', a: 'b', b: '' }[token];
			return { body: { users: [{ id: token || 'first' }], next_page_token: next } };
		});
		const users = await zoomApiRequestAllItems.call(context, '/users', 'users');
		expect(users.map((user) => user.id)).toEqual(['first', 'a', 'b']);
		expect(requests).toHaveLength(3);
	});

	it('stops with a clear error when the server repeats a next_page_token', async () => {
		const { context, requests } = fakeZoomContext(() => ({ body: { users: [{ id: 1 }], next_page_token: 'same' } }));
		await expect(zoomApiRequestAllItems.call(context, '/users', 'users')).rejects.toThrow(/repeated a page token/);
		expect(requests.length).toBeLessThanOrEqual(2);
	});

	it('stops when tokens cycle (a, b, a)', async () => {
		const cycle = ['a', 'b'];
		const { context, requests } = fakeZoomContext((_request, index) => ({ body: { users: [{ id: index }], next_page_token: cycle[index % 2] } }));
		await expect(zoomApiRequestAllItems.call(context, '/users', 'users')).rejects.toThrow(/repeated a page token/);
		expect(requests.length).toBeLessThanOrEqual(3);
	});

	describe('by page_number (as the Custom API Call detects it)', () => {
		const detect = { paging: { style: 'detect' as const } };

		it('stops with a clear error when the server ignores page_number and claims a billion pages', async () => {
			const { context, requests } = fakeZoomContext(() => ({ body: { page_count: 1e9, page_number: 1, page_size: 1, webinars: [{ id: 'always the first' }] } }));
			const error = (await zoomApiRequestAllItems.call(context, '/users/me/webinars', () => 'webinars', detect).catch((e: unknown) => e)) as Error & { description?: string };
			expect(error.message).toMatch(/sent the same page twice while listing \/users\/me\/webinars/);
			expect(error.description).toMatch(/Limit instead of Return All/);
			expect(requests).toHaveLength(2);
		});

		it('ends on an empty page whatever page_count claims', async () => {
			const { context, requests } = fakeZoomContext((request) => {
				const page = Number(request.qs?.page_number ?? 1);
				return { body: { page_count: 1e9, page_number: page, webinars: page <= 3 ? [{ page }] : [] } };
			});
			await expect(zoomApiRequestAllItems.call(context, '/w', () => 'webinars', detect)).resolves.toHaveLength(3);
			expect(requests).toHaveLength(4);
		});

		it(`stops after ${MAX_PAGES} distinct pages, as it does with next_page_token`, async () => {
			const numbered = fakeZoomContext((request) => {
				const page = Number(request.qs?.page_number ?? 1);
				return { body: { page_count: 1e9, page_number: page, webinars: [{ page }] } };
			}, undefined, undefined, MAX_PAGES + 1);
			await expect(zoomApiRequestAllItems.call(numbered.context, '/w', () => 'webinars', detect)).rejects.toThrow(`Stopped listing /w after ${MAX_PAGES} pages`);
			expect(numbered.requests).toHaveLength(MAX_PAGES);

			const tokens = fakeZoomContext((_request, index) => ({ body: { users: [{ id: index }], next_page_token: `t${index}` } }), undefined, undefined, MAX_PAGES + 1);
			await expect(zoomApiRequestAllItems.call(tokens.context, '/users', 'users')).rejects.toThrow(`Stopped listing /users after ${MAX_PAGES} pages`);
			expect(tokens.requests).toHaveLength(MAX_PAGES);
		});
	});
});
