import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { oauthBaseUrl } from '../../../shared/environment';
import { credentialType, ZOOM_ACCOUNT_APP, ZOOM_USER_APP } from '../../../shared/transport';

export const description: INodeProperties[] = [
	{
		displayName:
			'This revokes the access of the selected OAuth2 credential at Zoom. Afterwards the credential no longer works until you open it and connect it again.',
		name: 'revokeNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['authorization'], operation: ['revoke'] } },
	},
];

interface RevokeAnswer {
	statusCode: number;
	body: IDataObject;
}

/**
 * POST {oauthBase}/revoke with the client's Basic auth and the token in a form body
 * (https://developers.zoom.us/docs/integrations/oauth/, "Revoke an access token").
 *
 * This is the one call that does not go through the transport, on purpose: revoke is an OAuth endpoint,
 * not a REST call. It authenticates the *app* (client ID and secret), while the transport signs with the
 * user's Bearer token through n8n's OAuth2 handling, which would replace our Basic header, refresh the
 * token first if it looks expired (revoking a token we never meant to touch), and read errors as REST
 * `{code, message}` bodies instead of OAuth's `{reason, error}`.
 */
async function revokeToken(
	context: IExecuteFunctions,
	url: string,
	basic: string,
	token: string,
): Promise<RevokeAnswer> {
	const request: IHttpRequestOptions = {
		method: 'POST',
		url,
		headers: {
			Authorization: `Basic ${basic}`,
			'Content-Type': 'application/x-www-form-urlencoded',
		},
		body: new URLSearchParams({ token }).toString(),
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	const response = (await context.helpers.httpRequest(request)) as {
		statusCode: number;
		body: unknown;
	};
	let body: IDataObject = {};
	try {
		body = (
			typeof response.body === 'string' ? JSON.parse(response.body || '{}') : (response.body ?? {})
		) as IDataObject;
	} catch {
		body = { reason: String(response.body).slice(0, 300) };
	}
	return { statusCode: response.statusCode, body };
}

/** Revokes the OAuth2 credential's access at Zoom; the output says that the credential must be reconnected. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	if (credentialType(this) === ZOOM_ACCOUNT_APP) {
		throw new NodeOperationError(
			this.getNode(),
			'Revoke Access works only with the OAuth2 (User) credential',
			{
				itemIndex,
				description:
					'A Server-to-Server app has no user authorization to revoke. Set Authentication to "OAuth2 (User)", or deactivate the Server-to-Server app in the Zoom App Marketplace.',
			},
		);
	}
	const credentials = await this.getCredentials(ZOOM_USER_APP, itemIndex);
	const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
	const accessToken = typeof tokenData.access_token === 'string' ? tokenData.access_token : '';
	const refreshToken = typeof tokenData.refresh_token === 'string' ? tokenData.refresh_token : '';
	const credentialName = this.getNode().credentials?.[ZOOM_USER_APP]?.name ?? 'Zoom OAuth2';
	if (!accessToken && !refreshToken) {
		throw new NodeOperationError(
			this.getNode(),
			`The credential "${credentialName}" is not connected`,
			{
				itemIndex,
				description:
					'There is no token to revoke: the credential was never connected, or its tokens were removed.',
			},
		);
	}

	let url: string;
	try {
		url = `${oauthBaseUrl(credentials)}/revoke`;
	} catch (error) {
		// A Custom base URL that would send the client secret in clear text.
		throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex });
	}
	const basic = Buffer.from(
		`${String(credentials.clientId)}:${String(credentials.clientSecret)}`,
	).toString('base64');
	let answer = await revokeToken(this, url, basic, accessToken || refreshToken);
	// An access token that has already expired may be unknown to Zoom; the refresh token still names the grant.
	if (answer.statusCode >= 400 && answer.statusCode < 500 && accessToken && refreshToken) {
		answer = await revokeToken(this, url, basic, refreshToken);
	}
	if (answer.statusCode >= 400) {
		const reason = String(
			answer.body.reason ?? answer.body.message ?? answer.body.error ?? `HTTP ${answer.statusCode}`,
		);
		throw new NodeApiError(this.getNode(), answer.body as never, {
			message: `Zoom did not revoke the credential's access: ${reason}`,
			description:
				answer.body.error === 'invalid_client'
					? 'Check the Client ID and Client Secret of the credential.'
					: 'The token may already be revoked or expired; reconnect the credential if calls fail.',
			httpCode: String(answer.statusCode),
			itemIndex,
		});
	}
	return {
		revoked: true,
		status: answer.body.status ?? 'success',
		credential: credentialName,
		reconnectRequired: true,
		message: `Zoom revoked the access of the credential "${credentialName}". It no longer works: open the credential in n8n and connect it to Zoom again before using it.`,
	};
}
