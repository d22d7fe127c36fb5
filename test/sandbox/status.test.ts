/** Ending a live meeting or webinar through Zoom's status endpoint, in the sandbox. */
import type { AxiosInstance } from 'axios';

import { startHarness } from './helpers';
import type { Harness } from './helpers';

let h: Harness;
let api: AxiosInstance;
beforeAll(async () => {
	h = await startHarness();
	api = h.api(await h.token());
});
afterAll(() => h.sandbox.close());

it.each(['meeting', 'webinar'] as const)('a live %s ends: it is no longer live and its run is a past instance', async (kind) => {
	const { data: s } = await api.post(`/users/me/${kind}s`, { topic: `Live ${kind}`, type: kind === 'meeting' ? 2 : 5, start_time: '2030-01-01T10:00:00Z' });
	const notLive = await api.put(`/${kind}s/${s.id}/status`, { action: 'end' });
	expect(notLive.status).toBe(400);
	await h.control('POST', `/${kind}s/${s.id}/start`);
	expect((await api.put(`/${kind}s/${s.id}/status`, { action: 'stop' })).status).toBe(400);
	const ended = await api.put(`/${kind}s/${s.id}/status`, { action: 'end' });
	expect(ended.status).toBe(204);
	// Ending it again fails as for any session that is not live. Only Get meeting carries a status (Rivet's
	// WebinarsGetWebinarResponse has none).
	expect((await api.put(`/${kind}s/${s.id}/status`, { action: 'end' })).status).toBe(400);
	if (kind === 'meeting') expect((await api.get(`/meetings/${s.id}`)).data.status).toBe('waiting');
	const instances = await api.get(`/past_${kind}s/${s.id}/instances`);
	expect(instances.data[`${kind}s`]).toHaveLength(1);
	expect((await api.put(`/${kind}s/99999999999/status`, { action: 'end' })).data.code).toBe(3001);
});
