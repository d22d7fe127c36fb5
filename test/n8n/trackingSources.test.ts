/**
 * Registrants with a tracking source, in a real n8n against the sandbox: Registrant › Add with a Tracking
 * Source ID registers a webinar attendee through that source (Zoom's source_id), and Get Many shows each
 * registrant's source, by filter (Tracking Source ID) or for all (Add Tracking Source).
 */
import { harness } from '../harness/context';
import { runZoomConnector } from '../harness/workflows';

type Kind = 'oauth2' | 's2s';
const h = () => harness();

describe.each<Kind>(['oauth2', 's2s'])('Registrant tracking sources with %s', (kind) => {
	const run = (parameters: Record<string, unknown>) => runZoomConnector(h().n8n, kind, parameters, {});
	async function ok(parameters: Record<string, unknown>) {
		const result = await run(parameters);
		expect(result.nodes.Zoom.error).toBeUndefined();
		return result.json('Zoom');
	}

	it('Add registers through a source; Get Many names each registrant’s source', async () => {
		const created = await h().sandbox.post('/_sandbox/scenario', { webinars: [{ topic: `Sources ${kind}`, start_time: '2030-01-01T10:00:00Z', registration: true }] });
		const webinarId = String(created.data.webinars[0].id);
		const seeded = await h().sandbox.post('/_sandbox/tracking_sources', { webinarId, sources: [{ source_name: 'LinkedIn' }, { source_name: 'Newsletter' }] });
		const [linkedIn, newsletter] = seeded.data.sources as Array<{ id: string }>;
		const target = { resource: 'registrant', sessionType: 'webinar', webinarId };
		const add = (email: string, sourceId?: string) =>
			ok({ ...target, operation: 'add', email, firstName: email.split('@')[0], additionalFields: sourceId ? { sourceId } : {} });
		await add('li@example.com', linkedIn.id);
		await add('nl@example.com', newsletter.id);
		await add('direct@example.com');

		await h().sandbox.delete('/_sandbox/requests');
		const all = await ok({ ...target, operation: 'getAll', returnAll: true, options: { addTrackingSource: true } });
		expect(all.map((r) => [r.email, r.trackingSource])).toEqual([
			['li@example.com', { id: linkedIn.id, name: 'LinkedIn' }],
			['nl@example.com', { id: newsletter.id, name: 'Newsletter' }],
			['direct@example.com', null],
		]);
		const requests = ((await h().sandbox.get('/_sandbox/requests')).data as Array<{ path: string; query: Record<string, string>; body?: unknown }>).filter((r) => r.path.startsWith('/v2/'));
		expect(requests.map((r) => [r.path, r.query.tracking_source_id ?? null])).toEqual([
			[`/v2/webinars/${webinarId}/tracking_sources`, null],
			[`/v2/webinars/${webinarId}/registrants`, linkedIn.id],
			[`/v2/webinars/${webinarId}/registrants`, newsletter.id],
			[`/v2/webinars/${webinarId}/registrants`, null],
		]);

		const fromNewsletter = await ok({ ...target, operation: 'getAll', returnAll: true, options: { trackingSourceId: newsletter.id } });
		expect(fromNewsletter.map((r) => [r.email, r.trackingSource])).toEqual([['nl@example.com', { id: newsletter.id, name: 'Newsletter' }]]);
		// Without the options, Zoom's rows as they are.
		expect((await ok({ ...target, operation: 'getAll', returnAll: true }))[0]).not.toHaveProperty('trackingSource');
	});

	it('a meeting has no tracking sources: n8n drops the webinar-only option, and no source is asked for', async () => {
		const created = await h().sandbox.post('/_sandbox/scenario', { meetings: [{ topic: `No sources ${kind}`, type: 2, start_time: '2030-01-01T10:00:00Z', registration: true }] });
		await h().sandbox.delete('/_sandbox/requests');
		const result = await run({ resource: 'registrant', sessionType: 'meeting', meetingId: String(created.data.meetings[0].id), operation: 'getAll', returnAll: true, options: { addTrackingSource: true } });
		expect(result.nodes.Zoom.error).toBeUndefined();
		expect(result.json('Zoom').every((r) => !('trackingSource' in r))).toBe(true);
		const paths = ((await h().sandbox.get('/_sandbox/requests')).data as Array<{ path: string }>).map((r) => r.path).filter((path) => path.startsWith('/v2/'));
		expect(paths).toEqual([`/v2/meetings/${created.data.meetings[0].id}/registrants`]);
	});
});
