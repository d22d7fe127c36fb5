/**
 * The foundation in a real n8n: the package loads as an installed community package, both API
 * credentials pass n8n's own credential test against the sandbox, the OAuth2 connect flow went through
 * n8n's callback, and a Server-to-Server token is fetched once, reused, and renewed after it expires.
 */
import { readFileSync } from 'node:fs';

import { authentication, harness, zoomCredentials, type CredentialRef } from '../harness/context';
import { delay } from '../harness/n8n';
import { CACHE_ROOT, PACKAGE_DIR } from '../harness/paths';
import { sandboxCredentialData } from '../harness/setup';
import { NodeWorkflow, PKG } from '../harness/workflows';

const h = () => harness();

async function sandboxRequests(): Promise<Array<{ method: string; path: string; status: number; query: Record<string, string> }>> {
	const response = await h().sandbox.get('/_sandbox/requests');
	expect(response.status).toBe(200);
	return response.data;
}

function userGetNode(kind: 'oauth2' | 's2s', credential?: CredentialRef) {
	return {
		name: 'Zoom',
		type: `${PKG}.zoomConnector`,
		parameters: { authentication: authentication(kind), resource: 'user', operation: 'get', userId: 'me' },
		credentials: zoomCredentials(kind, credential),
	};
}

afterEach(async () => {
	await h().sandbox.post('/_sandbox/config', { tokenTtlSeconds: 3600 });
	await h().sandbox.delete('/_sandbox/faults');
});

describe('the package in n8n', () => {
	it('loads our nodes and credentials under the package name, beside n8n’s own Zoom', async () => {
		const nodeTypes = (await h().n8n.nodeTypes()).map((t) => t.name);
		expect(nodeTypes).toContain(`${PKG}.zoomConnector`);
		expect(nodeTypes).toContain('n8n-nodes-base.zoom');

		const credentialTypes = (await h().n8n.credentialTypes()).map((t) => t.name);
		for (const name of ['zoomConnectorOAuth2Api', 'zoomConnectorServerToServerOAuthApi', 'zoomConnectorWebhookApi']) {
			expect(credentialTypes.filter((t) => t === name)).toHaveLength(1);
		}
		// n8n's built-in Zoom credentials are still there and untouched.
		expect(credentialTypes).toContain('zoomApi');
		expect(credentialTypes).toContain('zoomOAuth2Api');
	});

	it('logged no error loading the package', () => {
		const log = readFileSync(h().n8n.state.logFile, 'utf8');
		// n8n's own install lives under a cache folder named after this package, and the package's folder is
		// named after it too: their stack frames (a queue-mode run or an item failed on purpose, say) are not
		// about loading the package.
		const problems = log
			.split('\n')
			.map((line) => line.split(CACHE_ROOT).join('').split(PACKAGE_DIR).join(''))
			.filter((line) => /zoom-connector/i.test(line) && /error|fail|warn/i.test(line));
		expect(problems).toEqual([]);
	});
});

