/** The General app's own token (client-credentials grant): asked with Basic auth, reused until a minute before expiry, refusals named. */
import type { IHookFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { clientCredentialsToken } from 'n8n-nodes-zoom-connector/nodes/shared/transport/appToken';

function context(answer: (request: IHttpRequestOptions) => unknown, calls: IHttpRequestOptions[]) {
	return {
		getNode: () => ({ name: 'Zoom Trigger' }),
		helpers: {
			httpRequest: async (request: IHttpRequestOptions) => {
				calls.push(request);
				return answer(request);
			},
		},
	} as unknown as IHookFunctions;
}

const credentials = (clientId: string) => ({ environment: 'custom', oauthBaseUrl: 'http://127.0.0.1:4010/oauth', apiBaseUrl: 'http://127.0.0.1:4010/v2', clientId, clientSecret: 'secret' });

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
});
