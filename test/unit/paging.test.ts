/** zoomApiPages / zoomApiRequestAllItems against a server that misbehaves with next_page_token. */
import { zoomApiRequestAllItems } from 'n8n-nodes-zoom-connector/nodes/shared/transport';
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
});
