/** Meeting Summary: the structured fields read from Zoom's summary, and the instants its list takes. */
import fc from 'fast-check';
import { DateTime } from 'luxon';

import { composeSummaryText, summaryFields } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/resources/meetingSummary/fields';
import { zoomInstant } from 'n8n-nodes-zoom-connector/nodes/ZoomConnector/resources/meetingSummary/instant';

describe('summaryFields', () => {
	const body = {
		meeting_uuid: 'aDYlohsHRtCd4ii1uC2+hA==',
		summary_overview: ' The team agreed on the Q3 launch. ',
		summary_details: [
			{ label: 'Launch date', summary: 'Moved to 1 September.' },
			{ label: 'Budget', summary: 'Approved.' },
		],
		next_steps: ['Ana drafts the press release', ' '],
		summary_content: '## Quick recap\nThe team agreed on the Q3 launch.',
	};

	it('reads overview, topics and next steps as fields, and keeps Zoom’s full text', () => {
		expect(summaryFields(body)).toEqual({
			overview: 'The team agreed on the Q3 launch.',
			topics: [
				{ label: 'Launch date', summary: 'Moved to 1 September.' },
				{ label: 'Budget', summary: 'Approved.' },
			],
			nextSteps: ['Ana drafts the press release'],
			fullText: '## Quick recap\nThe team agreed on the Q3 launch.',
			edited: false,
		});
	});

	it('an edit made in Zoom replaces the overview and the next steps', () => {
		const fields = summaryFields({
			...body,
			edited_summary: { summary_overview: 'Launch moved to Q4.', next_steps: ['Tell sales'] },
		});
		expect(fields).toMatchObject({ overview: 'Launch moved to Q4.', nextSteps: ['Tell sales'], edited: true });
	});

	it('without summary_content (Zoom often omits it) the full text is built from the parts', () => {
		const { summary_content: _content, ...rest } = body;
		expect(summaryFields(rest).fullText).toBe(
			'The team agreed on the Q3 launch.\n\nLaunch date\nMoved to 1 September.\n\nBudget\nApproved.\n\nNext steps\n- Ana drafts the press release',
		);
	});

	it('an answer with no summary parts gives empty fields, never a crash', () => {
		expect(summaryFields({})).toEqual({ overview: '', topics: [], nextSteps: [], fullText: '', edited: false });
		expect(summaryFields({ summary_details: [{}, { label: 'x' }], next_steps: [1 as unknown as string] })).toMatchObject({
			topics: [{ label: 'x', summary: '' }],
			nextSteps: [],
		});
	});

	it('property: every topic and next step reaches the full text built from the parts', () => {
		const word = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}[A-Za-z]$/);
		fc.assert(
			fc.property(word, fc.array(fc.record({ label: word, summary: word })), fc.array(word), (overview, details, steps) => {
				const fields = summaryFields({ summary_overview: overview, summary_details: details, next_steps: steps });
				expect(fields.topics).toEqual(details);
				expect(fields.nextSteps).toEqual(steps);
				expect(fields.fullText).toBe(composeSummaryText(overview, details, steps));
				for (const part of [overview, ...details.map((d) => d.summary), ...steps]) expect(fields.fullText).toContain(part);
			}),
		);
	});
});

describe('zoomInstant', () => {
	it('takes the forms an n8n date field gives, in UTC', () => {
		expect(zoomInstant('2024-03-01')).toBe('2024-03-01T00:00:00Z');
		expect(zoomInstant('2024-03-01', true)).toBe('2024-03-01T23:59:59Z');
		expect(zoomInstant('2024-03-01T09:30:00')).toBe('2024-03-01T09:30:00Z');
		expect(zoomInstant('2024-03-01T09:30:00+02:00')).toBe('2024-03-01T07:30:00Z');
		expect(zoomInstant(new Date(Date.UTC(2024, 2, 1, 12)))).toBe('2024-03-01T12:00:00Z');
		expect(zoomInstant(DateTime.fromISO('2024-03-01T12:00:00', { zone: 'Europe/Berlin' }))).toBe('2024-03-01T11:00:00Z');
	});

	it('refuses what is not a real instant', () => {
		for (const bad of ['', 'tomorrow', '2023-02-30', '01/03/2024', 42, null, {}, new Date(Number.NaN)]) {
			expect(zoomInstant(bad)).toBeUndefined();
		}
	});

	it('property: a day’s start is before its end, both on that day', () => {
		fc.assert(
			fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (date) => {
				const day = date.toISOString().slice(0, 10);
				const start = zoomInstant(day) as string;
				const end = zoomInstant(day, true) as string;
				expect(start.slice(0, 10)).toBe(day);
				expect(end.slice(0, 10)).toBe(day);
				expect(Date.parse(end) - Date.parse(start)).toBe(86_399_000);
			}),
		);
	});
});
