// OAuth under /oauth (https://developers.zoom.us/docs/integrations/oauth/): consent page, authorization code (+PKCE), refresh rotation,
// Server-to-Server account_credentials, a General app's client_credentials, revoke. Errors use Zoom's `{reason, error}` bodies.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Sandbox } from './core';
import { escapeHtml, json, randomToken } from './http';
import type { Reply } from './http';
import type { App, Token } from './store';

const oauthError = (status: number, reason: string, error: string): Reply => json(status, { reason, error });
const INVALID_CLIENT = oauthError(400, 'Invalid client_id or client_secret', 'invalid_client');

const page = (status: number, title: string, inner: string): Reply => ({
	status,
	headers: { 'content-type': 'text/html; charset=utf-8' },
	raw: `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${inner}</body></html>`,
});

const errorPage = (code: number, message: string): Reply =>
	page(400, 'Zoom - Error', `<h1>Something went wrong</h1><p class="error" data-code="${code}">${escapeHtml(message)} (${code})</p>`);

/** Form or JSON body merged over the query string (Zoom documents both). */
function params(url: URL, body: Buffer, contentType: string | undefined): URLSearchParams {
	const p = new URLSearchParams(url.searchParams);
	const text = body.toString('utf8');
	if (!text) return p;
	if (contentType?.includes('application/json')) {
		try {
			for (const [k, v] of Object.entries(JSON.parse(text) as Record<string, unknown>)) p.set(k, String(v));
		} catch {
			// an unreadable body simply contributes nothing
		}
	} else for (const [k, v] of new URLSearchParams(text)) p.set(k, v);
	return p;
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Basic header first, then client_id/client_secret in the body or query. */
function clientAuth(sb: Sandbox, authorization: string | undefined, p: URLSearchParams): App | undefined {
	let id = p.get('client_id') ?? '';
	let secret = p.get('client_secret') ?? '';
	const m = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
	if (m) {
		const decoded = Buffer.from(m[1], 'base64').toString('utf8');
		const i = decoded.indexOf(':');
		if (i >= 0) [id, secret] = [decoded.slice(0, i), decoded.slice(i + 1)];
	}
	const app = sb.store.apps.get(id);
	return app && same(app.clientSecret, secret) ? app : undefined;
}

/** Mint tokens the way the token endpoint answers (also used by the control API). */
export function issueTokens(sb: Sandbox, app: App, userId: string, scopes: string[], ttlSeconds = sb.config.tokenTtlSeconds, kind: Token['kind'] = app.kind) {
	const access = sb.store.newToken({
		kind,
		scopes,
		userId,
		accountId: app.accountId,
		clientId: app.clientId,
		expiresAt: Date.now() + ttlSeconds * 1000,
	});
	const out: Record<string, unknown> = { access_token: access.value, token_type: 'bearer' };
	if (kind === 'oauth') {
		const refresh = randomToken(32);
		access.refreshToken = refresh;
		sb.store.refreshTokens.set(refresh, { value: refresh, clientId: app.clientId, userId, scopes, accessToken: access.value });
		out.refresh_token = refresh;
	}
	return { ...out, expires_in: ttlSeconds, scope: scopes.join(' '), api_url: sb.origin };
}

function authorizePage(sb: Sandbox, url: URL): Reply {
	const q = url.searchParams;
	const clientId = q.get('client_id') ?? '';
	const app = sb.store.apps.get(clientId);
	if (!app || app.kind !== 'oauth') return errorPage(4700, `Invalid client_id: ${clientId}`);
	if (q.get('response_type') !== 'code') return errorPage(4706, 'Invalid response_type, must be code');
	const redirect = q.get('redirect_uri') ?? '';
	if (!/^https?:\/\//.test(redirect)) return errorPage(4709, 'Invalid redirect: the redirect_uri is missing or not allowed');
	const hidden = ['client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method']
		.map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(q.get(k) ?? '')}">`)
		.join('');
	const owner = sb.store.owner;
	return page(
		200,
		'Zoom - Authorize App',
		`<h1>Allow this app to use your Zoom account?</h1><p>Signed in as ${escapeHtml(owner.email)}</p><p>Scopes: ${escapeHtml(app.scopes.join(' '))}</p>` +
			`<form method="POST" action="/oauth/authorize/approve">${hidden}<button type="submit" name="decision" value="allow" id="allow">Allow</button>` +
			`<button type="submit" name="decision" value="deny" id="deny">Decline</button></form>`,
	);
}

function approve(sb: Sandbox, p: URLSearchParams): Reply {
	const app = sb.store.apps.get(p.get('client_id') ?? '');
	const redirect = p.get('redirect_uri') ?? '';
	if (!app || app.kind !== 'oauth') return errorPage(4700, 'Invalid client_id');
	if (!/^https?:\/\//.test(redirect)) return errorPage(4709, 'Invalid redirect');
	const target = new URL(redirect);
	const state = p.get('state');
	if (p.get('decision') === 'deny') {
		target.searchParams.set('error', 'access_denied');
	} else {
		const code = randomToken(24);
		sb.store.codes.set(code, {
			code,
			clientId: app.clientId,
			redirectUri: redirect,
			userId: sb.store.owner.id,
			expiresAt: Date.now() + sb.config.codeTtlSeconds * 1000,
			codeChallenge: p.get('code_challenge') || undefined,
			codeChallengeMethod: p.get('code_challenge_method') || undefined,
		});
		target.searchParams.set('code', code);
	}
	if (state) target.searchParams.set('state', state);
	return { status: 302, headers: { location: target.toString() } };
}

function token(sb: Sandbox, authorization: string | undefined, p: URLSearchParams): Reply {
	const grant = p.get('grant_type');
	if (!grant) return oauthError(400, 'Missing grant type', 'invalid_request');
	const app = clientAuth(sb, authorization, p);
	if (!app) return INVALID_CLIENT;
	const bad = (reason: string) => oauthError(400, reason, 'invalid_grant');
	if (grant === 'authorization_code' && app.kind === 'oauth') {
		const code = sb.store.codes.get(p.get('code') ?? '');
		if (!code || code.clientId !== app.clientId) return bad('Invalid authorization code');
		sb.store.codes.delete(code.code); // single use, even when the exchange fails below
		if (code.expiresAt <= Date.now()) return bad('Invalid authorization code');
		if ((p.get('redirect_uri') ?? '') !== code.redirectUri) return oauthError(400, 'Redirect URI mismatch.', 'invalid_request');
		if (code.codeChallenge) {
			const v = p.get('code_verifier') ?? '';
			const expect = code.codeChallengeMethod === 'S256' ? createHash('sha256').update(v).digest('base64url') : v;
			if (expect !== code.codeChallenge) return bad('Invalid code verifier');
		}
		return json(200, issueTokens(sb, app, code.userId, app.scopes));
	}
	if (grant === 'refresh_token' && app.kind === 'oauth') {
		const old = sb.store.refreshTokens.get(p.get('refresh_token') ?? '');
		if (!old || old.clientId !== app.clientId) return bad('Invalid Token!');
		// Rotation: the old refresh token dies now; the old access token lives until it expires.
		sb.store.refreshTokens.delete(old.value);
		return json(200, issueTokens(sb, app, old.userId, old.scopes));
	}
	if (grant === 'account_credentials' && app.kind === 's2s') {
		if (p.get('account_id') !== app.accountId) return oauthError(400, 'Invalid account_id', 'invalid_request');
		return json(200, issueTokens(sb, app, sb.store.owner.id, app.scopes));
	}
	// A General app's own token (https://devforum.zoom.us/t/enabling-event-subscriptions-programmatically/129108):
	// no user, no refresh token.
	if (grant === 'client_credentials' && app.kind === 'oauth') {
		return json(200, issueTokens(sb, app, sb.store.owner.id, app.scopes, undefined, 'app'));
	}
	// The app-level token Zoom's WebSocket guide (https://developers.zoom.us/docs/api/websockets/) has
	// Server-to-Server apps ask for; it opens the app's event-subscription WebSocket.
	if (grant === 'client_credentials' && app.kind === 's2s') return json(200, issueTokens(sb, app, sb.store.owner.id, app.scopes));
	return oauthError(400, 'Unsupported grant type', 'unsupported_grant_type');
}

function revoke(sb: Sandbox, authorization: string | undefined, p: URLSearchParams): Reply {
	const app = clientAuth(sb, authorization, p);
	if (!app) return INVALID_CLIENT;
	const value = p.get('token') ?? '';
	const t: Token | undefined = sb.store.tokens.get(value);
	const grant = sb.store.refreshTokens.get(value);
	if (t && t.clientId === app.clientId) {
		sb.store.tokens.delete(t.value);
		if (t.refreshToken) sb.store.refreshTokens.delete(t.refreshToken);
	} else if (grant && grant.clientId === app.clientId) {
		sb.store.refreshTokens.delete(grant.value);
		sb.store.tokens.delete(grant.accessToken);
	} else return oauthError(400, 'Invalid Token!', 'invalid_request');
	return json(200, { status: 'success' });
}

export function handleOAuth(sb: Sandbox, method: string, url: URL, headers: Record<string, string | string[] | undefined>, body: Buffer): Reply {
	const p = params(url, body, headers['content-type'] as string | undefined);
	const auth = headers.authorization as string | undefined;
	const path = url.pathname.replace(/\/+$/, '');
	if (method === 'GET' && path === '/oauth/authorize') return authorizePage(sb, url);
	if (method === 'POST' && path === '/oauth/authorize/approve') return approve(sb, p);
	if (method === 'POST' && path === '/oauth/token') return token(sb, auth, p);
	if (method === 'POST' && path === '/oauth/revoke') return revoke(sb, auth, p);
	return oauthError(404, 'Not found', 'invalid_request');
}
