/**
 * Where a credential's secrets may go: plain http only to loopback (Custom environment), and the access token
 * only to the credential's own Zoom hosts (a recording's download_url comes from a response).
 */
import fc from 'fast-check';
import type { IHttpRequestHelper } from 'n8n-workflow';

import { ZoomConnectorServerToServerOAuthApi } from 'n8n-nodes-zoom-connector/credentials/ZoomConnectorServerToServerOAuthApi.credentials';
import { apiBaseUrl, baseUrlExpression, isCredentialHost, isLoopbackHost, oauthBaseUrl } from 'n8n-nodes-zoom-connector/nodes/shared/environment';
import { zoomApiRequestFull } from 'n8n-nodes-zoom-connector/nodes/shared/transport';
import { fakeZoomContext } from './fakeZoomContext';

const custom = (api: string, oauth = api.replace(/\/v2$/, '/oauth')) => ({ environment: 'custom', apiBaseUrl: api, oauthBaseUrl: oauth });

/** The value n8n gives a credential expression, evaluated as plain JavaScript. */
function evaluate(expression: string, credentials: Record<string, unknown>): string {
	const body = expression.replace(/^=\{\{/, '').replace(/\}\}$/, '');
	return new Function('$credentials', `return ${body};`)(credentials) as string;
}

describe('Custom environment: plain http only for loopback', () => {
	it.each(['http://127.0.0.1:4010/v2', 'http://127.8.9.10/v2', 'http://localhost:4010/v2', 'http://[::1]:4010/v2', 'https://zoom.example.com/v2'])('accepts %s', (url) => {
		expect(apiBaseUrl(custom(url))).toBe(url);
		expect(evaluate(baseUrlExpression('api', '$credentials'), custom(url))).toBe(url);
	});

	it.each(['http://zoom.example.com/v2', 'http://10.0.0.5:4010/v2', 'HTTP://192.168.1.2/v2', 'http://localhost.evil.com/v2', 'http://127.0.0.1.evil.com/v2', 'http://localhost@evil.com/v2', 'ftp://127.0.0.1/v2', 'not a url'])('refuses %s, naming the field and the fix', (url) => {
		expect(() => apiBaseUrl(custom(url))).toThrow(/API Base URL/);
		expect(() => oauthBaseUrl(custom('https://ok.example.com/v2', url))).toThrow(/OAuth Base URL/);
		if (/^http:/i.test(url)) {
			expect(() => apiBaseUrl(custom(url))).toThrow(/https:\/\/.*localhost/);
			// The expressions n8n resolves itself (OAuth2 URLs, credential test) give a scheme no client speaks.
			expect(evaluate(baseUrlExpression('api', '$credentials'), custom(url))).toMatch(/^insecure-http-refused:\/\//);
		}
	});

	it('property: the expression and apiBaseUrl agree on which http hosts are allowed', () => {
		const host = fc.oneof(fc.constantFrom('localhost', '127.0.0.1', '[::1]', 'evil.com', 'localhost.evil.com'), fc.ipV4(), fc.domain());
		fc.assert(
			fc.property(host, fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }), (name, port) => {
				const url = `http://${name}${port ? `:${port}` : ''}/v2`;
				const allowed = isLoopbackHost(new URL(url).hostname);
				expect(evaluate(baseUrlExpression('api', '$credentials'), custom(url)) === url).toBe(allowed);
				if (allowed) expect(apiBaseUrl(custom(url))).toBe(url);
				else expect(() => apiBaseUrl(custom(url))).toThrow(/unencrypted/);
			}),
		);
	});

	/** What a client (axios, fetch: the WHATWG URL parser) would do with the expression's value: nothing, or where it sends the secret. */
	function sentTo(value: string): URL | undefined {
		try {
			return new URL(`${value}/token`);
		} catch {
			return undefined;
		}
	}
	const clearTextToAnotherHost = (url: URL | undefined) => url !== undefined && url.protocol === 'http:' && !isLoopbackHost(url.hostname);

	it.each([' http://zoom.example.com/oauth', 'http://zoom.example.com/oauth ', '\thttp://zoom.example.com/oauth', '\nhttp://zoom.example.com/oauth', '\u0000http://zoom.example.com/oauth', '\u001fhttp://zoom.example.com/oauth', 'ht\ttp://zoom.example.com/oauth', 'h\nttp://zoom.example.com/oauth', 'http:/\r/zoom.example.com/oauth', 'HtTp://zoom.example.com/oauth', 'http:zoom.example.com/oauth', 'http:/zoom.example.com/oauth', 'http:\\\\zoom.example.com/oauth', 'http:///zoom.example.com/oauth', ' http://localhost.evil.com/oauth'])(
		'the expressions refuse %j, which a client would send in clear text to another host, as the runtime check does',
		(url) => {
			expect(clearTextToAnotherHost(sentTo(url))).toBe(true);
			for (const kind of ['api', 'oauth'] as const) {
				const value = evaluate(baseUrlExpression(kind, '$credentials'), custom(url, url));
				expect(value).toMatch(/^insecure-http-refused:\/\//);
				expect(clearTextToAnotherHost(sentTo(value))).toBe(false);
			}
			expect(() => oauthBaseUrl(custom('https://ok.example.com/v2', url))).toThrow(/OAuth Base URL/);
		},
	);

	it.each([' http://127.0.0.1:4010/oauth', 'HTTP://localhost:4010/oauth\n', ' https://zoom.example.com/oauth', 'HTTPS://zoom.example.com/oauth'])('the expressions and the runtime check accept %j, cleaned as a client reads it', (url) => {
		const value = evaluate(baseUrlExpression('oauth', '$credentials'), custom(url, url));
		expect(value).toBe(url.replace(/^\s+|\s+$/g, ''));
		expect(oauthBaseUrl(custom('https://ok.example.com/v2', url))).toBeTruthy();
	});

	it('property: whatever surrounds or splits the scheme, the expression never yields a value a client sends in clear text to another host', () => {
		const junk = fc.array(fc.constantFrom(' ', '\t', '\n', '\r', '\u0000', '\u000b', '\u001f', '\u00a0'), { maxLength: 3 }).map((chars) => chars.join(''));
		const scheme = fc.constantFrom('http', 'HTTP', 'Http', 'https', 'ht\ttp', 'htt\np');
		const slashes = fc.constantFrom('//', '/', '', '\\\\', '/\\', '///', '/\t/');
		const host = fc.oneof(fc.constantFrom('localhost', '127.0.0.1', '[::1]', 'evil.com', 'localhost.evil.com', '127.0.0.1.evil.com', 'localhost@evil.com'), fc.domain());
		fc.assert(
			fc.property(junk, scheme, slashes, host, junk, (before, s, sl, h, after) => {
				const url = `${before}${s}:${sl}${h}/oauth${after}`;
				const value = evaluate(baseUrlExpression('oauth', '$credentials'), custom(url, url));
				expect(clearTextToAnotherHost(sentTo(value))).toBe(false);
				// What the expression lets through, the runtime check lets through too.
				if (!value.startsWith('insecure-http-refused:') && sentTo(value)) expect(() => oauthBaseUrl(custom('https://ok.example.com/v2', url))).not.toThrow();
			}),
			{ numRuns: 2000 },
		);
	});

	it('the Server-to-Server credential does not send its client secret over plain http to another host', async () => {
		const sent: unknown[] = [];
		const helper = { helpers: { httpRequest: async (request: unknown) => (sent.push(request), { access_token: 't' }) } } as unknown as IHttpRequestHelper;
		const credential = new ZoomConnectorServerToServerOAuthApi();
		await expect(credential.preAuthentication.call(helper, { ...custom('http://zoom.example.com/v2'), clientId: 'id', clientSecret: 'secret', accountId: 'a' })).rejects.toThrow(/unencrypted/);
		expect(sent).toHaveLength(0);
		await credential.preAuthentication.call(helper, { ...custom('http://127.0.0.1:4010/v2'), clientId: 'id', clientSecret: 'secret', accountId: 'a' });
		expect(sent).toHaveLength(1);
	});

	it('the API node refuses before any request', async () => {
		const { context, requests } = fakeZoomContext(() => ({ body: {} }), custom('http://zoom.example.com/v2'));
		await expect(zoomApiRequestFull.call(context, 'GET', '/users/me')).rejects.toThrow(/API Base URL.*unencrypted/);
		expect(requests).toHaveLength(0);
	});
});

