/** OAuth (https://developers.zoom.us/docs/integrations/oauth/) and bearer-token checks against the sandbox over real HTTP. */
import { createHash } from 'node:crypto';
import { SANDBOX_DEFAULTS as D, basic, startHarness } from './helpers';
import type { Harness } from './helpers';

const REDIRECT = 'http://localhost:5678/rest/oauth2-credential/callback';
const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(() => h.sandbox.close());

/** Walk the consent page like a browser: GET authorize, submit the Allow form, read the redirect. */
async function authorize(extra: Record<string, string> = {}): Promise<URL> {
	const q = new URLSearchParams({ response_type: 'code', client_id: D.oauthClientId, redirect_uri: REDIRECT, state: 'xyz-123', ...extra });
	const page = await h.http.get(`/oauth/authorize?${q}`);
	expect(page.status).toBe(200);
	expect(String(page.headers['content-type'])).toContain('text/html');
	const html = String(page.data);
	const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1] as string;
	const fields = Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2].replace(/&amp;/g, '&')]));
	expect(html).toMatch(/<button[^>]*value="allow"[^>]*>Allow<\/button>/);
	const res = await h.http.post(action, form({ ...fields, decision: 'allow' }), { headers: FORM });
	expect(res.status).toBe(302);
	return new URL(res.headers.location as string);
}

async function exchange(code: string, redirect = REDIRECT) {
	return h.http.post('/oauth/token', form({ grant_type: 'authorization_code', code, redirect_uri: redirect }), {
		headers: { ...FORM, Authorization: basic(D.oauthClientId, D.oauthClientSecret) },
	});
}

describe('authorization code flow', () => {
	it('consent page → Allow → redirect with code and state → tokens as Zoom answers them', async () => {
		const cb = await authorize();
		expect(cb.origin + cb.pathname).toBe(REDIRECT);
		expect(cb.searchParams.get('state')).toBe('xyz-123');
		const code = cb.searchParams.get('code') as string;
		expect(code).toBeTruthy();
		const res = await exchange(code);
		expect(res.status).toBe(200);
		expect(res.data).toMatchObject({ token_type: 'bearer', expires_in: 3600, api_url: h.sandbox.url });
		expect(typeof res.data.access_token).toBe('string');
		expect(typeof res.data.refresh_token).toBe('string');
		expect(res.data.scope.split(' ')).toEqual(expect.arrayContaining(['meeting:read:meeting', 'meeting:read:meeting:admin', 'user:read:user']));
		const me = await h.api(res.data.access_token).get('/users/me');
		expect(me.status).toBe(200);
		expect(me.data.email).toBe(D.meEmail);
		expect(me.data.id).toBe(D.meUserId);
	});

	it('a code is single use', async () => {
		const code = (await authorize()).searchParams.get('code') as string;
		expect((await exchange(code)).status).toBe(200);
		const again = await exchange(code);
		expect(again.status).toBe(400);
		expect(again.data).toEqual({ reason: 'Invalid authorization code', error: 'invalid_grant' });
	});

	it('redirect_uri must match the one authorized', async () => {
		const code = (await authorize()).searchParams.get('code') as string;
		const res = await exchange(code, 'http://localhost:9999/other');
		expect(res.status).toBe(400);
	});

	it('Deny redirects with error=access_denied', async () => {
		const q = new URLSearchParams({ client_id: D.oauthClientId, redirect_uri: REDIRECT, state: 's', decision: 'deny' });
		const res = await h.http.post('/oauth/authorize/approve', q.toString(), { headers: FORM });
		expect(res.status).toBe(302);
		const to = new URL(res.headers.location as string);
		expect(to.searchParams.get('error')).toBe('access_denied');
		expect(to.searchParams.get('code')).toBeNull();
	});

	it('unknown client gets an error page, not a consent page', async () => {
		const res = await h.http.get(`/oauth/authorize?response_type=code&client_id=nope&redirect_uri=${encodeURIComponent(REDIRECT)}`);
		expect(res.status).toBe(400);
		expect(String(res.data)).not.toContain('Allow');
	});

	it('accepts client credentials in the body and params on the query string; supports PKCE S256', async () => {
		const verifier = 'a'.repeat(50);
		const challenge = createHash('sha256').update(verifier).digest('base64url');
		const code = (await authorize({ code_challenge: challenge, code_challenge_method: 'S256' })).searchParams.get('code') as string;
		const bad = await h.http.post(`/oauth/token?${form({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: 'wrong' })}`, form({ client_id: D.oauthClientId, client_secret: D.oauthClientSecret }), { headers: FORM });
		expect(bad.status).toBe(400);
		const code2 = (await authorize({ code_challenge: challenge, code_challenge_method: 'S256' })).searchParams.get('code') as string;
		const ok = await h.http.post(`/oauth/token?${form({ grant_type: 'authorization_code', code: code2, redirect_uri: REDIRECT, code_verifier: verifier })}`, form({ client_id: D.oauthClientId, client_secret: D.oauthClientSecret }), { headers: FORM });
		expect(ok.status).toBe(200);
	});

	it('wrong client secret → invalid_client', async () => {
		const res = await h.http.post('/oauth/token', form({ grant_type: 'refresh_token', refresh_token: 'x' }), { headers: { ...FORM, Authorization: basic(D.oauthClientId, 'bad') } });
		expect(res.status).toBe(400);
		expect(res.data).toEqual({ reason: 'Invalid client_id or client_secret', error: 'invalid_client' });
	});
});

