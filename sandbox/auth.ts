// Bearer token checks shared by /v2 and recording downloads (https://developers.zoom.us/docs/integrations/oauth-error-messages/).
import type { RequestMeta, Sandbox } from './core';
import { ZoomError } from './http';
import type { Token } from './store';

export const unauthorized = (message: string) => new ZoomError(401, 124, message);

/**
 * Resolve the bearer token of a request. `allowDownload` admits recording download tokens,
 * which are only good on download URLs.
 */
export function bearer(sb: Sandbox, header: string | undefined, meta: RequestMeta, allowDownload = false): Token {
	if (!header) {
		meta.tokenKind = 'none';
		throw unauthorized('Requires an access token.');
	}
	const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
	const token = m ? sb.store.tokens.get(m[1]) : undefined;
	if (!token || (token.kind === 'download' && !allowDownload)) {
		meta.tokenKind = 'invalid';
		throw unauthorized('Invalid access token.');
	}
	meta.tokenKind = token.kind;
	if (token.expiresAt <= Date.now()) throw unauthorized('Access token is expired.');
	return token;
}