describe('credentials against the sandbox', () => {
	it('the OAuth2 credential was connected through n8n’s own callback and the sandbox consent page', async () => {
		const credential = await h().n8n.getCredential(h().credentials.oauth2.id);
		expect(credential.data.oauthTokenData).toBeTruthy();
		const run = await new NodeWorkflow(h().n8n, [userGetNode('oauth2')]).run();
		expect(run.nodes.Zoom.error).toBeUndefined();
		expect(run.json('Zoom')).toEqual([expect.objectContaining({ email: 'host@example.com' })]);
	});

	it('both API credentials pass n8n’s credential test', async () => {
		await expect(h().n8n.testCredential(h().credentials.oauth2.id)).resolves.toMatchObject({ status: 'OK' });
		await expect(h().n8n.testCredential(h().credentials.s2s.id)).resolves.toMatchObject({ status: 'OK' });
	});

	it('a Server-to-Server credential with a wrong secret fails its test with Zoom’s reason', async () => {
		const data = { ...sandboxCredentialData(h().sandboxUrl).s2s, clientSecret: 'wrong-secret' };
		const id = await h().n8n.createCredential('S2S wrong secret', 'zoomConnectorServerToServerOAuthApi', data);
		const result = await h().n8n.testCredential(id);
		expect(result.status).toBe('Error');
	});

	it('a Server-to-Server app without user:read:list_users:admin passes the test: it asks for a token, not for users', async () => {
		const app = { kind: 's2s', clientId: 'meetings-only-app', clientSecret: 'meetings-only-secret', scopes: ['meeting:read:meeting:admin'] };
		expect((await h().sandbox.post('/_sandbox/apps', app)).status).toBe(200);
		const data = { ...sandboxCredentialData(h().sandboxUrl).s2s, clientId: app.clientId, clientSecret: app.clientSecret };
		const id = await h().n8n.createCredential('S2S meetings only', 'zoomConnectorServerToServerOAuthApi', data);
		await h().sandbox.delete('/_sandbox/requests');
		await expect(h().n8n.testCredential(id)).resolves.toMatchObject({ status: 'OK' });
		const log = await sandboxRequests();
		expect(log.filter((r) => r.path.startsWith('/v2/'))).toEqual([]);
		expect(log.filter((r) => r.path === '/oauth/token' && r.status === 200).length).toBeGreaterThanOrEqual(1);
	});

	it('a Server-to-Server token is fetched once, reused across executions, and renewed after it expires', async () => {
		await h().sandbox.post('/_sandbox/config', { tokenTtlSeconds: 4 });
		const data = sandboxCredentialData(h().sandboxUrl).s2s;
		const credential = { id: await h().n8n.createCredential('S2S reuse', 'zoomConnectorServerToServerOAuthApi', data), name: 'S2S reuse' };
		const workflow = new NodeWorkflow(h().n8n, [userGetNode('s2s', credential)]);
		await workflow.ensure();
		await h().sandbox.delete('/_sandbox/requests');

		for (let i = 0; i < 3; i++) {
			const run = await workflow.run();
			expect(run.nodes.Zoom.error).toBeUndefined();
			expect(run.json('Zoom')[0]).toHaveProperty('id');
		}
		let log = await sandboxRequests();
		expect(log.filter((r) => r.path === '/oauth/token')).toHaveLength(1);
		expect(log.filter((r) => r.path === '/v2/users/me' && r.status === 200)).toHaveLength(3);

		await delay(4500);
		const afterExpiry = await workflow.run();
		expect(afterExpiry.nodes.Zoom.error).toBeUndefined();
		log = await sandboxRequests();
		// The expired token got Zoom's 401, n8n asked for a new one once, and the call went through.
		expect(log.filter((r) => r.path === '/v2/users/me' && r.status === 401)).toHaveLength(1);
		expect(log.filter((r) => r.path === '/oauth/token')).toHaveLength(2);
		expect(log.filter((r) => r.path === '/v2/users/me' && r.status === 200)).toHaveLength(4);
	});

	it('an expired OAuth2 access token is refreshed with the rotating refresh token', async () => {
		await h().sandbox.post('/_sandbox/config', { tokenTtlSeconds: 2 });
		const data = sandboxCredentialData(h().sandboxUrl).oauth2;
		const id = await h().n8n.createCredential('OAuth2 refresh', 'zoomConnectorOAuth2Api', data);
		const { connectOAuth2 } = await import('../harness/oauth');
		const connected = await connectOAuth2(h().n8n, id);
		expect(connected.callbackStatus).toBeLessThan(400);
		const workflow = new NodeWorkflow(h().n8n, [userGetNode('oauth2', { id, name: 'OAuth2 refresh' })]);
		await workflow.ensure();
		await delay(2500);
		await h().sandbox.delete('/_sandbox/requests');
		const run = await workflow.run();
		expect(run.nodes.Zoom.error).toBeUndefined();
		const log = await sandboxRequests();
		expect(log.filter((r) => r.path === '/v2/users/me').map((r) => r.status)).toEqual([401, 200]);
		expect(log.filter((r) => r.path === '/oauth/token')).toHaveLength(1);
	});
});

