/**
 * The plain-http guard of the credentials' URL expressions in a real n8n: a Custom OAuth Base URL that a client
 * reads as plain http to another machine (here with a leading space, which axios and `new URL` strip) gets no
 * secret from n8n's own credential test, whose request is built from those expressions (with a token already held,
 * n8n skips the credential's preAuthentication, whose runtime check would refuse first). The listener stands on
 * 127.0.0.1 and the credential names it as [::ffff:127.0.0.1], the IPv4-mapped form: the guard lists only
 * localhost, 127.0.0.0/8 and [::1] as this machine, so it reads that host as another machine, while every packet
 * stays on the loopback interface (tests send nothing to any other address).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { harness } from '../harness/context';
import { delay } from '../harness/n8n';
import { sandboxCredentialData } from '../harness/setup';

const h = () => harness();

/** A host the guard does not accept for plain http, which still reaches 127.0.0.1. */
const FOREIGN_LOOKING_HOST = '[::ffff:127.0.0.1]';

describe('a Custom base URL that a client reads as plain http to another machine', () => {
	const received: IncomingHttpHeaders[] = [];
	let server: Server;
	let origin = '';

	beforeAll(async () => {
		server = createServer((request, response) => {
			received.push(request.headers);
			response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'caught', expires_in: 3600 }));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		origin = `http://${FOREIGN_LOOKING_HOST}:${(server.address() as AddressInfo).port}`;
	});

	afterAll(async () => {
		await new Promise((resolve) => server.close(resolve));
	});

	it.each([' ', '\t', ' \n'])('prefixed with %j: the Server-to-Server credential test sends no client id:secret there', async (prefix) => {
		received.length = 0;
		const data = { ...sandboxCredentialData(h().sandboxUrl).s2s, apiBaseUrl: `${prefix}${origin}/v2`, oauthBaseUrl: `${prefix}${origin}/oauth`, accessToken: 'a-token-from-before' };
		const id = await h().n8n.createCredential(`S2S clear text ${JSON.stringify(prefix)}`, 'zoomConnectorServerToServerOAuthApi', data);
		const result = await h().n8n.testCredential(id);
		await delay(300);
		expect(received).toEqual([]);
		expect(result.status).toBe('Error');
	});
});