describe('the access token goes only to the credential’s own hosts', () => {
	it.each([
		[{ environment: 'zoom' }, 'https://zoom.us/rec/download/abc', true],
		[{ environment: 'zoom' }, 'https://us06web.zoom.us/rec/download/abc', true],
		[{}, 'https://ssrweb.zoom.us/file', true],
		[{ environment: 'zoom' }, 'http://zoom.us/rec/download/abc', false],
		[{ environment: 'zoom' }, 'https://zoom.us.evil.com/rec', false],
		[{ environment: 'zoom' }, 'https://evilzoom.us/rec', false],
		[{ environment: 'zoom' }, 'https://zoom.us:8443/rec', false],
		[{ environment: 'zoom' }, 'https://zoomgov.com/rec', false],
		[{ environment: 'gov' }, 'https://zoomgov.com/rec/download/abc', true],
		[{ environment: 'gov' }, 'https://api.zoomgov.com/rec', true],
		[{ environment: 'gov' }, 'https://zoom.us/rec/download/abc', false],
		[custom('http://127.0.0.1:4010/v2'), 'http://127.0.0.1:4010/rec/download/abc', true],
		[custom('http://127.0.0.1:4010/v2'), 'http://127.0.0.1:4011/rec/download/abc', false],
		[custom('http://127.0.0.1:4010/v2'), 'https://127.0.0.1:4010/rec/download/abc', false],
		[custom('https://zoom.example.com/v2', 'https://auth.example.com/oauth'), 'https://auth.example.com/rec', true],
		[{ environment: 'zoom' }, 'not a url', false],
	])('%j → %s: %s', (credentials, url, allowed) => {
		expect(isCredentialHost(credentials, url)).toBe(allowed);
	});

	it('a download_url on another host is refused with a clear error and no request is made', async () => {
		const { context, requests } = fakeZoomContext(() => ({ body: Buffer.from('x') }));
		await expect(zoomApiRequestFull.call(context, 'GET', '', { url: 'https://attacker.example/rec/download/1', encoding: 'arraybuffer', itemIndex: 3 })).rejects.toMatchObject({
			message: 'Refused to send the Zoom access token to https://attacker.example',
			context: { itemIndex: 3 },
		});
		expect(requests).toHaveLength(0);
	});

	it('a download_url on the credential’s host is fetched', async () => {
		const { context, requests } = fakeZoomContext(() => ({ body: Buffer.from('x') }));
		await zoomApiRequestFull.call(context, 'GET', '', { url: 'https://us02web.zoom.us/rec/download/1', encoding: 'arraybuffer' });
		expect(requests.map((r) => r.url)).toEqual(['https://us02web.zoom.us/rec/download/1']);
	});
});
