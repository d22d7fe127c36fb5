/**
 * The sandbox's route table against what Zoom publishes for each endpoint (test/contract/zoomPublished.ts,
 * from Zoom's API reference documents): the rate-limit category it counts a call in, and the granular scopes
 * it accepts and names in a 4711 (issue 28, points 3 and 4: `webinar:read:list_past_polls`,
 * `report:read:webinar_qna:admin`, `report:read:meeting_qna:admin`; tracking sources Medium, Create meeting Light).
 */
import { ROUTES } from '../../sandbox/api';
import { shapeOf } from '../contract/rivetEndpoints';
import { ZOOM_PUBLISHED } from '../contract/zoomPublished';

const published = new Map(ZOOM_PUBLISHED.map((e) => [`${e.method} ${shapeOf(e.path)}`, e]));

describe('the sandbox’s routes, as Zoom publishes them', () => {
	it('every route is in Zoom’s published table', () => {
		expect(ROUTES.map((r) => `${r.method} ${shapeOf(r.pattern.text)}`).filter((key) => !published.has(key))).toEqual([]);
	});

	it.each(ROUTES.map((r) => [r.method, r.pattern.text, r]))('%s %s: Zoom’s rate label and granular scopes', (method, path, route) => {
		const zoom = published.get(`${method} ${shapeOf(path as string)}`)!;
		const r = route as (typeof ROUTES)[number];
		expect(r.category).toBe(zoom.rate);
		expect(r.scopes.slice(0, zoom.granularScopes.length)).toEqual(zoom.granularScopes);
	});
});
