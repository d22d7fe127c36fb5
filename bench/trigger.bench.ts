/**
 * Ack latency of signed Zoom deliveries into a real n8n: the Zoom Connector Trigger (signature check,
 * replay window, event filter, dedupe) beside n8n's plain Webhook node, on the same requests in the
 * same run, interleaved so all see the same machine, and beside the Webhook node with header auth (a
 * credential, as this trigger has). All answer at once; the figures that matter are the ratios
 * (target: ≤ 1.05 at p50, p99 far below Zoom's 3 s).
 */
import axios from 'axios';
import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import { loadavg } from 'node:os';

import { SANDBOX_DEFAULTS } from '../sandbox';
import { benchmarkInN8n, n8nEnv, percentile, settingsLabel } from './common';

const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 300);
const WARMUP = 30;
const PKG = 'n8n-nodes-zoom-connector';

function delivery(i: number): { body: string; headers: Record<string, string> } {
	const body = JSON.stringify({
		event: 'meeting.participant_joined',
		event_ts: Date.now(),
		payload: {
			account_id: 'sandbox-account',
			object: {
				id: '85746065432',
				uuid: 'aDYlohsHRtCd4ii1uC2+hA==',
				host_id: 'KDcuGIm1QgePTO8WbOqwIQ',
				topic: 'Benchmark',
				type: 2,
				start_time: new Date().toISOString().slice(0, 19) + 'Z',
				timezone: 'UTC',
				duration: 60,
				participant: { user_id: String(16778240 + i), user_name: `Participant ${i}`, id: '', join_time: new Date().toISOString(), email: `participant${i}@example.com` },
			},
		},
	});
	const timestamp = String(Math.floor(Date.now() / 1000));
	const signature = createHmac('sha256', SANDBOX_DEFAULTS.webhookSecretToken).update(`v0:${timestamp}:${body}`).digest('hex');
	return {
		body,
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'user-agent': 'Zoom Marketplace/1.0a',
			'x-zm-request-timestamp': timestamp,
			'x-zm-signature': `v0=${signature}`,
			'x-bench-auth': 'x',
			'x-zm-trackingid': `v=2.0;clid=us02;rid=WEB_${randomUUID().replace(/-/g, '')}`,
		},
	};
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

