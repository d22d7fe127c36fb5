/**
 * A Brevo stand-in for tests and demos (a dev tool, Node built-ins only). n8n's Brevo node calls
 * https://api.brevo.com/v3, hard-coded, so this is reached the way a real n8n reaches Brevo behind
 * a corporate proxy: n8n honours HTTPS_PROXY (global agents from @n8n/backend-network), our proxy
 * answers CONNECT api.brevo.com:443 with a tunnel to a local TLS server whose certificate for
 * api.brevo.com is signed by a CA made at start with the `openssl` CLI, and n8n trusts that CA
 * through NODE_EXTRA_CA_CERTS. TLS verification stays on; any other CONNECT is refused.
 *
 * One plain HTTP server is the proxy (CONNECT), the control API (/_brevo) and, for direct calls,
 * the same /v3 API; the TLS server serves /v3 only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import net, { type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { BrevoStore, handleBrevoApi, WEBINAR_MARKETING_SETUP, type BrevoSetup, type Json, type Reply } from './api';

export { BrevoStore, WEBINAR_MARKETING_SETUP, type BrevoSetup };

export const BREVO_HOST = 'api.brevo.com';
export const BREVO_DEFAULT_API_KEY = 'xkeysib-sandbox-0000000000000000000000000000000000000000000000000000000000000000-brevo';

export interface BrevoOptions {
	/** Port of the proxy + control server (0 = any free port). */
	port?: number;
	apiKey?: string;
	/** Attributes and lists the account starts with (WEBINAR_MARKETING_SETUP by default). */
	setup?: BrevoSetup;
}

export interface RunningBrevo {
	/** Control API and plain-HTTP /v3: http://127.0.0.1:PORT */
	url: string;
	/** What to give HTTPS_PROXY. */
	proxyUrl: string;
	/** PEM of the CA that signed the api.brevo.com certificate. */
	caFile: string;
	apiKey: string;
	/** Environment for the n8n process so that its calls to api.brevo.com arrive here. */
	env: Record<string, string>;
	store: BrevoStore;
	/** CONNECT targets refused (anything but api.brevo.com:443). */
	refused: string[];
	close(): Promise<void>;
}

/** A throwaway CA and a server certificate for api.brevo.com, made with the openssl CLI. */
function makeCertificates(dir: string): { ca: string; key: Buffer; cert: Buffer } {
	const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
	const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
	run(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '7', '-subj', '/CN=Brevo stand-in test CA',
		'-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
	run(['req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', `/CN=${BREVO_HOST}`]);
	writeFileSync(
		join(dir, 'server.ext'),
		`subjectAltName=DNS:${BREVO_HOST}\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n`,
	);
	run(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '7', '-extfile', 'server.ext']);
	return { ca: join(dir, 'ca.pem'), key: readFileSync(join(dir, 'server.key')), cert: readFileSync(join(dir, 'server.pem')) };
}

async function readJson(req: IncomingMessage): Promise<{ raw: string; body: Json }> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const raw = Buffer.concat(chunks).toString('utf8');
	if (!raw) return { raw, body: {} };
	try {
		const parsed = JSON.parse(raw) as unknown;
		return { raw, body: parsed && typeof parsed === 'object' ? (parsed as Json) : {} };
	} catch {
		throw Object.assign(new Error('bad json'), { reply: { status: 400, body: { code: 'bad_request', message: 'Input must be a valid JSON object' } } });
	}
}

function send(res: ServerResponse, reply: Reply): void {
	if (reply.body === undefined) {
		res.writeHead(reply.status).end();
		return;
	}
	const text = JSON.stringify(reply.body);
	res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
}

function control(store: BrevoStore, method: string, path: string, body: Json): Reply {
	if (method === 'GET' && path === '/_brevo/health') return { status: 200, body: { ok: true } };
	if (method === 'GET' && path === '/_brevo/state') return { status: 200, body: store.snapshot() };
	if (method === 'GET' && path === '/_brevo/requests') return { status: 200, body: store.requests };
	if (method === 'DELETE' && path === '/_brevo/requests') {
		store.requests = [];
		return { status: 204 };
	}
	if (method === 'POST' && path === '/_brevo/reset') {
		store.reset(Object.keys(body).length ? (body as BrevoSetup) : WEBINAR_MARKETING_SETUP);
		return { status: 200, body: store.snapshot() };
	}
	if (method === 'POST' && path === '/_brevo/setup') {
		store.setup(body as BrevoSetup);
		return { status: 200, body: store.snapshot() };
	}
	return { status: 404, body: { error: `No control route ${method} ${path}` } };
}

export async function startBrevo(options: BrevoOptions = {}): Promise<RunningBrevo> {
	const apiKey = options.apiKey ?? BREVO_DEFAULT_API_KEY;
	const store = new BrevoStore(apiKey);
	store.reset(options.setup ?? WEBINAR_MARKETING_SETUP);
	const dir = mkdtempSync(join(tmpdir(), 'brevo-standin-'));
	const { ca, key, cert } = makeCertificates(dir);
	const refused: string[] = [];

	const handle = (viaTls: boolean) => async (req: IncomingMessage, res: ServerResponse) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const method = req.method ?? 'GET';
		let reply: Reply;
		let body: Json = {};
		try {
			body = (await readJson(req)).body;
			if (url.pathname.startsWith('/v3/') || url.pathname === '/v3') reply = handleBrevoApi(store, req, url, body);
			else if (!viaTls && url.pathname.startsWith('/_brevo')) reply = control(store, method, url.pathname, body);
			else reply = { status: 404, body: { code: 'not_found', message: 'Invalid route' } };
		} catch (error) {
			reply = (error as { reply?: Reply }).reply ?? { status: 500, body: { code: 'internal_error', message: String(error) } };
		}
		if (url.pathname.startsWith('/v3')) {
			store.requests.push({ time: new Date().toISOString(), method, path: url.pathname + url.search, status: reply.status, tls: viaTls, body: Object.keys(body).length ? body : undefined });
		}
		send(res, reply);
	};

	const tls = https.createServer({ key, cert }, handle(true));
	await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
	const tlsPort = (tls.address() as AddressInfo).port;

	const server = http.createServer(handle(false));
	const sockets = new Set<Socket>();
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	// The proxy: only api.brevo.com:443 is tunnelled, to the TLS server; nothing reaches the internet.
	server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
		const target = String(req.url ?? '');
		if (target.toLowerCase() !== `${BREVO_HOST}:443`) {
			refused.push(target);
			client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
			return;
		}
		const upstream = net.connect(tlsPort, '127.0.0.1', () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			if (head.length) upstream.write(head);
			upstream.pipe(client);
			client.pipe(upstream);
		});
		sockets.add(upstream);
		upstream.on('close', () => sockets.delete(upstream));
		upstream.on('error', () => client.destroy());
		client.on('error', () => upstream.destroy());
	});
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	const url = `http://127.0.0.1:${port}`;

	return {
		url,
		proxyUrl: url,
		caFile: ca,
		apiKey,
		store,
		refused,
		env: {
			HTTPS_PROXY: url,
			// Only https goes through the proxy; local services (the Zoom sandbox, n8n's task runner) never do.
			NO_PROXY: 'localhost,127.0.0.1,::1',
			NODE_EXTRA_CA_CERTS: ca,
		},
		async close() {
			for (const socket of sockets) socket.destroy();
			await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => tls.close(r))]);
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
