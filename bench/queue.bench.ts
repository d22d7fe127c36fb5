/**
 * n8n in queue mode (PostgreSQL, Redis, main + 2 workers + a webhook processor): a burst of signed
 * Zoom deliveries, 20 % of them copies, spread over main and the webhook processor, into the Zoom
 * Connector Trigger and, interleaved on the same processes in the same run, into n8n's own Webhook
 * node (the baseline). Prints deliveries per second held, ack p50/p99 of each and their ratio, and
 * checks that every event was emitted exactly once.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';

import { settledExecutions } from '../test/harness/queue';
import { postSigned } from '../test/harness/signedDelivery';
import { readRun } from '../test/harness/workflows';
import { benchmarkInN8n, percentile } from './common';

const EVENTS = Number(process.env.BENCH_QUEUE_EVENTS ?? 300);
const IN_FLIGHT = Number(process.env.BENCH_QUEUE_IN_FLIGHT ?? 20);
const PKG = 'n8n-nodes-zoom-connector';

benchmarkInN8n(
	async (env) => {
		const n8n = env.n8n;
		const webhookProcessor = env.state.queue?.webhookUrl;
		if (!webhookProcessor) throw new Error('queue mode did not start a webhook processor');
		const noOp = { id: randomUUID(), name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} };

		const triggerHook = randomUUID();
		const trigger = await n8n.createWorkflow({
			name: 'queue bench: Zoom Connector Trigger',
			nodes: [
				{ id: randomUUID(), name: 'Zoom', type: `${PKG}.zoomConnectorTrigger`, typeVersion: 1, position: [0, 0], webhookId: triggerHook, parameters: { path: 'zoom', events: ['*'] }, credentials: { zoomConnectorWebhookApi: env.state.credentials.webhook } },
				noOp,
			],
			connections: { Zoom: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		});
		const baselinePath = `queue-baseline-${randomUUID().slice(0, 8)}`;
		const baseline = await n8n.createWorkflow({
			name: 'queue bench: Webhook node',
			nodes: [
				{ id: randomUUID(), name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: randomUUID(), parameters: { httpMethod: 'POST', path: baselinePath, responseMode: 'onReceived' } },
				noOp,
			],
			connections: { Webhook: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		});
		await n8n.activate(trigger);
		await n8n.activate(baseline);
		const processes = [n8n.state.url, webhookProcessor];
		const triggerUrls = processes.map((base) => `${base}/webhook/${triggerHook}/zoom`);
		const baselineUrls = processes.map((base) => `${base}/webhook/${baselinePath}`);
		for (const url of [...triggerUrls, ...baselineUrls]) {
			for (let tries = 0; (await postSigned(url, '{}', { secret: 'not-the-secret-token-x' })).status === 404 && tries < 100; tries++) {
				await new Promise((resolve) => setTimeout(resolve, 200));
			}
		}

		// Each event once to one process; every fifth also to the other at the same moment (a copy).
		const now = Date.now();
		const sends: Array<{ kind: 'trigger' | 'baseline'; url: string; body: string }> = [];
		for (let i = 0; i < EVENTS; i++) {
			const body = JSON.stringify({
				event: 'meeting.participant_joined',
				event_ts: now - i,
				payload: { account_id: 'bench', object: { id: '85746065432', uuid: 'benchUuid==', host_id: 'h', topic: 'Bench', participant: { user_id: `u${i}`, user_name: `P ${i}`, email: `p${i}@example.com` } } },
			});
			sends.push({ kind: 'trigger', url: triggerUrls[i % 2], body }, { kind: 'baseline', url: baselineUrls[i % 2], body });
			if (i % 4 === 0) sends.push({ kind: 'trigger', url: triggerUrls[(i + 1) % 2], body }, { kind: 'baseline', url: baselineUrls[(i + 1) % 2], body });
		}

		const latencies: Record<'trigger' | 'baseline', number[]> = { trigger: [], baseline: [] };
		const failures: string[] = [];
		let next = 0;
		const started = performance.now();
		await Promise.all(
			Array.from({ length: IN_FLIGHT }, async () => {
				while (next < sends.length) {
					const send = sends[next++];
					const t0 = performance.now();
					const response = await postSigned(send.url, send.body);
					latencies[send.kind].push(performance.now() - t0);
					if (response.status !== 200) failures.push(`${send.kind} ${response.status}`);
				}
			}),
		);
		const seconds = (performance.now() - started) / 1000;

		const services = env.state.queue!.services;
		const triggerRuns = await settledExecutions(n8n, services, trigger, { timeoutMs: 600_000 });
		await settledExecutions(n8n, services, baseline, { timeoutMs: 600_000 });
		const emitted = triggerRuns.flatMap((e) => readRun(e).Done?.outputs[0] ?? []);
		const perEvent = new Map<string, number>();
		for (const item of emitted) perEvent.set(item.participantEmail, (perEvent.get(item.participantEmail) ?? 0) + 1);
		const exactlyOnce = perEvent.size === EVENTS && [...perEvent.values()].every((count) => count === 1);

		const t = latencies.trigger;
		const b = latencies.baseline;
		console.log(`queue mode: main + 2 workers + webhook processor, PostgreSQL, Redis; load average ${loadavg()[0].toFixed(1)} (2 cores)`);
		console.log(`  ${sends.length} requests (${EVENTS} events x 2 workflows, +20 % copies), ${IN_FLIGHT} in flight, over main and the webhook processor`);
		console.log(`  held ${(sends.length / seconds).toFixed(1)} requests/s for ${seconds.toFixed(1)} s; ${failures.length} not answered 200${failures.length ? `: ${failures.slice(0, 5).join(', ')}` : ''}`);
		console.log(`  ack p50 / p99: Zoom Connector Trigger ${percentile(t, 50).toFixed(0)} / ${percentile(t, 99).toFixed(0)} ms; Webhook node ${percentile(b, 50).toFixed(0)} / ${percentile(b, 99).toFixed(0)} ms`);
		console.log(`  ratio trigger / Webhook node: p50 ${(percentile(t, 50) / percentile(b, 50)).toFixed(2)}x, p99 ${(percentile(t, 99) / percentile(b, 99)).toFixed(2)}x`);
		console.log(`  emitted: ${emitted.length} items for ${EVENTS} events; each exactly once: ${exactlyOnce ? 'yes' : 'NO'}`);
		if (!exactlyOnce || failures.length) process.exitCode = 1;
	},
	{ queue: { workers: 2 } },
);
