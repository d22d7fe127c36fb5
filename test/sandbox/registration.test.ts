/**
 * The trigger's Registration: Automatic hooks (registration.ts) run against the sandbox without n8n: create,
 * check, replace on changed events, re-create when deleted in Zoom, delete (also when already gone), and Zoom's
 * refusals named for the user. n8n's HTTP helpers are stood in by plain HTTP to the sandbox; the sandbox answers.
 */
import axios from 'axios';
import type { IDataObject, IHookFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { createSubscription, deleteSubscription, subscriptionExists } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/registration';
import { SANDBOX_DEFAULTS as D, startHarness } from './helpers';
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
	endpoint.answerWrongly = false;
});

async function send(request: IHttpRequestOptions, token?: string) {
	const response = await axios.request({
		method: request.method ?? 'GET',
		url: request.url,
		params: request.qs,
		data: request.body,
		headers: { ...(request.headers as IDataObject), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
	});
	return request.returnFullResponse ? { body: response.data, headers: response.headers, statusCode: response.status } : response.data;
}

function hookContext(parameters: IDataObject, userToken: string, staticData: IDataObject = {}) {
	const context = {
		getNode: () => ({ id: 'trigger', name: 'Zoom Trigger', type: 'zoomConnectorTrigger', typeVersion: 1.1, position: [0, 0], parameters: {}, credentials: {} }),
		getWorkflow: () => ({ id: 'wf', name: 'Registration test' }),
		getNodeParameter: (name: string, fallback: unknown) => (name in parameters ? parameters[name] : fallback),
		getNodeWebhookUrl: () => endpoint.url,
		getWorkflowStaticData: () => staticData,
		getMode: () => 'trigger',
		getCredentials: async () => ({ environment: 'custom', apiBaseUrl: `${h.sandbox.url}/v2`, oauthBaseUrl: `${h.sandbox.url}/oauth`, clientId: D.oauthClientId, clientSecret: D.oauthClientSecret }),
		logger: { warn: () => undefined, info: () => undefined, debug: () => undefined, error: () => undefined },
		helpers: {
			httpRequestWithAuthentication: async (_type: string, request: IHttpRequestOptions) => await send(request, userToken),
			httpRequest: async (request: IHttpRequestOptions) => await send(request),
		},
	};
	return { context: context as unknown as IHookFunctions, staticData };
}

const s2s = (events: string[]) => ({ registration: 'automatic', authentication: 'zoomConnectorServerToServerOAuthApi', events });
const list = async () => (await h.control('GET', '/event_subscriptions')) as Array<{ id: string; events: string[]; scope: string; userIds: string[] }>;

describe('Registration: Automatic', () => {
	it('creates one subscription for the selected events, finds it, replaces it when the events change, and deletes it', async () => {
		const token = await h.token();
		const first = hookContext(s2s(['meeting.ended', 'meeting.started']), token);
		expect(await subscriptionExists(first.context)).toBe(false);
		expect(await createSubscription(first.context)).toBe(true);
		expect(await list()).toEqual([expect.objectContaining({ events: ['meeting.ended', 'meeting.started'], scope: 'account' })]);
		expect(await subscriptionExists(first.context)).toBe(true);

		const changed = hookContext(s2s(['meeting.ended']), token, first.staticData);
		expect(await subscriptionExists(changed.context)).toBe(false);
		expect(await list()).toEqual([]);
		await createSubscription(changed.context);
		expect((await list()).map((s) => s.events)).toEqual([['meeting.ended']]);

		expect(await deleteSubscription(changed.context)).toBe(true);
		expect(await list()).toEqual([]);
		expect(changed.staticData.eventSubscriptions).toEqual({});
	});

	it('creates it again when it was deleted in Zoom, and deleting what is already gone succeeds', async () => {
		const token = await h.token();
		const { context, staticData } = hookContext(s2s(['recording.completed']), token);
		await createSubscription(context);
		const [made] = await list();
		await h.api(token).delete(`/marketplace/app/event_subscription/${made.id}`);
		expect(await subscriptionExists(context)).toBe(false);
		await createSubscription(context);
		const [again] = await list();
		await h.api(token).delete(`/marketplace/app/event_subscription/${again.id}`);
		expect(await deleteSubscription(context)).toBe(true);
		expect(staticData.eventSubscriptions).toEqual({});
	});

	it('subscribes the connected user with the General app’s client-credentials token (OAuth2)', async () => {
		const userToken = await h.token({ kind: 'oauth' });
		const { context } = hookContext({ registration: 'automatic', authentication: 'zoomConnectorOAuth2Api', events: ['meeting.ended'] }, userToken);
		await createSubscription(context);
		expect(await list()).toEqual([expect.objectContaining({ scope: 'user', userIds: [D.meUserId] })]);
		const calls = ((await h.control('GET', '/requests')) as Array<{ path: string; tokenKind: string }>).filter((r) => r.path.startsWith('/v2/marketplace/'));
		expect(calls.map((r) => r.tokenKind)).toEqual(['app', 'app']);
	});

	it('refuses All and an empty selection, naming the field', async () => {
		const token = await h.token();
		await expect(createSubscription(hookContext(s2s(['*']), token).context)).rejects.toThrow(/Events: "All" cannot be registered automatically/);
		await expect(createSubscription(hookContext(s2s([]), token).context)).rejects.toThrow(/Events: choose at least one event/);
		expect(await list()).toEqual([]);
	});

	it('explains Zoom’s failed URL validation (1701)', async () => {
		endpoint.answerWrongly = true;
		const error = await createSubscription(hookContext(s2s(['meeting.ended']), await h.token()).context).catch((e: unknown) => e);
		expect((error as { description?: string }).description).toMatch(/URL validation challenge.*Secret Token/);
		expect(await list()).toEqual([]);
	});
});

describe('Registration: Automatic when activation half-fails', () => {
	const subscribingFails = { method: 'PATCH', path: '/v2/marketplace/app/event_subscription/', kind: 'status', status: 400, body: { code: 300, message: 'Sandbox: subscribing failed' } };
	const deletingFails = { method: 'DELETE', path: '/v2/marketplace/app/event_subscription/', kind: 'status', status: 400, body: { code: 300, message: 'Sandbox: deleting failed' } };

	it('records what it created before subscribing, and deletes it on the deactivation n8n runs next, though n8n saved no static data', async () => {
		const token = await h.token();
		await h.control('POST', '/faults', { ...subscribingFails, count: 1 });
		await h.control('POST', '/faults', { ...deletingFails, count: 1 });
		const failed = hookContext(s2s(['meeting.ended']), token);
		await expect(createSubscription(failed.context)).rejects.toThrow(/subscribing failed/);
		const [orphan] = await list();
		expect(orphan).toBeDefined();
		expect(failed.staticData.orphanedSubscriptions).toEqual([orphan.id]);
		// n8n saves no static data of a failed activation, and deactivates with what it had saved before.
		await deleteSubscription(hookContext(s2s(['meeting.ended']), token, {}).context);
		expect(await list()).toEqual([]);
	});

	it('keeps one it cannot delete in the static data n8n saves, and a restarted n8n deletes it on the next activation', async () => {
		const token = await h.token();
		await h.control('POST', '/faults', { ...subscribingFails, count: 1 });
		await h.control('POST', '/faults', { ...deletingFails, count: 2 });
		await expect(createSubscription(hookContext(s2s(['meeting.ended']), token).context)).rejects.toThrow(/subscribing failed/);
		const [orphan] = await list();
		const deactivation = hookContext(s2s(['meeting.ended']), token, {});
		await deleteSubscription(deactivation.context);
		expect(await list()).toEqual([orphan]);
		expect(deactivation.staticData.orphanedSubscriptions).toEqual([orphan.id]);

		// A restarted n8n: the module's memory is new, only the saved static data knows the orphan.
		let restarted!: typeof import('n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/registration');
		jest.isolateModules(() => {
			restarted = require('n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/registration');
		});
		const next = hookContext(s2s(['meeting.ended']), token, deactivation.staticData);
		expect(await restarted.subscriptionExists(next.context)).toBe(false);
		expect(await restarted.createSubscription(next.context)).toBe(true);
		const after = await list();
		expect(after).toHaveLength(1);
		expect(after[0].id).not.toBe(orphan.id);
		expect(next.staticData.orphanedSubscriptions).toBeUndefined();
		expect(await restarted.deleteSubscription(next.context)).toBe(true);
		expect(await list()).toEqual([]);
	});
});
