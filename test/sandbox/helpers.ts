/** Shared by the sandbox conformance tests: a sandbox on a free port and axios clients for it. */
import axios from 'axios';
import type { AxiosInstance } from 'axios';
import { SANDBOX_DEFAULTS, startSandbox } from '../../sandbox';
import type { RunningSandbox, SandboxOptions } from '../../sandbox';

export { SANDBOX_DEFAULTS };

export interface Harness {
	sandbox: RunningSandbox;
	/** Control API and raw requests; never throws on HTTP status. */
	http: AxiosInstance;
	/** `/v2` client with a bearer token. */
	api(token: string): AxiosInstance;
	control<T = any>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T>;
	/** A fresh S2S token with all scopes (or the given ones). */
	token(opts?: { kind?: 'oauth' | 's2s'; scopes?: string[]; ttlSeconds?: number }): Promise<string>;
}

export async function startHarness(opts: SandboxOptions = {}): Promise<Harness> {
	const sandbox = await startSandbox({ port: 0, quiet: true, ...opts });
	const http = axios.create({ baseURL: sandbox.url, validateStatus: () => true, maxRedirects: 0 });
	const control = async (method: string, path: string, body?: unknown) => {
		const res = await http.request({ method, url: `/_sandbox${path}`, data: body });
		if (res.status !== 200) throw new Error(`control ${method} ${path} → ${res.status} ${JSON.stringify(res.data)}`);
		return res.data;
	};
	return {
		sandbox,
		http,
		api: (token) => axios.create({ baseURL: `${sandbox.url}/v2`, validateStatus: () => true, maxRedirects: 0, headers: { Authorization: `Bearer ${token}` } }),
		control,
		token: async (o = {}) => (await control('POST', '/tokens', { kind: o.kind ?? 's2s', scopes: o.scopes, ttlSeconds: o.ttlSeconds })).access_token,
	};
}

export const basic = (id: string, secret: string): string => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

/** Zoom's rule: encode a UUID twice if it starts with "/" or contains "//". */
export const encodeUuid = (uuid: string, times: 1 | 2): string => (times === 2 ? encodeURIComponent(encodeURIComponent(uuid)) : encodeURIComponent(uuid));
