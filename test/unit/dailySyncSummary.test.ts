/** The Daily Sync's Include Meeting Summary, pure parts: the summary fields an item gets, and participant items carrying them. */
import { participantItem } from 'n8n-nodes-zoom-connector/nodes/ZoomDailySyncTrigger/endedSessions';
import { summaryItem } from 'n8n-nodes-zoom-connector/nodes/ZoomDailySyncTrigger/sessionSummary';

const session = { sessionType: 'meeting', id: 1, uuid: 'u==', topic: 'T', startTime: 's', endTime: 'e' };

describe('Daily Sync meeting summary', () => {
	it('summaryItem: title, times and the structured fields of Zoom’s summary', () => {
		expect(
			summaryItem({
				summary_title: 'Summary of T',
				summary_created_time: '2026-12-01T11:05:00Z',
				summary_overview: 'Agreed.',
				summary_details: [{ label: 'Plan', summary: 'Ship.' }],
				next_steps: ['Notes'],
			}),
		).toEqual({
			title: 'Summary of T',
			createdTime: '2026-12-01T11:05:00Z',
			lastModifiedTime: null,
			overview: 'Agreed.',
			topics: [{ label: 'Plan', summary: 'Ship.' }],
			nextSteps: ['Notes'],
			fullText: expect.stringContaining('Ship.'),
			edited: false,
		});
	});

	it('participant items carry the session’s summary (or its absence) only when the session has one asked for', () => {
		const row = { user_email: 'a@example.com' };
		expect(participantItem({ ...session, summary: null, summaryMissingReason: 'none' }, row)).toMatchObject({ sessionSummary: null, sessionSummaryMissingReason: 'none' });
		expect(participantItem({ ...session, summary: { overview: 'x' }, summaryMissingReason: null }, row)).toMatchObject({ sessionSummary: { overview: 'x' }, sessionSummaryMissingReason: null });
		expect(participantItem(session, row)).not.toHaveProperty('sessionSummary');
	});
});
