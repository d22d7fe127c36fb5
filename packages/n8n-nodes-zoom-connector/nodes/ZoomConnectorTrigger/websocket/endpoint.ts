/**
 * The WebSocket endpoint URL the user copies from their Zoom app (Features → Event Subscriptions,
 * method WebSocket), checked before a token is put in it (pure). Zoom's guide
 * (https://developers.zoom.us/docs/api/websockets/) shows wss://ws.zoom.us/ws?subscriptionId=…, to which
 * the client appends &access_token=….
 */
import { isLoopbackHost, type ZoomEnvironment } from '../../shared/environment';

const DOMAINS: Record<Exclude<ZoomEnvironment, 'custom'>, string> = {
	zoom: 'zoom.us',
	gov: 'zoomgov.com',
};

export interface SocketEndpoint {
	/** The URL without any access_token. */
	url: string;
	subscriptionId: string;
}

export type EndpointCheck = { ok: true; endpoint: SocketEndpoint } | { ok: false; problem: string };

/** Whether the URL may receive the credential's token, and the subscription it names. */
export function checkEndpoint(raw: unknown, environment: ZoomEnvironment): EndpointCheck {
	const text = String(raw ?? '').trim();
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return {
			ok: false,
			problem: `WebSocket URL "${text}" is not a URL: copy the endpoint URL your Zoom app shows for its WebSocket event subscription, such as wss://ws.zoom.us/ws?subscriptionId=…`,
		};
	}
	const host = url.hostname.toLowerCase();
	if (environment === 'custom') {
		const safe = url.protocol === 'wss:' || (url.protocol === 'ws:' && isLoopbackHost(host));
		if (!safe) {
			return {
				ok: false,
				problem: `WebSocket URL "${text}" would send the access token unencrypted: use wss:// (plain ws:// is accepted only for localhost, 127.0.0.0/8 and [::1])`,
			};
		}
	} else {
		const domain = DOMAINS[environment];
		if (url.protocol !== 'wss:' || !(host === domain || host.endsWith(`.${domain}`))) {
			return {
				ok: false,
				problem: `WebSocket URL "${text}" is not on Zoom (wss:// on ${domain}), so the credential's token is not sent there: copy the endpoint URL from your Zoom app`,
			};
		}
	}
	const subscriptionId = url.searchParams.get('subscriptionId')?.trim();
	if (!subscriptionId) {
		return {
			ok: false,
			problem: `WebSocket URL "${text}" has no subscriptionId: copy the whole endpoint URL your Zoom app shows, including ?subscriptionId=…`,
		};
	}
	url.searchParams.delete('access_token');
	return { ok: true, endpoint: { url: url.toString(), subscriptionId } };
}

/** The URL to open: the endpoint with the access token appended, as Zoom's guide shows. */
export function connectionUrl(endpoint: SocketEndpoint, accessToken: string): string {
	const url = new URL(endpoint.url);
	url.searchParams.set('access_token', accessToken);
	return url.toString();
}

/** The URL with its token hidden, for logs and errors. */
export function withoutToken(url: string): string {
	return url.replace(/([?&]access_token=)[^&]*/, '$1…');
}