async function post(url: string, request: { body: string; headers: Record<string, string> }): Promise<number> {
	const started = process.hrtime.bigint();
	const response = await axios.post(url, request.body, { headers: request.headers, httpAgent: agent, validateStatus: () => true, transformRequest: (d) => d });
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(response.data)}`);
	return ms;
}

benchmarkInN8n(async (env) => {
	const zoomHook = randomUUID();
	const plainHook = randomUUID();
	const noOp = (x: number) => ({ id: randomUUID(), name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [x, 0], parameters: {} });
	const zoomWorkflow = await env.n8n.createWorkflow({
		name: 'bench zoom trigger',
		nodes: [
			{ id: randomUUID(), name: 'Zoom', type: `${PKG}.zoomConnectorTrigger`, typeVersion: 1, position: [0, 0], webhookId: zoomHook, parameters: { path: 'zoom', events: ['*'] }, credentials: { zoomConnectorWebhookApi: env.state.credentials.webhook } },
			noOp(250),
		],
		connections: { Zoom: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
	});
	// A second baseline: the same Webhook node guarded by header auth. Loading its credential makes n8n
	// take an expression isolate during the request, which n8n also does (before calling webhook()) for
	// every start node other than its own Webhook node: see the trigger row in docs/BENCHMARKS.md.
	const authHook = randomUUID();
	const headerCredential = await env.n8n.createCredential('bench header auth', 'httpHeaderAuth', { name: 'x-bench-auth', value: 'x' });
	const authWorkflow = await env.n8n.createWorkflow({
		name: 'bench webhook with header auth',
		nodes: [
			{ id: randomUUID(), name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: authHook, parameters: { httpMethod: 'POST', path: authHook, responseMode: 'onReceived', authentication: 'headerAuth', options: {} }, credentials: { httpHeaderAuth: { id: headerCredential, name: 'bench header auth' } } },
			noOp(250),
		],
		connections: { Webhook: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
	});
	const plainWorkflow = await env.n8n.createWorkflow({
		name: 'bench plain webhook',
		nodes: [
			{ id: randomUUID(), name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: plainHook, parameters: { httpMethod: 'POST', path: plainHook, responseMode: 'onReceived', options: {} } },
			noOp(250),
		],
		connections: { Webhook: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
	});
	await env.n8n.activate(zoomWorkflow);
	await env.n8n.activate(plainWorkflow);
	await env.n8n.activate(authWorkflow);
	const zoomUrl = `${env.n8n.state.url}/webhook/${zoomHook}/zoom`;
	const plainUrl = `${env.n8n.state.url}/webhook/${plainHook}`;
	const authUrl = `${env.n8n.state.url}/webhook/${authHook}`;
	for (let tries = 0; tries < 100; tries++) {
		const a = await axios.post(zoomUrl, '{}', { validateStatus: () => true, headers: { 'content-type': 'application/json' } });
		const b = await axios.post(plainUrl, '{}', { validateStatus: () => true });
		const c = await axios.post(authUrl, '{}', { validateStatus: () => true, headers: { 'x-bench-auth': 'x' } });
		if (a.status !== 404 && b.status !== 404 && c.status !== 404) break;
		await new Promise((r) => setTimeout(r, 200));
	}

	const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
	const loadBefore = load();
	const zoom: number[] = [];
	const plain: number[] = [];
	const authenticated: number[] = [];
	for (let i = 0; i < WARMUP + DELIVERIES; i++) {
		const request = delivery(i);
		// Alternate who goes first, so neither always lands on a machine busy with the other's execution.
		const urls = [zoomUrl, plainUrl, authUrl];
		const order = urls.map((_, k) => urls[(i + k) % urls.length]);
		for (const url of order) {
			const ms = await post(url, request);
			if (i >= WARMUP) (url === zoomUrl ? zoom : url === plainUrl ? plain : authenticated).push(ms);
		}
	}
	const row = (name: string, values: number[]) =>
		`${name}: p50 ${percentile(values, 50).toFixed(2)} ms, p99 ${percentile(values, 99).toFixed(2)} ms, max ${Math.max(...values).toFixed(2)} ms`;
	console.log(`${DELIVERIES} signed deliveries each (after ${WARMUP} warm-up), sequential, keep-alive`);
	console.log(`n8n settings: ${settingsLabel()}; load average (1/5/15 min) before ${loadBefore}, after ${load()}`);
	console.log(row("n8n's Webhook node", plain));
	console.log(row("n8n's Webhook node with header auth", authenticated));
	console.log(row('Zoom Connector Trigger', zoom));
	const ratio = (base: number[]) =>
		`p50 ${(percentile(zoom, 50) / percentile(base, 50)).toFixed(3)}, p99 ${(percentile(zoom, 99) / percentile(base, 99)).toFixed(3)}`;
	console.log(`ratio trigger ÷ plain webhook: ${ratio(plain)}`);
	console.log(`ratio trigger ÷ webhook with header auth: ${ratio(authenticated)}`);
	// One line per run, for collecting several settings into a table.
	console.log(
		`summary [${settingsLabel()}] n=${DELIVERIES} load ${loadBefore} → ${load()}: ` +
			`plain p50/p99 ${percentile(plain, 50).toFixed(1)}/${percentile(plain, 99).toFixed(1)} ms, ` +
			`header auth ${percentile(authenticated, 50).toFixed(1)}/${percentile(authenticated, 99).toFixed(1)} ms, ` +
			`trigger ${percentile(zoom, 50).toFixed(1)}/${percentile(zoom, 99).toFixed(1)} ms; ` +
			`trigger÷plain ${ratio(plain)}; trigger÷header auth ${ratio(authenticated)}`,
	);
	const executions = await env.n8n.executions(zoomWorkflow, 250);
	console.log(`executions started by the trigger (last 250 read): ${executions.length}`);
}, { n8n: { env: n8nEnv() } });