describe('refresh rotation', () => {
	it('each refresh returns a new refresh token; the old one is rejected with invalid_grant', async () => {
		const first = (await exchange((await authorize()).searchParams.get('code') as string)).data;
		const refresh = (rt: string) => h.http.post('/oauth/token', form({ grant_type: 'refresh_token', refresh_token: rt }), { headers: { ...FORM, Authorization: basic(D.oauthClientId, D.oauthClientSecret) } });
		const second = await refresh(first.refresh_token);
		expect(second.status).toBe(200);
		expect(second.data.refresh_token).not.toBe(first.refresh_token);
		expect(second.data.access_token).not.toBe(first.access_token);
		expect(second.data.api_url).toBe(h.sandbox.url);
		const reuse = await refresh(first.refresh_token);
		expect(reuse.status).toBe(400);
		expect(reuse.data).toEqual({ reason: 'Invalid Token!', error: 'invalid_grant' });
		expect((await refresh(second.data.refresh_token)).status).toBe(200);
	});
});

describe('server-to-server', () => {
	it('account_credentials gives a token with all app scopes and no refresh token', async () => {
		const res = await h.http.post(`/oauth/token?grant_type=account_credentials&account_id=${D.s2sAccountId}`, '', { headers: { Authorization: basic(D.s2sClientId, D.s2sClientSecret) } });
		expect(res.status).toBe(200);
		expect(res.data.refresh_token).toBeUndefined();
		expect(res.data.expires_in).toBe(3600);
		expect(res.data.scope).toContain('report:read:list_meeting_participants:admin');
		// A second token does not invalidate the first.
		const again = await h.http.post(`/oauth/token?grant_type=account_credentials&account_id=${D.s2sAccountId}`, '', { headers: { Authorization: basic(D.s2sClientId, D.s2sClientSecret) } });
		expect((await h.api(res.data.access_token).get('/users/me')).status).toBe(200);
		expect((await h.api(again.data.access_token).get('/users/me')).status).toBe(200);
	});

	it('the S2S client cannot use authorization_code, the OAuth client cannot use account_credentials', async () => {
		const a = await h.http.post('/oauth/token', form({ grant_type: 'authorization_code', code: 'x', redirect_uri: REDIRECT }), { headers: { ...FORM, Authorization: basic(D.s2sClientId, D.s2sClientSecret) } });
		expect(a.data.error).toBe('unsupported_grant_type');
		const b = await h.http.post(`/oauth/token?grant_type=account_credentials&account_id=${D.s2sAccountId}`, '', { headers: { Authorization: basic(D.oauthClientId, D.oauthClientSecret) } });
		expect(b.data.error).toBe('unsupported_grant_type');
	});
});

