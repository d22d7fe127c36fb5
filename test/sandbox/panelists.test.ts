/** Webinar panelists in the sandbox, in Rivet's shapes. */
import type { AxiosInstance } from 'axios';
import type { WebinarsListPanelistsResponse } from '@zoom/rivet/meetings';

import { startHarness } from './helpers';
import type { Harness } from './helpers';

let h: Harness;
let api: AxiosInstance;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(() => h.sandbox.close());
beforeEach(async () => {
	await h.control('POST', '/reset');
	api = h.api(await h.token());
});

it('add (an email twice updates the name), list, remove one, remove all; a meeting ID is not a webinar', async () => {
	const { data: w } = await api.post('/users/me/webinars', { topic: 'Panel', type: 5, start_time: '2030-01-01T10:00:00Z' });
	const added = await api.post(`/webinars/${w.id}/panelists`, {
		panelists: [
			{ email: 'ana@example.com', name: 'Ana' },
			{ email: 'bo@example.com', name: 'Bo' },
		],
	});
	expect(added.status).toBe(201);
	expect(added.data).toEqual({ id: String(w.id), updated_at: expect.any(String) });
	await api.post(`/webinars/${w.id}/panelists`, { panelists: [{ email: 'ANA@example.com', name: 'Ana Lima' }] });
	const listed = await api.get<WebinarsListPanelistsResponse>(`/webinars/${w.id}/panelists`);
	expect(listed.data.total_records).toBe(2);
	expect(listed.data.panelists?.map((p) => [p.email, p.name])).toEqual([
		['ana@example.com', 'Ana Lima'],
		['bo@example.com', 'Bo'],
	]);
	const bo = listed.data.panelists?.[1].id as string;
	expect((await api.delete(`/webinars/${w.id}/panelists/${bo}`)).status).toBe(204);
	expect((await api.delete(`/webinars/${w.id}/panelists/${bo}`)).status).toBe(404);
	expect((await api.get(`/webinars/${w.id}/panelists`)).data.total_records).toBe(1);
	expect((await api.delete(`/webinars/${w.id}/panelists`)).status).toBe(204);
	expect((await api.get(`/webinars/${w.id}/panelists`)).data).toEqual({ total_records: 0, panelists: [] });

	const bad = await api.post(`/webinars/${w.id}/panelists`, { panelists: [{ email: 'nope', name: 'X' }] });
	expect(bad.status).toBe(400);
	expect(bad.data.code).toBe(300);
	const { data: m } = await api.post('/users/me/meetings', { topic: 'Not a webinar' });
	expect((await api.get(`/webinars/${m.id}/panelists`)).status).toBe(404);
});
