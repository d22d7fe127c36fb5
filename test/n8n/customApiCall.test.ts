/**
 * Custom API Call in a real n8n against the sandbox: an endpoint no operation wraps, both kinds of Zoom
 * paging detected from the answer, Zoom's error message shown as Zoom wrote it, and a bad path refused before
 * any call with an error naming the field.
 */
import { harness } from '../harness/context';
import { runZoomConnector } from '../harness/workflows';

const h = () => harness();

interface Logged {
	method: string;
	path: string;
	status: number;
	query: Record<string, string>;
}

async function sandboxRequests(): Promise<Logged[]> {
	const response = await h().sandbox.get('/_sandbox/requests');
	expect(response.status).toBe(200);
	return response.data;
}

const call = (parameters: Record<string, unknown>) => ({ resource: 'customApiCall', operation: 'request', method: 'GET', ...parameters });
const query = (pairs: Record<string, string>) => ({ parameters: Object.entries(pairs).map(([name, value]) => ({ name, value })) });
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('Custom API Call in n8n', () => {
	it('calls an endpoint no operation wraps (the user’s meeting report) with the query given', async () => {
		const host = `custom-report-${Date.now()}@example.com`;
		const seeded = await h().sandbox.post('/_sandbox/scenario', {
			users: [{ email: host, first_name: 'Custom', last_name: 'Report' }],
			meetings: [{ hostEmail: host, topic: 'reported meeting', ended: { endedMinutesAgo: 120, participants: 3 } }],
		});
		expect(seeded.status).toBeLessThan(300);
		await h().sandbox.delete('/_sandbox/requests');
		const run = await runZoomConnector(h().n8n, 's2s', call({
			path: `/report/users/${encodeURIComponent(host)}/meetings`,
			queryParameters: query({ from: day(Date.now() - 3 * 86_400_000), to: day(Date.now() + 86_400_000) }),
			returnAll: true,
		}));
		expect(run.nodes.Zoom.error).toBeUndefined();
		expect(run.json('Zoom')).toEqual([expect.objectContaining({ topic: 'reported meeting', participants_count: expect.any(Number) })]);
		const log = (await sandboxRequests()).filter((r) => r.path.startsWith('/v2/report/users/'));
		expect(log).toHaveLength(1);
		expect(log[0]).toMatchObject({ method: 'GET', status: 200, query: { from: expect.any(String), to: expect.any(String) } });
	});

	it('Return All follows next_page_token (meetings) and page_number (webinars) as each answer shows; Limit stops early', async () => {
		const host = `custom-pager-${Date.now()}@example.com`;
		const seeded = await h().sandbox.post('/_sandbox/scenario', {
			users: [{ email: host, first_name: 'Custom', last_name: 'Pager' }],
			meetings: Array.from({ length: 75 }, (_, i) => ({ hostEmail: host, topic: `m ${i}`, type: 3 })),
			webinars: Array.from({ length: 65 }, (_, i) => ({ hostEmail: host, topic: `w ${i}`, type: 5, start_time: new Date(Date.now() + (i + 1) * 86_400_000).toISOString() })),
		});
		expect(seeded.status).toBeLessThan(300);
		const user = encodeURIComponent(host);

		await h().sandbox.delete('/_sandbox/requests');
		const meetings = await runZoomConnector(h().n8n, 's2s', call({ path: `/users/${user}/meetings`, queryParameters: query({ type: 'scheduled' }), returnAll: true }));
		expect(meetings.nodes.Zoom.error).toBeUndefined();
		expect(new Set(meetings.json('Zoom').map((m) => m.id)).size).toBe(75);
		const meetingPages = (await sandboxRequests()).filter((r) => r.path === `/v2/users/${user}/meetings`);
		// Zoom's default page of 30: three pages, the later ones by token, the query on each.
		expect(meetingPages).toHaveLength(3);
		expect(meetingPages.every((p) => p.query.type === 'scheduled')).toBe(true);
		expect(meetingPages.slice(1).every((p) => p.query.next_page_token && !p.query.page_number)).toBe(true);

		await h().sandbox.delete('/_sandbox/requests');
		const webinars = await runZoomConnector(h().n8n, 's2s', call({ path: `/v2/users/${user}/webinars`, returnAll: true }));
		expect(webinars.nodes.Zoom.error).toBeUndefined();
		expect(new Set(webinars.json('Zoom').map((w) => w.id)).size).toBe(65);
		const webinarPages = (await sandboxRequests()).filter((r) => r.path === `/v2/users/${user}/webinars`);
		expect(webinarPages.map((p) => p.query.page_number ?? '')).toEqual(['', '2', '3']);

		await h().sandbox.delete('/_sandbox/requests');
		const limited = await runZoomConnector(h().n8n, 's2s', call({ path: `/users/${user}/meetings`, returnAll: false, limit: 31 }));
		expect(limited.json('Zoom')).toHaveLength(31);
		expect((await sandboxRequests()).filter((r) => r.path === `/v2/users/${user}/meetings`)).toHaveLength(2);
	});

	it('returns an answer that is no list whole, and a change Zoom answers with 204 as success', async () => {
		const me = await runZoomConnector(h().n8n, 'oauth2', call({ path: '/users/me' }));
		expect(me.nodes.Zoom.error).toBeUndefined();
		expect(me.json('Zoom')).toEqual([expect.objectContaining({ email: 'host@example.com' })]);

		const created = await runZoomConnector(h().n8n, 'oauth2', call({ method: 'POST', path: '/users/me/meetings', jsonBody: JSON.stringify({ topic: 'custom call meeting', type: 2, start_time: new Date(Date.now() + 86_400_000).toISOString(), duration: 30 }) }));
		expect(created.nodes.Zoom.error).toBeUndefined();
		const [meeting] = created.json('Zoom');
		expect(meeting).toMatchObject({ topic: 'custom call meeting', id: expect.any(Number) });

		const patched = await runZoomConnector(h().n8n, 'oauth2', call({ method: 'PATCH', path: `/meetings/${meeting.id}`, jsonBody: { topic: 'renamed by a custom call' } }));
		expect(patched.nodes.Zoom.error).toBeUndefined();
		expect(patched.json('Zoom')).toEqual([{ success: true, statusCode: 204 }]);
		const read = await runZoomConnector(h().n8n, 'oauth2', call({ path: `/meetings/${meeting.id}` }));
		expect(read.json('Zoom')).toEqual([expect.objectContaining({ id: meeting.id, topic: 'renamed by a custom call' })]);
	});

	it('shows Zoom’s error message and code, and Continue On Fail gives an error item', async () => {
		// The report wants from and to: Zoom's 400, code 300, with its own message.
		const invalid = await runZoomConnector(h().n8n, 'oauth2', call({ path: '/report/users/me/meetings' }));
		expect(invalid.nodes.Zoom.error?.message).toBe('Zoom rejected the request (Zoom code 300): Invalid field: from (from: Invalid value)');
		expect(invalid.nodes.Zoom.error?.httpCode).toBe('400');

		const missing = await runZoomConnector(h().n8n, 'oauth2', call({ path: '/meetings/81234567890' }));
		expect(missing.nodes.Zoom.error?.message).toBe('Meeting 81234567890 not found (Zoom code 3001)');
		expect(missing.nodes.Zoom.error?.httpCode).toBe('404');

		const continued = await runZoomConnector(h().n8n, 'oauth2', call({ path: '/meetings/81234567890' }), { continueOnFail: true });
		expect(continued.json('Zoom')).toEqual([expect.objectContaining({ error: 'Meeting 81234567890 not found (Zoom code 3001)', zoomCode: 3001, httpCode: '404' })]);
	});

	it('goes through the transport: a 429 is waited out and a 500 on GET retried', async () => {
		await h().sandbox.post('/_sandbox/faults', { method: 'GET', path: '/v2/users/me', kind: 'status', status: 429, count: 1, retryAfter: 1 });
		await h().sandbox.post('/_sandbox/faults', { method: 'GET', path: '/v2/users/me', kind: 'status', status: 500, count: 1 });
		await h().sandbox.delete('/_sandbox/requests');
		const run = await runZoomConnector(h().n8n, 's2s', call({ path: '/users/me' }));
		await h().sandbox.delete('/_sandbox/faults');
		expect(run.nodes.Zoom.error).toBeUndefined();
		expect(run.json('Zoom')).toEqual([expect.objectContaining({ id: expect.any(String) })]);
		expect((await sandboxRequests()).filter((r) => r.path === '/v2/users/me').map((r) => r.status)).toEqual([429, 500, 200]);
	});

	it('Return All by page_number stops with a clear error when the server ignores page_number and claims a billion pages', async () => {
		const path = '/v2/users/me/webinars';
		const samePage = { page_count: 1e9, page_number: 1, page_size: 30, total_records: 3e10, webinars: [{ id: 1, topic: 'always the first page' }] };
		await h().sandbox.post('/_sandbox/faults', { method: 'GET', path, kind: 'status', status: 200, count: 100, body: samePage });
		await h().sandbox.delete('/_sandbox/requests');
		const run = await runZoomConnector(h().n8n, 's2s', call({ path, returnAll: true }));
		await h().sandbox.delete('/_sandbox/faults');
		expect(run.nodes.Zoom.error?.message).toMatch(/sent the same page twice while listing \/users\/me\/webinars/);
		expect((await sandboxRequests()).filter((r) => r.path === path).map((r) => r.query.page_number ?? '')).toEqual(['', '2']);
	});

	it('refuses a URL or a path that leaves /v2 before any call, naming the field Path', async () => {
		await h().sandbox.delete('/_sandbox/requests');
		for (const path of [`${h().sandboxUrl}/v2/users/me`, '//127.0.0.1:1/users/me', '/users/../../oauth/token']) {
			const run = await runZoomConnector(h().n8n, 'oauth2', call({ path }));
			expect(run.nodes.Zoom.error?.name).toBe('NodeOperationError');
			expect(run.nodes.Zoom.error?.message).toMatch(/"Path"/);
		}
		const bad = await runZoomConnector(h().n8n, 'oauth2', call({ method: 'POST', path: '/users/me/meetings', jsonBody: '{"topic": ' }));
		expect(bad.nodes.Zoom.error?.message).toMatch(/"Body" is not valid JSON/);
		expect((await sandboxRequests()).filter((r) => r.path.startsWith('/v2/') || r.path.startsWith('/oauth/'))).toEqual([]);
	});
});
