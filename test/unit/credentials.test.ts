/** The Server-to-Server credential's token handling, without n8n: what preAuthentication keeps and what authenticate sends. */
import type { IHttpRequestHelper } from 'n8n-workflow';

import { ZoomConnectorServerToServerOAuthApi } from 'n8n-nodes-zoom-connector/credentials/ZoomConnectorServerToServerOAuthApi.credentials';

const credential = new ZoomConnectorServerToServerOAuthApi();

describe('Server-to-Server credential', () => {
	it('keeps the token answer’s api_url with the token', async () => {
		const httpRequest = jest.fn(async () => ({ access_token: 'tok', api_url: 'https://eu01api.zoom.us', expires_in: 3599 }));
		const helper = { helpers: { httpRequest } } as unknown as IHttpRequestHelper;
		const out = await credential.preAuthentication.call(helper, { environment: 'zoom', accountId: 'a', clientId: 'c', clientSecret: 's' });
		expect(out).toEqual({ accessToken: 'tok', apiUrl: 'https://eu01api.zoom.us' });
		expect(httpRequest).toHaveBeenCalledWith(expect.objectContaining({ method: 'POST', url: 'https://zoom.us/oauth/token' }));
	});

	it('sends the current token, replacing the stale one n8n’s retry after a 401 still carries', async () => {
		const first = await credential.authenticate({ accessToken: 'old' }, { url: 'https://api.zoom.us/v2/users/me', headers: {} });
		expect(first.headers).toEqual({ Authorization: 'Bearer old' });
		const retried = await credential.authenticate({ accessToken: 'new' }, first);
		expect(retried.headers).toEqual({ Authorization: 'Bearer new' });
	});

	it('leaves the credential test’s Basic header alone: the test asks Zoom for a token, not for users', async () => {
		expect(credential.test.request).toMatchObject({ method: 'POST', url: '/token', qs: { grant_type: 'account_credentials' } });
		const options = { url: '/token', headers: { Authorization: 'Basic Yzpz' } };
		expect((await credential.authenticate({ accessToken: 'tok' }, options)).headers).toEqual({ Authorization: 'Basic Yzpz' });
	});

	it('sends the token only to the credential’s own hosts, whatever URL an HTTP Request node names', async () => {
		const sent = async (credentials: Record<string, unknown>, options: Record<string, unknown>) =>
			(await credential.authenticate({ accessToken: 'tok', ...credentials }, { headers: {}, ...options } as never)).headers;
		const bearer = { Authorization: 'Bearer tok' };
		expect(await sent({ environment: 'zoom' }, { url: 'https://api.zoom.us/v2/users/me' })).toEqual(bearer);
		expect(await sent({ environment: 'zoom' }, { url: 'https://eu01api.zoom.us/v2/users/me' })).toEqual(bearer);
		// The HTTP Request node's legacy request names its URL `uri`; n8n's helpers may give a baseURL.
		expect(await sent({ environment: 'zoom' }, { uri: 'https://api.zoom.us/v2/users/me' })).toEqual(bearer);
		expect(await sent({ environment: 'gov' }, { baseURL: 'https://api.zoomgov.com/v2', url: '/users/me' })).toEqual(bearer);
		const sandbox = { environment: 'custom', apiBaseUrl: 'http://127.0.0.1:4010/v2', oauthBaseUrl: 'http://127.0.0.1:4010/oauth' };
		expect(await sent(sandbox, { uri: 'http://127.0.0.1:4010/v2/users/me' })).toEqual(bearer);

		for (const [credentials, options] of [
			[{ environment: 'zoom' }, { uri: 'https://example.com/v2/users/me' }],
			[{ environment: 'zoom' }, { url: 'https://api.zoom.us.example.com/users/me' }],
			[{ environment: 'zoom' }, { url: 'http://api.zoom.us/v2/users/me' }],
			[{ environment: 'zoom' }, { url: '/users/me' }],
			[{ environment: 'gov' }, { url: 'https://api.zoom.us/v2/users/me' }],
			[sandbox, { uri: 'http://127.0.0.1:4011/v2/users/me' }],
		] as const) {
			// No token, and none left from an earlier attempt either.
			expect(await sent(credentials, { ...options, headers: { authorization: 'Bearer stale' } })).toEqual({});
		}
	});
});