describe('revoke and bad tokens', () => {
	it('revoke kills the access token and its refresh token', async () => {
		const t = (await exchange((await authorize()).searchParams.get('code') as string)).data;
		const res = await h.http.post('/oauth/revoke', form({ token: t.access_token }), { headers: { ...FORM, Authorization: basic(D.oauthClientId, D.oauthClientSecret) } });
		expect(res.status).toBe(200);
		expect(res.data).toEqual({ status: 'success' });
		const after = await h.api(t.access_token).get('/users/me');
		expect(after.status).toBe(401);
		expect(after.data.code).toBe(124);
		const refresh = await h.http.post('/oauth/token', form({ grant_type: 'refresh_token', refresh_token: t.refresh_token }), { headers: { ...FORM, Authorization: basic(D.oauthClientId, D.oauthClientSecret) } });
		expect(refresh.status).toBe(400);
	});

	it('missing / unknown / expired tokens → 401 code 124 with Zoom messages', async () => {
		const none = await h.http.get('/v2/users/me');
		expect(none.status).toBe(401);
		expect(none.data).toEqual({ code: 124, message: 'Requires an access token.' });
		const unknown = await h.api('not-a-token').get('/users/me');
		expect(unknown.data).toEqual({ code: 124, message: 'Invalid access token.' });
		const short = await h.token({ ttlSeconds: 1 });
		expect((await h.api(short).get('/users/me')).status).toBe(200);
		await new Promise((r) => setTimeout(r, 1100));
		const expired = await h.api(short).get('/users/me');
		expect(expired.status).toBe(401);
		expect(expired.data).toEqual({ code: 124, message: 'Access token is expired.' });
	});

	it('config tokenTtlSeconds shortens tokens from the token endpoint', async () => {
		await h.control('POST', '/config', { tokenTtlSeconds: 1 });
		const res = await h.http.post(`/oauth/token?grant_type=account_credentials&account_id=${D.s2sAccountId}`, '', { headers: { Authorization: basic(D.s2sClientId, D.s2sClientSecret) } });
		expect(res.data.expires_in).toBe(1);
		await new Promise((r) => setTimeout(r, 1100));
		expect((await h.api(res.data.access_token).get('/users/me')).data.message).toBe('Access token is expired.');
		await h.control('POST', '/config', { tokenTtlSeconds: 3600 });
	});

	it('a token in ?access_token= is refused on /v2 even if valid', async () => {
		const t = await h.token();
		const res = await h.http.get(`/v2/users/me?access_token=${t}`);
		expect(res.status).toBe(401);
		expect(res.data.code).toBe(124);
		expect(res.data.message).toContain('not supported as query parameter');
	});

	it('a token without the scope → 400 code 4711 naming the scopes', async () => {
		const t = await h.token({ scopes: ['user:read:user'] });
		expect((await h.api(t).get('/users/me')).status).toBe(200);
		const res = await h.api(t).get('/meetings/12345678901');
		expect(res.status).toBe(400);
		expect(res.data).toEqual({ code: 4711, message: 'Invalid access token, does not contain scopes:[meeting:read:meeting, meeting:read:meeting:admin].' });
	});

	it('classic scopes are accepted as well as granular ones', async () => {
		const t = await h.token({ scopes: ['user:read'] });
		expect((await h.api(t).get('/users/me')).status).toBe(200);
	});

	it('an app created with fewer scopes gets only those from account_credentials', async () => {
		const app = await h.control('POST', '/apps', { kind: 's2s', scopes: ['user:read:user:admin'] });
		const res = await h.http.post(`/oauth/token?grant_type=account_credentials&account_id=${app.accountId}`, '', { headers: { Authorization: basic(app.clientId, app.clientSecret) } });
		expect(res.data.scope).toBe('user:read:user:admin');
		expect((await h.api(res.data.access_token).get('/users').then((r) => r.data.code))).toBe(4711);
	});
});
