/** Deliveries signed here exactly as Zoom signs them, independently of the sandbox's sender. */
import axios from 'axios';
import { createHmac, randomUUID } from 'node:crypto';

import { SANDBOX_DEFAULTS } from '../../sandbox';

export async function postSigned(
	url: string,
	body: string,
	options: { ts?: number; trackingId?: string; signedBody?: string; contentType?: string; secret?: string } = {},
) {
	const ts = String(options.ts ?? Math.floor(Date.now() / 1000));
	const secret = options.secret ?? SANDBOX_DEFAULTS.webhookSecretToken;
	const signature = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${options.signedBody ?? body}`).digest('hex')}`;
	return await axios.post(url, body, {
		headers: {
			'content-type': options.contentType ?? 'application/json; charset=utf-8',
			'x-zm-request-timestamp': ts,
			'x-zm-signature': signature,
			'x-zm-trackingid': options.trackingId ?? `v=2.0;clid=aw1;rid=WEBHOOK_${randomUUID()}`,
		},
		transformRequest: [(data) => data],
		validateStatus: () => true,
		maxBodyLength: Infinity,
	});
}
