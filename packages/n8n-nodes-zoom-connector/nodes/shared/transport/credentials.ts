/** Which credential a node uses, reading it once per execution, and the URL a call may go to with its token. */
import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	INodeProperties,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiBaseUrl, credentialHostsLabel, isCredentialHost } from '../environment';

export type ZoomContext =
	IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export const ZOOM_USER_APP = 'zoomConnectorOAuth2Api';
export const ZOOM_ACCOUNT_APP = 'zoomConnectorServerToServerOAuthApi';
export type ZoomApiCredentialType = typeof ZOOM_USER_APP | typeof ZOOM_ACCOUNT_APP;

/** The Authentication parameter every Zoom API node carries; its value is the credential type. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'OAuth2 (User)', value: ZOOM_USER_APP },
		{ name: 'Server-to-Server OAuth (Account)', value: ZOOM_ACCOUNT_APP },
	],
	default: ZOOM_USER_APP,
};

export const zoomApiCredentials = [
	{
		name: ZOOM_USER_APP,
		required: true,
		displayOptions: { show: { authentication: [ZOOM_USER_APP] } },
	},
	{
		name: ZOOM_ACCOUNT_APP,
		required: true,
		displayOptions: { show: { authentication: [ZOOM_ACCOUNT_APP] } },
	},
];

/** One pacer per n8n process: every Zoom call of every node shares it, keyed by credential. */
export function credentialType(context: ZoomContext): ZoomApiCredentialType {
	const value =
		'getInputData' in context
			? (context as IExecuteFunctions).getNodeParameter('authentication', 0, ZOOM_USER_APP)
			: (context as IPollFunctions).getNodeParameter('authentication', ZOOM_USER_APP);
	return value === ZOOM_ACCOUNT_APP ? ZOOM_ACCOUNT_APP : ZOOM_USER_APP;
}

/**
 * The node's credential, read once per execution context: reading a credential is a database read and a
 * decryption, and a Return All makes dozens of calls.
 */
const credentialsByContext = new WeakMap<object, Map<string, ICredentialDataDecryptedObject>>();

export async function credentialsOf(
	context: ZoomContext,
	type: ZoomApiCredentialType,
): Promise<ICredentialDataDecryptedObject> {
	let byType = credentialsByContext.get(context);
	if (!byType) {
		byType = new Map();
		credentialsByContext.set(context, byType);
	}
	const cached = byType.get(type);
	if (cached !== undefined) return cached;
	const credentials = (await context.getCredentials(type)) as ICredentialDataDecryptedObject;
	byType.set(type, credentials);
	return credentials;
}

/**
 * The URL to call. An absolute URL (a recording's download_url, which comes from Zoom's response and so
 * from whoever answered) gets the credential's token only on the credential's own hosts.
 */
export async function requestUrl(
	context: ZoomContext,
	type: ZoomApiCredentialType,
	endpoint: string,
	options: { url?: string; itemIndex?: number },
): Promise<string> {
	const credentials = await credentialsOf(context, type);
	let allowed: boolean;
	try {
		if (options.url === undefined) return `${apiBaseUrl(credentials)}${endpoint}`;
		allowed = isCredentialHost(credentials, options.url);
	} catch (error) {
		// apiBaseUrl and isCredentialHost throw only UnsafeBaseUrlError: a Custom URL that is refused.
		throw new NodeOperationError(context.getNode(), (error as Error).message, {
			itemIndex: options.itemIndex,
		});
	}
	if (allowed) return options.url;
	let shown = options.url;
	try {
		shown = new URL(options.url).origin;
	} catch {
		// Not a URL: show it as it is.
	}
	throw new NodeOperationError(
		context.getNode(),
		`Refused to send the Zoom access token to ${shown.slice(0, 200)}`,
		{
			itemIndex: options.itemIndex,
			description: `The URL is not on this credential's Zoom hosts (${credentialHostsLabel(credentials)}), so the token was not sent. Check the credential's environment, or download the file from the URL without this node's authentication.`,
		},
	);
}
