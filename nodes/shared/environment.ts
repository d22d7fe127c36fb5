import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

/** Where a credential points: commercial Zoom, Zoom for Government, or any Zoom-compatible host (our sandbox). */
export type ZoomEnvironment = 'zoom' | 'gov' | 'custom';

export const ZOOM_HOSTS = {
	zoom: { api: 'https://api.zoom.us/v2', oauth: 'https://zoom.us/oauth' },
	gov: { api: 'https://api.zoomgov.com/v2', oauth: 'https://zoomgov.com/oauth' },
} as const;

export const environmentProperties: INodeProperties[] = [
	{
		displayName: 'Environment',
		name: 'environment',
		type: 'options',
		options: [
			{
				name: 'Custom',
				value: 'custom',
				description: 'A Zoom-compatible host you name, such as the local Zoom sandbox',
			},
			{ name: 'Zoom', value: 'zoom', description: 'Zoom at api.zoom.us and zoom.us' },
			{
				name: 'Zoom for Government',
				value: 'gov',
				description: 'Zoom for Government at api.zoomgov.com and zoomgov.com',
			},
		],
		default: 'zoom',
	},
	{
		displayName: 'API Base URL',
		name: 'apiBaseUrl',
		type: 'string',
		default: '',
		placeholder: 'http://127.0.0.1:4010/v2',
		hint: 'The REST API root, ending in /v2',
		required: true,
		displayOptions: { show: { environment: ['custom'] } },
	},
	{
		displayName: 'OAuth Base URL',
		name: 'oauthBaseUrl',
		type: 'string',
		default: '',
		placeholder: 'http://127.0.0.1:4010/oauth',
		hint: 'The OAuth root that serves /authorize, /token and /revoke',
		required: true,
		displayOptions: { show: { environment: ['custom'] } },
	},
];

function trimSlash(url: string): string {
	return url.trim().replace(/\/+$/, '');
}

/** REST base for a credential's environment, e.g. https://api.zoom.us/v2. */
export function apiBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = (credentials.environment as ZoomEnvironment | undefined) ?? 'zoom';
	if (environment === 'custom') return trimSlash(String(credentials.apiBaseUrl ?? ''));
	return ZOOM_HOSTS[environment].api;
}

/** OAuth base for a credential's environment, e.g. https://zoom.us/oauth. */
export function oauthBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = (credentials.environment as ZoomEnvironment | undefined) ?? 'zoom';
	if (environment === 'custom') return trimSlash(String(credentials.oauthBaseUrl ?? ''));
	return ZOOM_HOSTS[environment].oauth;
}

/**
 * The same choice as an n8n expression, for credential fields n8n resolves itself
 * (OAuth URLs, the credential test). `source` is `$self` inside a credential's own
 * properties and `$credentials` in its test request.
 */
export function baseUrlExpression(
	kind: 'api' | 'oauth',
	source: '$self' | '$credentials',
	path = '',
): string {
	const custom = kind === 'api' ? 'apiBaseUrl' : 'oauthBaseUrl';
	return (
		`={{ (${source}.environment === "custom" ? String(${source}.${custom} || "").replace(/\\/+$/, "") : ` +
		`${source}.environment === "gov" ? "${ZOOM_HOSTS.gov[kind]}" : "${ZOOM_HOSTS.zoom[kind]}") + "${path}" }}`
	);
}
