/**
 * n8n's own HTTP Request node with our API credentials as a Predefined Credential Type, in a real n8n against
 * the sandbox: both credentials are offered there, calls go through with each, an expired OAuth2 token is
 * refreshed and a Server-to-Server token fetched and renewed, and the account token stays on Zoom's hosts.
 */
import { authentication, harness, type CredentialRef } from '../harness/context';
import { delay } from '../harness/n8n';
import { sandboxCredentialData } from '../harness/setup';
import { NodeWorkflow, type NodeSpec } from '../harness/workflows';

const h = () => harness();
type Kind = 'oauth2' | 's2s';

async function sandboxRequests(): Promise<Array<{ method: string; path: string; status: number }>> {
	const response = await h().sandbox.get('/_sandbox/requests');
	expect(response.status).toBe(200);
	return response.data;
}

/** An HTTP Request node (the version n8n adds today) using one of our credentials as a predefined type. */
function httpRequestNode(kind: Kind, url: string, credential: CredentialRef, method = 'GET'): NodeSpec {
	const type = authentication(kind);
	return {
		name: 'HTTP',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: { method, url, authentication: 'predefinedCredentialType', nodeCredentialType: type, options: {} },
		credentials: { [type]: credential },
	};
}

afterEach(async () => {
	await h().sandbox.post('/_sandbox/config', { tokenTtlSeconds: 3600 });
});

describe('the HTTP Request node with our credentials', () => {
	it('offers both API credentials under Predefined Credential Type, as the editor filters them', async () => {
		const nodeTypes = (await h().n8n.nodeTypes()) as unknown as Array<{ name: string; version: number | number[]; properties: Array<{ name: string; credentialTypes?: string[] }> }>;
		const httpRequest = nodeTypes.find((t) => t.name === 'n8n-nodes-base.httpRequest' && [t.version].flat().includes(4.2));
		const filters = httpRequest?.properties.find((p) => p.name === 'nodeCredentialType')?.credentialTypes ?? [];
		expect(filters.length).toBeGreaterThan(0);
		// The editor's credentialsSelect: "extends:X" keeps types extending X, "has:P" types with a property P.
		const offered = (type: Record<string, unknown>) =>
			filters.some((filter) => {
				const [kind, value] = filter.split(':');
				return kind === 'extends' ? ((type.extends as string[] | undefined) ?? []).includes(value) : kind === 'has' ? type[value] !== undefined : false;
			});
		const credentialTypes = (await h().n8n.credentialTypes()) as Array<Record<string, unknown>>;
		const ours = credentialTypes.filter((t) => String(t.name).startsWith('zoomConnector'));
		expect(ours.filter(offered).map((t) => t.name).sort()).toEqual(['zoomConnectorOAuth2Api', 'zoomConnectorServerToServerOAuthApi']);
	});

	it.each<Kind>(['oauth2', 's2s'])('GET /users/me goes through with the %s credential', async (kind) => {
		await h().sandbox.delete('/_sandbox/requests');
		const run = await new NodeWorkflow(h().n8n, [httpRequestNode(kind, `${h().sandboxUrl}/v2/users/me`, h().credentials[kind])]).run();
		expect(run.nodes.HTTP.error).toBeUndefined();
		expect(run.json('HTTP')).toEqual([expect.objectContaining({ id: expect.any(String), email: expect.stringContaining('@') })]);
		expect((await sandboxRequests()).filter((r) => r.path === '/v2/users/me').map((r) => r.status)).toEqual([200]);
	});

	it('a Server-to-Server token is fetched on first use, reused, and renewed after it expires', async () => {
		await h().sandbox.post('/_sandbox/config', { tokenTtlSeconds: 4 });
		const name = `S2S in HTTP Request ${Date.now()}`;
		const credential = { id: await h().n8n.createCredential(name, 'zoomConnectorServerToServerOAuthApi', sandboxCredentialData(h().sandboxUrl).s2s), name };
		const workflow = new NodeWorkflow(h().n8n, [httpRequestNode('s2s', `${h().sandboxUrl}/v2/users/me`, credential)]);
		await workflow.ensure();
		await h().sandbox.delete('/_sandbox/requests');
		for (let i = 0; i < 2; i++) expect((await workflow.run()).nodes.HTTP.error).toBeUndefined();
		let log = await sandboxRequests();
		expect(log.filter((r) => r.path === '/oauth/token').map((r) => r.status)).toEqual([200]);
		expect(log.filter((r) => r.path === '/v2/users/me').map((r) => r.status)).toEqual([200, 200]);

		await delay(4500);
		await h().sandbox.delete('/_sandbox/requests');
		const renewed = await workflow.run();
		expect(renewed.nodes.HTTP.error).toBeUndefined();
		expect(renewed.json('HTTP')).toEqual([expect.objectContaining({ id: expect.any(String) })]);
		log = await sandboxRequests();
		// Zoom's 401 for the expired token, one new token, the call again.
		expect(log.filter((r) => r.path === '/v2/users/me').map((r) => r.status)).toEqual([401, 200]);
		expect(log.filter((r) => r.path === '/oauth/token').map((r) => r.status)).toEqual([200]);
		await workflow.remove();
	});

	it('an expired OAuth2 access token is refreshed with the refresh token', async () => {
		await h().sandbox.post('/_sandbox/config', { tokenTtlSeconds: 2 });
		const name = `OAuth2 in HTTP Request ${Date.now()}`;
		const id = await h().n8n.createCredential(name, 'zoomConnectorOAuth2Api', sandboxCredentialData(h().sandboxUrl).oauth2);
		const { connectOAuth2 } = await import('../harness/oauth');
		expect((await connectOAuth2(h().n8n, id)).callbackStatus).toBeLessThan(400);
		const workflow = new NodeWorkflow(h().n8n, [httpRequestNode('oauth2', `${h().sandboxUrl}/v2/users/me`, { id, name })]);
		await workflow.ensure();
		await delay(2500);
		await h().sandbox.delete('/_sandbox/requests');
		const run = await workflow.run();
		expect(run.nodes.HTTP.error).toBeUndefined();
		expect(run.json('HTTP')).toEqual([expect.objectContaining({ email: 'host@example.com' })]);
		const log = await sandboxRequests();
		expect(log.filter((r) => r.path === '/v2/users/me').map((r) => r.status)).toEqual([401, 200]);
		expect(log.filter((r) => r.path === '/oauth/token').map((r) => r.status)).toEqual([200]);
		await workflow.remove();
	});

	it('does not send the Server-to-Server token to a host other than the credential’s', async () => {
		// Another host: an n8n webhook that answers with the headers it received.
		const echo = new NodeWorkflow(h().n8n, []);
		await echo.ensure();
		const echoUrl = `${h().n8n.state.url}/webhook/${echo.path}`;
		const run = await new NodeWorkflow(h().n8n, [httpRequestNode('s2s', echoUrl, h().credentials.s2s, 'POST')]).run();
		expect(run.nodes.HTTP.error).toBeUndefined();
		const echoed = run.json('HTTP')[0];
		expect(echoed.headers).toBeDefined();
		expect(Object.keys(echoed.headers).map((key) => key.toLowerCase())).not.toContain('authorization');
		await echo.remove();
	});
});
