/** AI Companion meeting summaries in the sandbox, in the shapes of Zoom's SDK (Rivet). */
import type { AxiosInstance } from 'axios';
import type {
	MeetingsGetMeetingOrWebinarSummaryResponse,
	MeetingsListAccountsMeetingOrWebinarSummariesResponse,
} from '@zoom/rivet/meetings';

import { encodeUuid, startHarness } from './helpers';
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

async function endedMeetings(n: number) {
	const s = await h.control('POST', '/scenario', {
		meetings: Array.from({ length: n }, (_, i) => ({ topic: `Sync ${i}`, duration: 30, ended: { participants: 2 } })),
	});
	return s.meetings as { id: number; latestUuid: string }[];
}

const seed = { overview: 'We agreed.', details: [{ label: 'Plan', summary: 'Ship it.' }], nextSteps: ['Ana writes notes'] };

describe('GET /meetings/{meetingUUID}/meeting_summary', () => {
	it('answers an instance’s summary with its parts and full text', async () => {
		const [m] = await endedMeetings(1);
		await h.control('POST', '/summaries', { meetingId: m.id, ...seed });
		const res = await api.get<MeetingsGetMeetingOrWebinarSummaryResponse>(`/meetings/${encodeUuid(m.latestUuid, 2)}/meeting_summary`);
		expect(res.status).toBe(200);
		expect(res.data).toMatchObject({
			meeting_uuid: m.latestUuid,
			meeting_id: m.id,
			meeting_topic: 'Sync 0',
			summary_overview: 'We agreed.',
			summary_details: [{ label: 'Plan', summary: 'Ship it.' }],
			next_steps: ['Ana writes notes'],
		});
		expect(res.data.summary_content).toContain('Ship it.');
		expect(res.data.edited_summary).toBeUndefined();
	});

	it('an instance without a summary, or an unknown UUID, is a 404', async () => {
		const [m] = await endedMeetings(1);
		const none = await api.get(`/meetings/${encodeUuid(m.latestUuid, 2)}/meeting_summary`);
		expect(none.status).toBe(404);
		expect(none.data.message).toMatch(/summary does not exist/);
		const unknown = await api.get(`/meetings/${encodeUuid('AAAAAAAAAAAAAAAAAAAAAA==', 1)}/meeting_summary`);
		expect(unknown.status).toBe(404);
		expect(unknown.data.code).toBe(3001);
	});

	it('needs the summary scope', async () => {
		const [m] = await endedMeetings(1);
		await h.control('POST', '/summaries', { meetingId: m.id, ...seed });
		const narrow = h.api(await h.token({ scopes: ['meeting:read:meeting:admin'] }));
		const res = await narrow.get(`/meetings/${encodeUuid(m.latestUuid, 2)}/meeting_summary`);
		expect(res.status).toBe(400);
		expect(res.data.code).toBe(4711);
	});
});

describe('GET /meetings/meeting_summaries', () => {
	it('is not taken for a meeting ID, and lists every summary in the range over pages, newest first', async () => {
		const meetings = await endedMeetings(5);
		for (const [i, m] of meetings.entries()) await h.control('POST', '/summaries', { meetingId: m.id, ...seed, createdMinutesAgo: i * 60 * 24 });
		const rows: NonNullable<MeetingsListAccountsMeetingOrWebinarSummariesResponse['summaries']> = [];
		let token = '';
		const from = new Date(Date.now() - 3.5 * 86_400_000).toISOString().slice(0, 19) + 'Z';
		do {
			const res = await api.get<MeetingsListAccountsMeetingOrWebinarSummariesResponse>('/meetings/meeting_summaries', {
				params: { page_size: 2, from, ...(token ? { next_page_token: token } : {}) },
			});
			expect(res.status).toBe(200);
			rows.push(...(res.data.summaries ?? []));
			token = res.data.next_page_token ?? '';
		} while (token);
		// Summaries created 0-3 days ago are in, the one 4 days ago is not.
		expect(rows.map((r) => r.meeting_id)).toEqual(meetings.slice(0, 4).map((m) => m.id));
		expect(rows[0]).toMatchObject({ meeting_uuid: meetings[0].latestUuid, meeting_topic: 'Sync 0', meeting_host_email: 'host@example.com' });
	});

	it('refuses a malformed date like Zoom', async () => {
		const res = await api.get('/meetings/meeting_summaries', { params: { from: 'yesterday' } });
		expect(res.status).toBe(400);
		expect(res.data.code).toBe(300);
	});
});
