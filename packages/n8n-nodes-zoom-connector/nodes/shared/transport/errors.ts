/** Zoom's error answers turned into messages a workflow builder can act on. Pure. */

export interface ZoomErrorBody {
	code?: number | string;
	message?: string;
	errors?: Array<{ field?: string; message?: string }>;
	reason?: string;
	error?: string;
}

export interface ZoomErrorText {
	message: string;
	description: string;
}

function clean(text: string): string {
	return text.trim().replace(/\.$/, '');
}

/** Message and fix for a failed Zoom call; `status` is the HTTP status (0 when no answer came). */
export function describeZoomError(status: number, body: ZoomErrorBody | undefined): ZoomErrorText {
	const code = body?.code === undefined ? undefined : Number(body.code);
	const zoomMessage = clean(body?.message ?? body?.reason ?? '');

	switch (code) {
		case 3001: {
			const match = /^(Meeting|Webinar) (?:does not exist: |)(.+?)(?: not found.*)?$/i.exec(
				zoomMessage,
			);
			const what = match ? `${match[1]} ${match[2]}` : 'Meeting or webinar';
			return {
				message: `${what} not found (Zoom code 3001)`,
				description:
					'Check the ID: it may have been deleted, belong to another user, or be older than Zoom keeps.',
			};
		}
		case 1001: {
			const who = /User does not exist: (.+)$/i.exec(zoomMessage)?.[1] ?? 'The user';
			return {
				message: `User ${who} not found (Zoom code 1001)`,
				description: 'Use "me", a Zoom user ID, or the email of a user in this Zoom account.',
			};
		}
		case 124:
			return {
				message: `Zoom rejected the access token (Zoom code 124): ${zoomMessage || 'invalid token'}`,
				description:
					'Reconnect the Zoom OAuth2 credential, or check that the Server-to-Server app is activated and its Account ID, Client ID and Client Secret are right.',
			};
		case 4700:
		case 4711: {
			const scopes = /scopes?:\s*\[([^\]]*)\]/i.exec(zoomMessage)?.[1]?.trim();
			return {
				message: `The credential lacks scope ${scopes || 'for this call'} (Zoom code ${code})`,
				description:
					'Add the scope on your app’s Scopes page in the Zoom Marketplace, then reconnect the credential (OAuth2) or save it again (Server-to-Server).',
			};
		}
		case 200:
			return {
				message: `Zoom refused permission (Zoom code 200): ${zoomMessage || 'No permission'}`,
				description:
					'This needs a paid plan, a webinar licence, or admin rights on the account (an admin-managed or Server-to-Server app).',
			};
		case 429:
			return {
				message: `Zoom rate limit reached (Zoom code 429): ${zoomMessage}`,
				description:
					'The node already waited and retried as Zoom asked. Zoom’s limits are per account and shared by all its apps: spread the work, or set the credential’s Zoom Plan to the account’s plan.',
			};
		case 300: {
			const fields = (body?.errors ?? [])
				.map((e) => `${e.field ?? '?'}: ${clean(e.message ?? '')}`)
				.join('; ');
			return {
				message: `Zoom rejected the request (Zoom code 300): ${zoomMessage}${fields ? ` (${fields})` : ''}`,
				description: 'Check the fields named in the message against what Zoom accepts.',
			};
		}
		case 3301:
			return {
				message: 'No cloud recording for this meeting (Zoom code 3301)',
				description:
					'Recordings appear after Zoom finishes processing; the recording.completed event tells when.',
			};
		case 12702:
			return {
				message: 'Zoom keeps past meetings for a year only (Zoom code 12702)',
				description: 'The meeting is older than Zoom serves.',
			};
		default:
			break;
	}

	if (code !== undefined && !Number.isNaN(code)) {
		return {
			message: `Zoom error ${code}: ${zoomMessage || `HTTP ${status}`}`,
			description: `Zoom answered HTTP ${status}.`,
		};
	}
	if (status === 0) {
		return {
			message: 'Zoom could not be reached (the connection failed or was dropped)',
			description:
				'Check the network and the credential’s environment; the node retried read calls already.',
		};
	}
	if (status >= 500) {
		return {
			message: `Zoom had a server error (HTTP ${status})`,
			description: 'Usually temporary. Read calls were retried already; try again later.',
		};
	}
	return {
		message: `Zoom answered HTTP ${status}${zoomMessage ? `: ${zoomMessage}` : ''}`,
		description: body?.error ? `OAuth error: ${body.error}` : `Zoom answered HTTP ${status}.`,
	};
}

function untilText(ms: number): string {
	const minutes = Math.max(1, Math.ceil(ms / 60_000));
	const hours = Math.floor(minutes / 60);
	return hours ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
}

/**
 * A daily-limit 429 (https://developers.zoom.us/docs/api/rate-limits/): the call is not retried, since
 * nothing changes before `resetAt`. Names the limit and when Zoom resets it.
 */
export function describeDailyLimit(
	body: ZoomErrorBody | undefined,
	resetAt: Date,
	now: number = Date.now(),
): ZoomErrorText {
	const zoomMessage = clean(body?.message ?? '');
	const perUser = /Create\/Update/i.test(zoomMessage);
	const limit = perUser
		? 'Zoom’s daily limit of meeting/webinar creates and updates for this user'
		: 'Zoom’s daily rate limit for this API';
	return {
		message: `${limit} is reached (Zoom code 429)${zoomMessage ? `: ${zoomMessage}` : ''}`,
		description: `Zoom resets it at ${resetAt.toISOString().replace('.000Z', 'Z')} (00:00 UTC, in ${untilText(resetAt.getTime() - now)}). The node did not retry, as no retry can succeed before then. ${
			perUser
				? 'Zoom allows each user 100 creates/updates of meetings and webinars a day: spread them over users or days.'
				: 'Spread the work over days, or check the account’s plan: daily limits depend on it (https://developers.zoom.us/docs/api/rate-limits/).'
		}`,
	};
}
