/**
 * The sandbox serves only what Zoom publishes: every /v2 route is an endpoint of Zoom's SDK (@zoom/rivet,
 * read at test time by test/contract/rivetEndpoints.ts), and a path Zoom lacks gets Zoom's 404.
 */
import { ROUTES } from '../../sandbox/api';
import { OUTSIDE_REST, rivetEndpoints, rivetVersion, shapeOf } from '../contract/rivetEndpoints';
import { startHarness, type Harness } from './helpers';

describe('Zoom’s endpoint table from @zoom/rivet', () => {
	it('is read from the installed package, all four modules', () => {
		const endpoints = rivetEndpoints();
		expect(rivetVersion()).toBe('0.4.0');
		expect(new Set(endpoints.map((e) => e.module))).toEqual(new Set(['meetings', 'users', 'accounts', 'marketplace']));
		expect(endpoints.length).toBeGreaterThan(300);
		for (const e of endpoints) expect(e.path).toMatch(/^(\/[A-Za-z0-9_.\-]+|\/\{[A-Za-z]+\})+$/);
		// Facts the nodes rely on, and the one the sandbox had wrong.
		const has = (method: string, path: string) => endpoints.some((e) => e.method === method && e.path === path);
		expect(has('GET', '/report/webinars/{webinarId}')).toBe(true);
		expect(has('GET', '/past_webinars/{webinarId}/instances')).toBe(true);
		expect(endpoints.some((e) => e.method === 'GET' && shapeOf(e.path) === '/past_webinars/{}')).toBe(false);
	});
});

describe('the sandbox’s route table', () => {
	const zoom = new Set(rivetEndpoints().map((e) => `${e.method} ${shapeOf(e.path)}`));

	it('has only endpoints Zoom has', () => {
		const extra = ROUTES.map((r) => `${r.method} ${r.pattern.text}`).filter((route) => !zoom.has(shapeOf(route)));
		expect(extra).toEqual([]);
	});

	it('keeps OAuth and recording downloads outside Rivet’s REST table, each with Zoom’s documentation', () => {
		for (const o of OUTSIDE_REST) {
			expect(zoom.has(`${o.method} ${shapeOf(o.path)}`)).toBe(false);
			expect(o.doc).toMatch(/^https:\/\/developers\.zoom\.us\/docs\//);
		}
	});

	describe('a path Zoom lacks', () => {
		let h: Harness;
		beforeAll(async () => {
			h = await startHarness();
		});
		afterAll(async () => {
			await h.sandbox.close();
		});

		it.each([
			['GET', '/past_webinars/81234567890'],
			['GET', '/no_such_thing'],
			['GET', '/meetings/81234567890/no_such_part'],
		])('%s %s gets Zoom’s 404 {code, message}', async (method, path) => {
			const res = await h.api(await h.token()).request({ method, url: path });
			expect(res.status).toBe(404);
			expect(res.data).toEqual({ code: 404, message: expect.any(String) });
		});
	});
});
