/** Q&A, poll and survey answers of ended sessions in the sandbox, in Rivet's shapes. */
import type { AxiosInstance } from 'axios';
import type {
	MeetingsListPastMeetingsQAResponse,
	ReportsGetMeetingQAReportResponse,
	ReportsGetWebinarPollReportsResponse,
	ReportsGetWebinarSurveyReportResponse,
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

const ana = { email: 'ana@example.com', name: 'Ana Lima' };

describe('Q&A, polls, survey', () => {
	it('past and report Q&A of a meeting: the latest instance by ID, an earlier one by UUID', async () => {
		const s = await h.control('POST', '/scenario', { meetings: [{ topic: 'Town hall', ended: { participants: 3, instances: 2 } }] });
		const m = s.meetings[0];
		await h.control('POST', '/engagement', { meetingId: m.id, qa: [{ ...ana, items: [{ question: 'Price?', answers: ['Free'] }, { question: 'Replay?', answers: [] }] }] });
		const past = await api.get<MeetingsListPastMeetingsQAResponse>(`/past_meetings/${m.id}/qa`);
		expect(past.status).toBe(200);
		expect(past.data).toEqual({
			id: m.id,
			uuid: m.latestUuid,
			start_time: expect.any(String),
			questions: [{ ...ana, question_details: [{ question: 'Price?', answer: 'Free' }, { question: 'Replay?', answer: '' }] }],
		});
		const report = await api.get<ReportsGetMeetingQAReportResponse>(`/report/meetings/${encodeUuid(m.latestUuid, 2)}/qa`);
		const details = report.data.questions?.[0].question_details ?? [];
		expect(details.map((d) => [d.question_status, d.answer_details?.map((a) => a.content)])).toEqual([
			['answered', ['Free']],
			['open', []],
		]);
		// The earlier instance has no Q&A.
		const earlier = m.instances[0].uuid;
		expect((await api.get(`/past_meetings/${encodeUuid(earlier, 2)}/qa`)).data.questions).toEqual([]);
	});

	it('webinar poll and survey reports carry first and last names; unknown sessions are 404 3001', async () => {
		const s = await h.control('POST', '/scenario', { webinars: [{ topic: 'Launch', ended: { participants: 10 } }] });
		const w = s.webinars[0];
		const seeded = await h.control('POST', '/engagement', { meetingId: w.id, generate: { pollEvery: 2, surveyEvery: 5, askEvery: 3, outsiders: 1 } });
		expect(seeded).toMatchObject({ qa: 5, polls: 10, survey: 2 });
		const polls = await api.get<ReportsGetWebinarPollReportsResponse>(`/report/webinars/${w.id}/polls`);
		expect(polls.data.questions?.[0]).toMatchObject({ email: 'participant0@example.com', first_name: 'Participant', last_name: '0' });
		const survey = await api.get<ReportsGetWebinarSurveyReportResponse>(`/report/webinars/${w.id}/survey`);
		expect(survey.data).toMatchObject({ webinar_id: w.id, webinar_uuid: w.latestUuid, survey_id: 'survey-1', survey_name: 'Feedback' });
		expect(survey.data.survey_answers?.map((a) => a.email)).toEqual(['participant0@example.com', 'participant5@example.com']);
		expect((await api.get(`/past_webinars/${w.id}/qa`)).data.questions.map((q: { email: string }) => q.email)).toContain('outsider0@example.com');
		const missing = await api.get('/past_webinars/99999999999/polls');
		expect(missing.status).toBe(404);
		expect(missing.data.code).toBe(3001);
		// A meeting ID is not a webinar.
		expect((await api.get(`/report/meetings/${w.id}/survey`)).status).toBe(404);
	});
});
