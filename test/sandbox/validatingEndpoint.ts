/** A webhook endpoint for sandbox tests: answers Zoom's URL validation as Zoom's docs say (or wrongly when told to) and records events. */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SANDBOX_DEFAULTS as D } from './helpers';

export class Endpoint {
	events: Array<{ event: string; payload: any; signature: string; ts: string; raw: string }> = [];
	answerWrongly = false;
	url = '';
	server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			const body = JSON.parse(raw);
			res.writeHead(200, { 'content-type': 'application/json' });
			if (body.event === 'endpoint.url_validation') {
				const plainToken = body.payload.plainToken as string;
				const secret = this.answerWrongly ? 'not-the-secret' : D.webhookSecretToken;
				res.end(JSON.stringify({ plainToken, encryptedToken: createHmac('sha256', secret).update(plainToken).digest('hex') }));
				return;
			}
			this.events.push({ event: body.event, payload: body.payload, signature: String(req.headers['x-zm-signature']), ts: String(req.headers['x-zm-request-timestamp']), raw });
			res.end('{}');
		});
	});
	async start() {
		await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook/zoom`;
	}
	close() {
		this.server.closeAllConnections();
		return new Promise<void>((r) => this.server.close(() => r()));
	}
}

