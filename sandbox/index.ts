// The local Zoom sandbox: one node:http server for /oauth, /v2, /rec and the /_sandbox control API.
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { categoryOf, handleApi } from './api';
import { handleControl } from './control';
import { Sandbox } from './core';
import type { RequestMeta } from './core';
import { json, readBody, send, trackingId } from './http';
import type { Reply } from './http';
import { handleOAuth } from './oauth';
import { PER_SECOND_MESSAGE } from './ratelimit';
import { handleDownload } from './recordings';
import { SANDBOX_DEFAULTS } from './store';

export { SANDBOX_DEFAULTS };

export interface SandboxOptions {
	port?: number;
	host?: string;
	tokenTtlSeconds?: number;
	quiet?: boolean;
}

export interface RunningSandbox {
	url: string;
	port: number;
	close(): Promise<void>;
}

const LOGGED = ['/v2/', '/oauth/', '/rec/'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An armed fault turned into a reply ('drop' = destroy the socket, undefined = go on normally). */
async function applyFault(sb: Sandbox, method: string, url: URL, meta: RequestMeta): Promise<Reply | 'drop' | undefined> {
	const f = sb.takeFault(method, url.pathname);
	if (!f) return undefined;
	if (f.kind === 'drop') return 'drop';
	if (f.kind === 'delay') {
		await sleep(f.delayMs);
		return undefined;
	}
	let headers: Record<string, string | number> = {};
	if (url.pathname.startsWith('/v2/')) {
		const cat = categoryOf(method, url.pathname);
		meta.category = cat;
		headers = sb.limiter.peek(sb.store.accountId, cat);
	}
	// An injected 429 is a per-second one; Retry-After only when the fault names one.
	if (f.status === 429) headers['X-RateLimit-Type'] = 'QPS';
	if (f.retryAfter !== undefined) headers['Retry-After'] = f.retryAfter;
	const body = f.body ?? (f.status === 429 ? { code: 429, message: PER_SECOND_MESSAGE } : { code: f.status, message: f.status >= 500 ? 'Internal Server Error' : 'Sandbox fault' });
	return { ...json(f.status, body), headers };
}

async function handle(sb: Sandbox, req: IncomingMessage, res: ServerResponse): Promise<void> {
	res.setHeader('x-zm-trackingid', trackingId());
	const method = (req.method ?? 'GET').toUpperCase();
	const url = new URL(req.url ?? '/', sb.origin);
	const body = await readBody(req);
	if (url.pathname.startsWith('/_sandbox/')) return send(res, await handleControl(sb, method, url, body));
	const logged = LOGGED.some((p) => url.pathname.startsWith(p));
	const meta: RequestMeta = { category: null, tokenKind: null };
	let reply = logged ? await applyFault(sb, method, url, meta) : undefined;
	if (!reply) {
		if (url.pathname.startsWith('/v2/')) reply = await handleApi(sb, method, url, req.headers, body, meta);
		else if (url.pathname.startsWith('/oauth/')) reply = handleOAuth(sb, method, url, req.headers, body);
		else if (url.pathname.startsWith('/rec/') && method === 'GET') reply = handleDownload(sb, url, req.headers.authorization, meta);
		else reply = json(404, { code: 404, message: 'Not Found' });
	}
	if (logged) {
		const entry = {
			time: new Date().toISOString(),
			method,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			status: reply === 'drop' ? 0 : reply.status,
			category: meta.category,
			tokenKind: meta.tokenKind,
		};
		sb.record(entry, meta.route);
	}
	if (reply === 'drop') {
		req.socket.destroy();
		return;
	}
	send(res, reply);
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<RunningSandbox> {
	const host = opts.host ?? '127.0.0.1';
	const sb = new Sandbox(SANDBOX_DEFAULTS, opts.tokenTtlSeconds !== undefined ? { tokenTtlSeconds: opts.tokenTtlSeconds } : {});
	const sockets = new Set<Socket>();
	const server = http.createServer((req, res) => {
		handle(sb, req, res).catch((err: Error) => {
			if (!opts.quiet) console.error('[zoom-sandbox]', err);
			if (!res.headersSent) send(res, json(500, { code: 500, message: `Sandbox error: ${err.message}` }));
			else res.destroy();
		});
	});
	// Zoom's event-subscription WebSocket (websocket.ts) on the same port.
	server.on('upgrade', (req, socket) => sb.websockets.upgrade(req, socket));
	server.on('connection', (s) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port ?? 0, host, () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
	sb.origin = url;
	return {
		url,
		port,
		close: () =>
			new Promise<void>((resolve) => {
				sb.webhooks.reset();
				sb.websockets.reset();
				server.close(() => resolve());
				for (const s of sockets) s.destroy();
			}),
	};
}
