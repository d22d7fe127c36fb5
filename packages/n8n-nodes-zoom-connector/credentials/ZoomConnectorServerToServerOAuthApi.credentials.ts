import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import {
	baseUrlExpression,
	environmentProperties,
	isCredentialHost,
	oauthBaseUrl,
} from '../nodes/shared/environment';
import { zoomPlanProperty } from '../nodes/shared/transport/rateLimit';

/**
 * The absolute URL a request goes to: n8n's helpers give `url` (maybe relative to `baseURL`), the HTTP Request
 * node's legacy requests `uri`. '' when it cannot be told.
 */
function requestTarget(options: IHttpRequestOptions & { uri?: unknown }): string {
	const url = String(options.url || options.uri || '');
	try {
		return new URL(url, options.baseURL || undefined).href;
	} catch {
		return '';
	}
}

export class ZoomConnectorServerToServerOAuthApi implements ICredentialType {
	name = 'zoomConnectorServerToServerOAuthApi';

	displayName = 'Zoom Connector Server-to-Server OAuth API';

	icon: Icon = { light: 'file:../icons/zoom.svg', dark: 'file:../icons/zoom.dark.svg' };

	documentationUrl = 'https://developers.zoom.us/docs/internal-apps/s2s-oauth/';

	properties: INodeProperties[] = [
		...environmentProperties,
		zoomPlanProperty,
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Ab1CdEfGh2IjKlMnOpQ3rs',
			hint: 'On the app’s App Credentials page in the Zoom Marketplace',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			// n8n fills this through preAuthentication when it is empty, keeps it between
			// executions, and empties and refills it when Zoom answers 401 (expired token).
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			// The token answer's api_url (the account's regional API host), renewed with the token.
			displayName: 'API URL',
			name: 'apiUrl',
			type: 'hidden',
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString(
			'base64',
		);
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${oauthBaseUrl(credentials)}/token`,
			headers: {
				Authorization: `Basic ${basic}`,
				'Content-Type': 'application/x-www-form-urlencoded',
			},
			body: new URLSearchParams({
				grant_type: 'account_credentials',
				account_id: String(credentials.accountId ?? ''),
			}).toString(),
			json: true,
		})) as { access_token: string; api_url?: string };
		return { accessToken: response.access_token, apiUrl: response.api_url ?? '' };
	}

	/**
	 * The bearer token on every call to the credential's own Zoom hosts, replacing a stale one when n8n retries
	 * after a 401 with a renewed token; only the credential test's token request keeps its own Basic header.
	 * A request elsewhere (an HTTP Request node's URL, typed by anyone who may use the credential) goes without
	 * the token: a Zoom account token is never sent to another host.
	 *
	 * An own property, not a method: n8n builds the editor's credential types from the credential's own
	 * properties, and the HTTP Request node offers a Predefined Credential Type only when its `authenticate`
	 * is there (the filter "has:authenticate").
	 */
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const headers = { ...requestOptions.headers };
		const name = Object.keys(headers).find((key) => key.toLowerCase() === 'authorization');
		if (name && /^Basic /i.test(String(headers[name]))) return requestOptions;
		if (name) delete headers[name];
		if (isCredentialHost(credentials, requestTarget(requestOptions)))
			headers.Authorization = `Bearer ${credentials.accessToken}`;
		return { ...requestOptions, headers };
	};

	/**
	 * The test asks Zoom's token endpoint for an account token, as
	 * https://developers.zoom.us/docs/internal-apps/s2s-oauth/ describes: every activated Server-to-Server
	 * app can do that whatever scopes it has, where listing users needs user:read:list_users:admin.
	 */
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			baseURL: baseUrlExpression('oauth', '$credentials'),
			url: '/token',
			qs: { grant_type: 'account_credentials', account_id: '={{$credentials.accountId}}' },
			headers: {
				Authorization:
					'={{ "Basic " + ($credentials.clientId + ":" + $credentials.clientSecret).base64Encode() }}',
				'Content-Type': 'application/x-www-form-urlencoded',
			},
		},
	};
}
