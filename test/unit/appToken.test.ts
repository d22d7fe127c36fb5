/** The General app's own token (client-credentials grant): asked with Basic auth, reused until a minute before expiry, refusals named. */
import type { IHookFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { clientCredentialsToken, tokenCacheKey } from 'n8n-nodes-zoom-connector/nodes/shared/transport/appToken';

function context(answer: (request: IHttpRequestOptions) => unknown, calls: IHttpRequestOptions[], credentialId = 'cred-1') {
	return {
		getNode: () => ({ name: 'Zoom Trigger', credentials: { zoomConnectorOAuth2Api: { id: credentialId, name: 'Zoom' } } }),
		helpers: {
			httpRequest: async (request: IHttpRequestOptions) => {
				calls.push(request);
				return answer(request);
			},
		},
	} as unknown as IHookFunctions;
}

const credentials = (clientId: string, clientSecret = 'secret') => ({ environment: 'custom', oauthBaseUrl: 'http://127.0.0.1:4010/oauth', apiBaseUrl: 'http://127.0.0.1:4010/v2', clientId, clientSecret });

/** A Zoom that grants a token only to the right secret, as Zoom's /oauth/token does. */
function zoomChecking(rightSecret: string, calls: IHttpRequestOptions[], credentialId?: string) {
	let n = 0;
	return context((request) => {
		const basic = String((request.headers as Record<string, string>).Authorization).replace(/^Basic /, '');
		if (Buffer.from(basic, 'base64').toString().split(':')[1] !== rightSecret) {
			throw Object.assign(new Error('400'), { response: { data: { reason: 'Invalid client_id or client_secret' } } });
		}
		return { access_token: `app-token-${++n}`, expires_in: 3600 };
	}, calls, credentialId);
}

describe('clientCredentialsToken', () => {
	it('asks Zoom with the client ID and secret, and reuses the token until a minute before it expires', async () => {
		const calls: IHttpRequestOptions[] = [];
		let n = 0;
		const ctx = context(() => ({ access_token: `token-${++n}`, expires_in: 3600 }), calls);
		const now = 1_000_000;
		expect(await clientCredentialsToken(ctx, credentials('app-a'), now)).toBe('token-1');
		expect(calls[0]).toEqual(expect.objectContaining({ method: 'POST', url: 'http://127.0.0.1:4010/oauth/token', qs: { grant_type: 'client_credentials' } }));
		expect((calls[0].headers as Record<string, string>).Authorization).toBe(`Basic ${Buffer.from('app-a:secret').toString('base64')}`);
		expect(await clientCredentialsToken(ctx, credentials('app-a'), now + 3_500_000)).toBe('token-1');
		expect(await clientCredentialsToken(ctx, credentials('app-a'), now + 3_541_000)).toBe('token-2');
		expect(await clientCredentialsToken(ctx, credentials('app-b'), now)).toBe('token-3');
	});

	it('names Zoom’s reason when the app is refused, and says what to do', async () => {
		const ctx = context(() => {
			throw Object.assign(new Error('400'), { response: { data: { reason: 'Invalid client_id or client_secret', error: 'invalid_client' } } });
		}, []);
		const error = (await clientCredentialsToken(ctx, credentials('app-refused')).catch((e: unknown) => e)) as Error & { description?: string };
		expect(error.message).toBe('Zoom refused the app token of the OAuth2 credential: Invalid client_id or client_secret');
		expect(error.description).toMatch(/Client ID and Client Secret.*Registration: Manual/);
	});

	it('does not hand a cached token to a credential with the same public Client ID and a wrong secret', async () => {
		const calls: IHttpRequestOptions[] = [];
		const now = 2_000_000;
		expect(await clientCredentialsToken(zoomChecking('right', calls, 'owner'), credentials('shared-app', 'right'), now)).toBe('app-token-1');
		// Another user's credential (another id) naming the same app with a wrong secret: Zoom is asked, and refuses.
		await expect(clientCredentialsToken(zoomChecking('right', calls, 'intruder'), credentials('shared-app', 'wrong'), now)).rejects.toThrow(/refused/);
		// The same credential id, same Client ID, edited to a wrong secret: Zoom is asked, and refuses.
		await expect(clientCredentialsToken(zoomChecking('right', calls, 'owner'), credentials('shared-app', 'typo'), now)).rejects.toThrow(/refused/);
		expect(calls).toHaveLength(3);
	});

	it('keys the cache by a hash, never the secret in clear', () => {
		const key = tokenCacheKey('https://zoom.us/oauth/token', 'cred-1', 'client', 'the-secret');
		expect(key).not.toContain('the-secret');
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		expect(tokenCacheKey('https://zoom.us/oauth/token', 'cred-1', 'client', 'other')).not.toBe(key);
		expect(tokenCacheKey('https://zoom.us/oauth/token', 'cred-2', 'client', 'the-secret')).not.toBe(key);
	});
});
