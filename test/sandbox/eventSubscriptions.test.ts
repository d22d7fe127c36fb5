/**
 * Event subscriptions through Zoom's Marketplace API (https://developers.zoom.us/docs/api/marketplace/#tag/app):
 * app-owned tokens only, URL validation on creation (404 1701 when the endpoint answers wrong), subscribe,
 * list, unsubscribe, delete, and events that happen in the sandbox delivered, signed, to the subscribed URL.
 */
import { createHmac } from 'node:crypto';
import type { AppCreateEventSubscriptionRequestBody } from '@zoom/rivet/marketplace';
import { SANDBOX_DEFAULTS as D, basic, startHarness } from './helpers';
import type { Harness } from './helpers';
import { Endpoint } from './validatingEndpoint';

let h: Harness;
const endpoint = new Endpoint();
beforeAll(async () => {
	h = await startHarness();
	await endpoint.start();
});
afterAll(async () => {
	await endpoint.close();
	await h.sandbox.close();
});
beforeEach(async () => {
	await h.control('POST', '/reset');
	endpoint.events = [];
	endpoint.answerWrongly = false;
});

const PATH = '/marketplace/app/event_subscription';

async function appToken(): Promise<string> {
	const res = await h.http.post('/oauth/token?grant_type=client_credentials', '', { headers: { Authorization: basic(D.oauthClientId, D.oauthClientSecret) } });
	expect(res.status).toBe(200);
	expect(res.data.refresh_token).toBeUndefined();
	return res.data.access_token as string;
}

function accountBody(events: string[]): AppCreateEventSubscriptionRequestBody {
	return { events, event_subscription_name: 'n8n test', event_webhook_url: endpoint.url, subscription_scope: 'account', account_id: D.s2sAccountId };
}

describe('creating an event subscription', () => {
	it('validates the URL, answers 201 with the id, and the account is subscribed after PATCH', async () => {
		const api = h.api(await h.token());
		const created = await api.post(PATH, accountBody(['meeting.ended']));
		expect(created.status).toBe(201);
		const id = created.data.event_subscription_id as string;
		expect(id).toEqual(expect.any(String));
		expect((await api.patch(`${PATH}/${id}`, { account_id: D.s2sAccountId })).status).toBe(204);
		const listed = await api.get(PATH, { params: { account_id: D.s2sAccountId, user_id: D.meUserId, subscription_scope: 'account' } });
		expect(listed.status).toBe(200);
		expect(listed.data.event_subscriptions).toEqual([
			expect.objectContaining({ event_subscription_id: id, events: ['meeting.ended'], event_webhook_url: endpoint.url, subscription_scope: 'account', created_source: 'openapi' }),
		]);
	});

	it('refuses with 404 1701 when the endpoint answers the validation challenge wrongly, and keeps nothing', async () => {
		endpoint.answerWrongly = true;
		const api = h.api(await h.token());
		const res = await api.post(PATH, accountBody(['meeting.ended']));
		expect(res.status).toBe(404);
		expect(res.data).toEqual({ code: 1701, message: `The event webhook url validate failed: ${endpoint.url}.` });
		expect(await h.control('GET', '/event_subscriptions')).toEqual([]);
	});

	it.each([
		[{ events: [] }, 'The events list is empty.'],
		[{ event_webhook_url: '' }, 'The event webhook url is empty.'],
		[{ subscription_scope: 'everyone' }, 'The subscription scope is invalid.'],
	])('answers 400 1500 for %j', async (change, message) => {
		const res = await h.api(await h.token()).post(PATH, { ...accountBody(['meeting.ended']), ...change });
		expect(res.status).toBe(400);
		expect(res.data).toEqual({ code: 1500, message });
	});

	it('takes an app token (client credentials) but not a user token', async () => {
		const user = await h.token({ kind: 'oauth' });
		expect((await h.api(user).post(PATH, accountBody(['meeting.ended']))).status).toBe(401);
		const created = await h.api(await appToken()).post(PATH, { ...accountBody(['meeting.ended']), subscription_scope: 'user', user_ids: [D.meUserId] });
		expect(created.status).toBe(201);
	});
});

describe('an ended meeting', () => {
	it('reaches the subscribed URL signed with the secret token, and nothing after delete', async () => {
		const api = h.api(await h.token());
		const id = (await api.post(PATH, accountBody(['meeting.ended']))).data.event_subscription_id as string;
		await api.patch(`${PATH}/${id}`, { account_id: D.s2sAccountId });
		const { meetings } = await h.control('POST', '/scenario', { meetings: [{ topic: 'Ends now' }] });
		const ended = await h.control('POST', `/meetings/${meetings[0].id}/end`, { participants: 2 });
		expect(ended.deliveries).toHaveLength(1);
		expect(endpoint.events).toHaveLength(1);
		const got = endpoint.events[0];
		expect(got.event).toBe('meeting.ended');
		expect(got.payload.object).toEqual(expect.objectContaining({ id: String(meetings[0].id), topic: 'Ends now', end_time: expect.any(String) }));
		expect(got.signature).toBe(`v0=${createHmac('sha256', D.webhookSecretToken).update(`v0:${got.ts}:${got.raw}`).digest('hex')}`);

		expect((await api.delete(`${PATH}/${id}`)).status).toBe(204);
		expect((await api.delete(`${PATH}/${id}`)).data).toEqual({ code: 1601, message: `App event subscription is invalid: ${id}` });
		await h.control('POST', `/meetings/${meetings[0].id}/end`, {});
		expect(endpoint.events).toHaveLength(1);
	});

	it('is not delivered to a subscription without that event, nor after the account unsubscribed', async () => {
		const api = h.api(await h.token());
		const other = (await api.post(PATH, accountBody(['meeting.started']))).data.event_subscription_id as string;
		await api.patch(`${PATH}/${other}`, { account_id: D.s2sAccountId });
		const id = (await api.post(PATH, accountBody(['meeting.ended']))).data.event_subscription_id as string;
		await api.patch(`${PATH}/${id}`, { account_id: D.s2sAccountId });
		expect((await api.delete(PATH, { params: { event_subscription_id: id, account_id: D.s2sAccountId } })).status).toBe(204);
		const { meetings } = await h.control('POST', '/scenario', { meetings: [{ topic: 'Nobody listens' }] });
		await h.control('POST', `/meetings/${meetings[0].id}/end`, {});
		expect(endpoint.events).toEqual([]);
	});
});
