/**
 * The plain-http guard of the credentials' URL expressions in a real n8n: a Custom OAuth Base URL that a client
 * reads as plain http to another machine (here with a leading space, which axios and `new URL` strip) gets no
 * secret from n8n's own credential test, whose request is built from those expressions (with a token already held,
 * n8n skips the credential's preAuthentication, whose runtime check would refuse first). The listener stands on
 * this machine's first non-loopback IPv4 address, which the guard treats as another machine.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';

import { harness } from '../harness/context';
import { delay } from '../harness/n8n';
import { sandboxCredentialData } from '../harness/setup';

const h = () => harness();

const outsideAddress = Object.values(networkInterfaces())
	.flat()
	.find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

describe('a Custom base URL that a client reads as plain http to another machine', () => {
	const received: IncomingHttpHeaders[] = [];
	let server: Server;
	let origin = '';

	beforeAll(async () => {
		if (!outsideAddress) throw new Error('this machine has no non-loopback IPv4 address to listen on');
		server = createServer((request, response) => {
			received.push(request.headers);
			response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'caught', expires_in: 3600 }));
		});
		await new Promise<void>((resolve) => server.listen(0, outsideAddress, resolve));
		origin = `http://${outsideAddress}:${(server.address() as AddressInfo).port}`;
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
