/** One registrant, batch registration, registration questions and tracking sources in the sandbox. */
import type { AxiosInstance } from 'axios';
import type { MeetingsPerformBatchRegistrationResponse, WebinarsGetWebinarTrackingSourcesResponse } from '@zoom/rivet/meetings';

import { startHarness } from './helpers';
import type { Harness } from './helpers';

let h: Harness;
let api: AxiosInstance;
beforeAll(async () => {
	h = await startHarness();
	api = h.api(await h.token());
});
afterAll(() => h.sandbox.close());

const people = (n: number) => Array.from({ length: n }, (_, i) => ({ email: `b${i}@example.com`, first_name: `B${i}` }));

it('batch registration (30 at most), then get and delete one registrant', async () => {
	const { data: m } = await api.post('/users/me/meetings', { topic: 'Batch', type: 2, start_time: '2030-01-01T10:00:00Z', settings: { approval_type: 1 } });
	expect((await api.post(`/meetings/${m.id}/batch_registrants`, { registrants: people(31) })).data.code).toBe(300);
	const batch = await api.post<MeetingsPerformBatchRegistrationResponse>(`/meetings/${m.id}/batch_registrants`, { auto_approve: true, registrants: people(3) });
	expect(batch.status).toBe(200);
	expect(batch.data.registrants?.map((r) => [r.email, typeof r.join_url])).toEqual([
		['b0@example.com', 'string'],
		['b1@example.com', 'string'],
		['b2@example.com', 'string'],
	]);
	const id = batch.data.registrants?.[1].registrant_id as string;
	const one = await api.get(`/meetings/${m.id}/registrants/${id}`);
	expect(one.data).toMatchObject({ id, email: 'b1@example.com', first_name: 'B1', status: 'approved' });
	expect((await api.delete(`/meetings/${m.id}/registrants/${id}`)).status).toBe(204);
	expect((await api.get(`/meetings/${m.id}/registrants/${id}`)).status).toBe(404);
	// Without auto_approve a manual-approval meeting keeps them pending: no join URL yet.
	const pending = await api.post<MeetingsPerformBatchRegistrationResponse>(`/meetings/${m.id}/batch_registrants`, { registrants: [{ email: 'p@example.com', first_name: 'P' }] });
	expect(pending.data.registrants?.[0].join_url).toBeUndefined();
});

it('registration questions: meetings and webinars take their own custom question types', async () => {
	const { data: w } = await api.post('/users/me/webinars', { topic: 'Q', type: 5, start_time: '2030-01-01T10:00:00Z', settings: { approval_type: 0 } });
	expect((await api.get(`/webinars/${w.id}/registrants/questions`)).data).toEqual({ questions: [], custom_questions: [] });
	const body = { questions: [{ field_name: 'org', required: true }], custom_questions: [{ title: 'Role?', type: 'multiple', answers: ['Dev', 'Ops'], required: false }] };
	expect((await api.patch(`/webinars/${w.id}/registrants/questions`, body)).status).toBe(204);
	expect((await api.get(`/webinars/${w.id}/registrants/questions`)).data).toEqual(body);
	const { data: m } = await api.post('/users/me/meetings', { topic: 'Q', type: 2, start_time: '2030-01-01T10:00:00Z', settings: { approval_type: 0 } });
	expect((await api.patch(`/meetings/${m.id}/registrants/questions`, body)).data.code).toBe(300);
});

it('tracking sources of a webinar', async () => {
	const { data: w } = await api.post('/users/me/webinars', { topic: 'T', type: 5, start_time: '2030-01-01T10:00:00Z' });
	await h.control('POST', '/tracking_sources', { webinarId: w.id, sources: [{ source_name: 'LinkedIn', visitor_count: 10, registration_count: 4 }] });
	const res = await api.get<WebinarsGetWebinarTrackingSourcesResponse>(`/webinars/${w.id}/tracking_sources`);
	expect(res.data).toEqual({ total_records: 1, tracking_sources: [expect.objectContaining({ source_name: 'LinkedIn', visitor_count: 10, registration_count: 4, id: expect.any(String) })] });
});

it('a webinar registrant added with a tracking source (source_id) is listed under that source (tracking_source_id)', async () => {
	const { data: w } = await api.post('/users/me/webinars', { topic: 'Sources', type: 5, start_time: '2030-01-01T10:00:00Z', settings: { approval_type: 0 } });
	const seeded = await h.control('POST', '/tracking_sources', { webinarId: w.id, sources: [{ source_name: 'LinkedIn' }, { source_name: 'Newsletter' }] });
	const [linkedIn, newsletter] = (seeded as { sources: Array<{ id: string }> }).sources;
	await api.post(`/webinars/${w.id}/registrants`, { email: 'li@example.com', first_name: 'Li', source_id: linkedIn.id });
	await api.post(`/webinars/${w.id}/registrants`, { email: 'nl@example.com', first_name: 'Nl', source_id: newsletter.id });
	await api.post(`/webinars/${w.id}/registrants`, { email: 'direct@example.com', first_name: 'Direct' });
	const emails = async (query: string) => ((await api.get(`/webinars/${w.id}/registrants${query}`)).data.registrants as Array<{ email: string }>).map((r) => r.email);
	expect(await emails(`?tracking_source_id=${linkedIn.id}`)).toEqual(['li@example.com']);
	expect(await emails(`?tracking_source_id=${newsletter.id}`)).toEqual(['nl@example.com']);
	expect(await emails('')).toEqual(['li@example.com', 'nl@example.com', 'direct@example.com']);
	// Zoom's rows (Rivet's WebinarsListWebinarRegistrantsResponse) do not name the source.
	const [row] = (await api.get(`/webinars/${w.id}/registrants`)).data.registrants;
	expect(row).not.toHaveProperty('source_id');
});