describe('the transport in n8n', () => {
	it('Return All follows next_page_token across pages of 300, and Limit stops early', async () => {
		// List meetings pages by next_page_token at up to 300 (List users takes 2000, List webinars pages by number).
		const host = `pager-${Date.now()}@example.com`;
		const meetings = Array.from({ length: 650 }, (_, i) => ({ hostEmail: host, topic: `paged ${i}`, type: 3 }));
		const seeded = await h().sandbox.post('/_sandbox/scenario', { users: [{ email: host, first_name: 'Pager', last_name: 'Host' }], meetings });
		expect(seeded.status).toBeLessThan(300);
		const node = (parameters: Record<string, unknown>) => ({
			name: 'Zoom',
			type: `${PKG}.zoomConnector`,
			parameters: { authentication: authentication('s2s'), resource: 'meeting', operation: 'getAll', userId: host, listType: 'scheduled', ...parameters },
			credentials: zoomCredentials('s2s'),
		});
		await h().sandbox.delete('/_sandbox/requests');
		const all = await new NodeWorkflow(h().n8n, [node({ returnAll: true })]).run();
		expect(all.nodes.Zoom.error).toBeUndefined();
		const ids = all.json('Zoom').map((m) => m.id);
		expect(ids).toHaveLength(650);
		expect(new Set(ids).size).toBe(650);
		const pages = (await sandboxRequests()).filter((r) => r.path.endsWith('/meetings'));
		expect(pages.map((p) => p.query.page_size)).toEqual(['300', '300', '300']);
		expect(pages.slice(1).every((p) => p.query.next_page_token)).toBe(true);

		const limited = await new NodeWorkflow(h().n8n, [node({ returnAll: false, limit: 7 })]).run();
		expect(limited.json('Zoom')).toHaveLength(7);
	});

	it('waits out a 429 with Retry-After and retries a 500 on GET, losing nothing', async () => {
		const host = `retried-${Date.now()}@example.com`;
		const meetings = Array.from({ length: 650 }, (_, i) => ({ hostEmail: host, topic: `retried ${i}`, type: 3 }));
		expect((await h().sandbox.post('/_sandbox/scenario', { users: [{ email: host, first_name: 'Retried', last_name: 'Host' }], meetings })).status).toBeLessThan(300);
		const path = `/v2/users/${encodeURIComponent(host)}/meetings`;
		const node = {
			name: 'Zoom',
			type: `${PKG}.zoomConnector`,
			parameters: { authentication: authentication('s2s'), resource: 'meeting', operation: 'getAll', userId: host, listType: 'scheduled', returnAll: true },
			credentials: zoomCredentials('s2s'),
		};
		const workflow = new NodeWorkflow(h().n8n, [node]);
		const clean = await workflow.run();
		const expected = clean.json('Zoom').length;
		expect(expected).toBeGreaterThan(300);

		await h().sandbox.post('/_sandbox/faults', { method: 'GET', path, kind: 'status', status: 429, count: 1, retryAfter: 1 });
		await h().sandbox.post('/_sandbox/faults', { method: 'GET', path, kind: 'status', status: 500, count: 2 });
		await h().sandbox.delete('/_sandbox/requests');
		const started = Date.now();
		const run = await workflow.run();
		expect(run.nodes.Zoom.error).toBeUndefined();
		expect(run.json('Zoom')).toHaveLength(expected);
		const statuses = (await sandboxRequests()).filter((r) => r.path === path).map((r) => r.status);
		expect(statuses.filter((s) => s === 429)).toHaveLength(1);
		expect(statuses.filter((s) => s === 500)).toHaveLength(2);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
	});

	it('turns Zoom’s 1001 into a clear error, and Continue On Fail into an error item', async () => {
		const failing = {
			name: 'Zoom',
			type: `${PKG}.zoomConnector`,
			parameters: { authentication: authentication('oauth2'), resource: 'user', operation: 'get', userId: 'nobody@example.com' },
			credentials: zoomCredentials('oauth2'),
		};
		const run = await new NodeWorkflow(h().n8n, [failing]).run();
		expect(run.nodes.Zoom.error?.message).toBe('User nobody@example.com not found (Zoom code 1001)');

		const tolerant = await new NodeWorkflow(h().n8n, [{ ...failing, onError: 'continueRegularOutput' as const }]).run();
		expect(tolerant.json('Zoom')).toEqual([
			expect.objectContaining({ error: 'User nobody@example.com not found (Zoom code 1001)', zoomCode: 1001 }),
		]);

		// "Continue (using error output)": the failed item leaves by the error output, Zoom's code in details.
		const routed = await new NodeWorkflow(h().n8n, [{ ...failing, onError: 'continueErrorOutput' as const }]).run();
		expect(routed.nodes.Zoom.error).toBeUndefined();
		expect(routed.json('Zoom', 0)).toEqual([]);
		expect(routed.json('Zoom', 1)).toEqual([
			expect.objectContaining({
				error: 'User nobody@example.com not found (Zoom code 1001)',
				details: { zoomCode: 1001, httpCode: '404' },
			}),
		]);
	});
});
