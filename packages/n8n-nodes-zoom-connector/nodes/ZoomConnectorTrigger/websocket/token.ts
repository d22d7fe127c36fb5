/**
 * The access token a WebSocket connection is opened with. Zoom's guide
 * (https://developers.zoom.us/docs/api/websockets/) has Server-to-Server and general apps ask the token
 * endpoint for a client_credentials token (Basic client id:secret) that lasts an hour; the connection is
 * then opened with it in the URL. This is a token grant, not an API call, so it goes out as a plain
 * request: the credential's own authentication would first fetch an account token for nothing.
 */
import type { ICredentialDataDecryptedObject, ITriggerFunctions } from 'n8n-workflow';

import { oauthBaseUrl } from '../../shared/environment';

/** The one helper the token request needs (trigger and execute contexts both have it). */
export interface RequestContext {
	helpers: Pick<ITriggerFunctions['helpers'], 'httpRequest'>;
}

export interface SocketToken {
	accessToken: string;
	/** Epoch ms when the token was asked for (its life counts from before the answer). */
	issuedAt: number;
	expiresInSeconds: number;
}

/** Zoom's documented lifetime, used when an answer leaves expires_in out. */
const DEFAULT_EXPIRES_IN_SECONDS = 3600;

export async function mintSocketToken(
	context: RequestContext,
	credentials: ICredentialDataDecryptedObject,
): Promise<SocketToken> {
	const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString(
		'base64',
	);
	const issuedAt = Date.now();
	const answer = (await context.helpers.httpRequest({
		method: 'POST',
		url: `${oauthBaseUrl(credentials)}/token`,
		qs: { grant_type: 'client_credentials' },
		headers: {
			Authorization: `Basic ${basic}`,
			'Content-Type': 'application/x-www-form-urlencoded',
		},
		json: true,
	})) as { access_token?: unknown; expires_in?: unknown };
	if (typeof answer?.access_token !== 'string' || !answer.access_token) {
		throw new Error('Zoom’s token endpoint answered without an access_token');
	}
	const expiresIn = Number(answer.expires_in);
	return {
		accessToken: answer.access_token,
		issuedAt,
		expiresInSeconds:
			Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : DEFAULT_EXPIRES_IN_SECONDS,
	};
}
