/**
 * The transport's rate categories against the "Rate Limit Label" Zoom publishes for every endpoint the nodes
 * call (test/contract/zoomPublished.ts, from Zoom's API reference documents). Issue 28, point 4: panelists,
 * tracking sources, past polls and Q&A, batch registrants and meeting summaries fell through to Light.
 */
import { rateCategory } from 'n8n-nodes-zoom-connector/nodes/shared/transport/rateLimit';
import { ZOOM_PUBLISHED } from '../contract/zoomPublished';

/** A value for each path parameter, as the nodes send them (a UUID double-encoded where Zoom asks for it). */
const SAMPLE: Record<string, string> = {
	userId: 'me',
	meetingId: '81234567890',
	webinarId: '91234567890',
	meetingUUID: encodeURIComponent(encodeURIComponent('/ajXp112QmuoKj4854875==')),
	registrantId: 'n2uVoTkRQS6bKSf3e3a7mQ',
	panelistId: 'pnl-1',
	recordingId: 'a2f19f96-9294-4f51-8134-6f0eea108eb2',
	eventSubscriptionId: 'sub-1',
};
const concrete = (path: string) => path.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE[name] ?? 'x1');

describe('rateCategory', () => {
	it.each(ZOOM_PUBLISHED.map((e) => [e.method, e.path, e.rate]))('%s %s is %s, as Zoom labels it', (method, path, rate) => {
		expect(rateCategory(method, concrete(path))).toBe(rate);
		// A query string or a trailing slash changes nothing.
		expect(rateCategory(method, `${concrete(path)}/?page_size=300`)).toBe(rate);
	});

	it('covers every endpoint the issue found falling through to Light', () => {
		const named = [
			['POST', '/webinars/{webinarId}/panelists', 'Medium'],
			['GET', '/webinars/{webinarId}/tracking_sources', 'Medium'],
			['GET', '/past_webinars/{webinarId}/polls', 'Medium'],
			['GET', '/past_webinars/{webinarId}/qa', 'Medium'],
			['GET', '/past_meetings/{meetingId}/polls', 'Medium'],
			['GET', '/past_meetings/{meetingId}/qa', 'Medium'],
			['POST', '/meetings/{meetingId}/batch_registrants', 'Heavy'],
			['POST', '/webinars/{webinarId}/batch_registrants', 'Heavy'],
			['GET', '/meetings/meeting_summaries', 'Medium'],
		];
		for (const [method, path, rate] of named) {
			expect(ZOOM_PUBLISHED).toContainEqual(expect.objectContaining({ method, path, rate }));
			expect(rateCategory(method, concrete(path))).toBe(rate);
		}
	});
});
