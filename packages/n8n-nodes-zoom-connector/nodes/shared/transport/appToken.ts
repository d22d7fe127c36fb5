import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { oauthBaseUrl } from '../environment';
import { ZOOM_USER_APP } from './credentials';

/**
 * An app-level access token of a General (OAuth) app, from Zoom's client-credentials grant. Some Zoom
 * resources belong to the app, not to a user: event subscriptions are managed only with this token (or
 * a Server-to-Server app's own token), as Zoom says in
 * https://devforum.zoom.us/t/enabling-event-subscriptions-programmatically/129108 and
 * https://developers.zoom.us/blog/webhook-management-with-zoom-api/. The user's token of the OAuth2
 * credential is not accepted there.
 */
interface Cached {
	token: string;
	expiresAt: number;
}

/** Per n8n process, by tokenCacheKey: a token lives an hour, activations are rare. */
const tokens = new Map<string, Cached>();
/** Renewed this long before Zoom's expiry, so a token never runs out between the check and the call. */
const MARGIN_MS = 60_000;

/**
 * The cache key of one credential's app token: its OAuth host, its n8n credential id, its Client ID and its
 * Client Secret, hashed. The Client ID alone is public (it is in the authorize URL), so a key without the
 * secret would hand the token to any credential naming the same app with a wrong secret; the secret is
 * hashed so the key never holds it in clear.
 */
export function tokenCacheKey(
	url: string,
	credentialId: string,
	clientId: string,
	clientSecret: string,
): string {
	return createHash('sha256')
		.update(JSON.stringify([url, credentialId, clientId, clientSecret]))
		.digest('hex');
}

export async function clientCredentialsToken(
	context: IHookFunctions,
	credentials: ICredentialDataDecryptedObject,
	now: number = Date.now(),
): Promise<string> {
	const clientId = String(credentials.clientId ?? '');
	const clientSecret = String(credentials.clientSecret ?? '');
	const url = `${oauthBaseUrl(credentials)}/token`;
	const credentialId = String(context.getNode().credentials?.[ZOOM_USER_APP]?.id ?? '');
	const key = tokenCacheKey(url, credentialId, clientId, clientSecret);
	const cached = tokens.get(key);
	if (cached && cached.expiresAt - MARGIN_MS > now) return cached.token;
	let answer: { access_token?: unknown; expires_in?: unknown };
	try {
		answer = (await context.helpers.httpRequest({
			method: 'POST',
			url,
			qs: { grant_type: 'client_credentials' },
			headers: {
				Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
			},
			json: true,
		})) as typeof answer;
	} catch (error) {
		const response = (error as { response?: { data?: { reason?: unknown } } }).response;
		const reason = typeof response?.data?.reason === 'string' ? response.data.reason : '';
		throw new NodeOperationError(
			context.getNode(),
			`Zoom refused the app token of the OAuth2 credential${reason ? `: ${reason}` : ''}`,
			{
				description:
					'Registering an event subscription needs the app’s own token (client-credentials grant). Check the Client ID and Client Secret of the OAuth2 credential, or choose Registration: Manual.',
			},
		);
	}
	if (typeof answer.access_token !== 'string' || answer.access_token === '') {
		throw new NodeOperationError(context.getNode(), 'Zoom answered without an app access token', {
			description: 'Try again; if it persists, choose Registration: Manual.',
		});
	}
	const lifetime = typeof answer.expires_in === 'number' ? answer.expires_in : 3600;
	tokens.set(key, { token: answer.access_token, expiresAt: now + lifetime * 1000 });
	return answer.access_token;
}
