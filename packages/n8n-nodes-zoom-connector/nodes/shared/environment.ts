import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

/** Where a credential points: commercial Zoom, Zoom for Government, or any Zoom-compatible host (our sandbox). */
export type ZoomEnvironment = 'zoom' | 'gov' | 'custom';

export const ZOOM_HOSTS = {
	zoom: { api: 'https://api.zoom.us/v2', oauth: 'https://zoom.us/oauth' },
	gov: { api: 'https://api.zoomgov.com/v2', oauth: 'https://zoomgov.com/oauth' },
} as const;

const CLEAR_TEXT_RULE =
	'Use https://. Plain http:// is accepted only for this machine (localhost, 127.0.0.0/8 or [::1]), because tokens and client secrets would otherwise cross the network unencrypted.';

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
		description: CLEAR_TEXT_RULE,
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
		description: CLEAR_TEXT_RULE,
		required: true,
		displayOptions: { show: { environment: ['custom'] } },
	},
];

function trimSlash(url: string): string {
	return url.trim().replace(/\/+$/, '');
}

/** Zoom's domain per environment: an api_url outside it is not used, and no token is sent outside it. */
const ZOOM_DOMAINS: Record<Exclude<ZoomEnvironment, 'custom'>, string> = {
	zoom: 'zoom.us',
	gov: 'zoomgov.com',
};

/**
 * The account's regional API origin from the token answer's `api_url` (Server-to-Server: kept as `apiUrl`;
 * OAuth2: in n8n's `oauthTokenData`), when it is an https host of the environment's Zoom domain.
 *
 * Why use it: Zoom names there the cluster that serves the account (https://eu01api.zoom.us,
 * https://sg01api.zoom.us, ...) so calls go to it directly
 * (https://developers.zoom.us/changelog/platform/api_url_access_token_response/). Zoom also says
 * https://api.zoom.us keeps working for every account, so anything else (absent, another domain, plain http,
 * a port or a path) falls back to it: a token answer never sends calls outside Zoom. The custom environment
 * keeps its API Base URL, which the user chose.
 */
export function regionalApiOrigin(credentials: ICredentialDataDecryptedObject): string | undefined {
	const environment = (credentials.environment as ZoomEnvironment | undefined) ?? 'zoom';
	if (environment === 'custom') return undefined;
	const tokenData = credentials.oauthTokenData as { api_url?: unknown } | undefined;
	const apiUrl = credentials.apiUrl || tokenData?.api_url;
	if (typeof apiUrl !== 'string' || !apiUrl) return undefined;
	let url: URL;
	try {
		url = new URL(apiUrl);
	} catch {
		return undefined;
	}
	const domain = ZOOM_DOMAINS[environment];
	const inDomain = url.hostname === domain || url.hostname.endsWith(`.${domain}`);
	const bare =
		url.port === '' &&
		(url.pathname === '/' || url.pathname === '') &&
		!url.search &&
		!url.username;
	return url.protocol === 'https:' && inDomain && bare ? url.origin : undefined;
}

/** localhost, 127.0.0.0/8 and ::1: the only hosts a token may reach over plain http. */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
	return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** A Custom base URL a credential may not use; callers with a node turn it into a NodeOperationError. */
export class UnsafeBaseUrlError extends Error {}

/** A Custom environment's base URL, refused when it is not http(s) or is plain http to another machine. */
export function checkedCustomUrl(value: unknown, field: 'API Base URL' | 'OAuth Base URL'): string {
	const url = trimSlash(String(value ?? ''));
	let parsed: URL | undefined;
	try {
		parsed = new URL(url);
	} catch {
		parsed = undefined;
	}
	if (!parsed) {
		throw new UnsafeBaseUrlError(
			`The credential's ${field} "${url}" is not a URL: enter one such as https://zoom.example.com/v2`,
		);
	}
	if (
		parsed.protocol === 'https:' ||
		(parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname))
	)
		return url;
	throw new UnsafeBaseUrlError(
		`The credential's ${field} "${url}" would send tokens and secrets unencrypted: use https:// (plain http:// is accepted only for localhost, 127.0.0.0/8 and [::1])`,
	);
}

/** REST base for a credential's environment, e.g. https://api.zoom.us/v2 (or the account's regional host). */
export function apiBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = (credentials.environment as ZoomEnvironment | undefined) ?? 'zoom';
	if (environment === 'custom') return checkedCustomUrl(credentials.apiBaseUrl, 'API Base URL');
	const regional = regionalApiOrigin(credentials);
	return regional ? `${regional}/v2` : ZOOM_HOSTS[environment].api;
}

/** OAuth base for a credential's environment, e.g. https://zoom.us/oauth. */
export function oauthBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = (credentials.environment as ZoomEnvironment | undefined) ?? 'zoom';
	if (environment === 'custom') return checkedCustomUrl(credentials.oauthBaseUrl, 'OAuth Base URL');
	return ZOOM_HOSTS[environment].oauth;
}

/**
 * Whether a URL (a recording's download_url) is on the credential's own Zoom hosts, so its token may be sent
 * there: https on zoom.us or zoomgov.com and their subdomains, or for Custom the origin of either base URL.
 */
export function isCredentialHost(
	credentials: ICredentialDataDecryptedObject,
	url: string,
): boolean {
	let target: URL;
	try {
		target = new URL(url);
	} catch {
		return false;
	}
	const environment = (credentials.environment as ZoomEnvironment | undefined) ?? 'zoom';
	if (environment !== 'custom') {
		const domain = ZOOM_DOMAINS[environment];
		const host = target.hostname.toLowerCase();
		return (
			target.protocol === 'https:' &&
			target.port === '' &&
			(host === domain || host.endsWith(`.${domain}`))
		);
	}
	const origins = [apiBaseUrl(credentials), oauthBaseUrl(credentials)].map(
		(base) => new URL(base).origin,
	);
	return origins.includes(target.origin);
}

/** The hosts isCredentialHost accepts, for error messages. */
export function credentialHostsLabel(credentials: ICredentialDataDecryptedObject): string {
	const environment = (credentials.environment as ZoomEnvironment | undefined) ?? 'zoom';
	if (environment !== 'custom') return `https://${ZOOM_DOMAINS[environment]} and its subdomains`;
	return [
		...new Set(
			[apiBaseUrl(credentials), oauthBaseUrl(credentials)].map((base) => new URL(base).origin),
		),
	].join(' and ');
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
	// First the value exactly as the WHATWG URL parser (axios, fetch) reads it: tabs and line breaks removed
	// anywhere, C0 controls and spaces trimmed at both ends, so " http://host" is checked as the request sees it.
	const asParsed =
		'.replace(/[\\t\\n\\r]/g, "").replace(/^[\\u0000-\\u0020]+|[\\u0000-\\u0020]+$/g, "")';
	// Then an allowlist: https (any case), or plain http to a loopback host followed by a port, a path or
	// nothing. Anything else gets a scheme no client speaks, so n8n refuses the request
	// ("Unsupported protocol insecure-http-refused:") before a secret or token leaves in clear text.
	const refuseClearText =
		'.replace(/^(?!https:|http:\\/\\/(localhost|127(\\.\\d{1,3}){3}|\\[::1\\])(:\\d+)?([\\/?#]|$))/i, "insecure-http-refused://")';
	return (
		`={{ (${source}.environment === "custom" ? String(${source}.${custom} || "")${asParsed}.replace(/\\/+$/, "")${refuseClearText} : ` +
		`${source}.environment === "gov" ? "${ZOOM_HOSTS.gov[kind]}" : "${ZOOM_HOSTS.zoom[kind]}") + "${path}" }}`
	);
}
