/**
 * Issue #21's queue-mode benchmark: the highest rate this machine holds for 10 minutes with nothing
 * lost or duplicated (main + 2 workers + 1 webhook processor, PostgreSQL, Redis), and the trigger's
 * ack p50/p99 against n8n's Webhook node at that rate, in the same run.
 *
 * Each workflow (the Zoom Connector Trigger, and n8n's Webhook node) ends in an HTTP Request node and
 * gets the same rate, interleaved, spread over main and the webhook processor; every fifth trigger
 * event is also sent as a copy to the other process. A rate "holds" when every request is answered
 * 200 within Zoom's 3 s, the rate is kept, and the workers keep up: once sending stops, the runs still
 * queued finish within BACKLOG_LIMIT_S. Probes of PROBE_S find the rate (steps of ×1.25); then it is
 * held for HOLD_S; then Zoom's retries, then each trigger event must have reached the next node once.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';

import { benchmarkInN8n, percentile } from './common';
import {
	deliveredForZoom,
	describe,
	emissionCounts,
	participantJoined,
	retryAsZoom,
	searchRate,
	sendAtRate,
	startHttpTarget,
	triggerWorkflow,
	untilSettled,
	webhookWorkflow,
	type Delivery,
	type LoadResult,
} from './load';

const PROBE_S = Number(process.env.BENCH_PROBE_SECONDS ?? 60);
const HOLD_S = Number(process.env.BENCH_HOLD_SECONDS ?? 600);
const START_RATE = Number(process.env.BENCH_START_RATE ?? 2);
const BACKLOG_LIMIT_S = 15;
const IN_FLIGHT = 20;

type Kind = 'trigger' | 'baseline';
interface Plan {
	sends: Delivery[];
	kinds: Kind[];
	urls: string[];
	triggerEvents: Delivery[];
}

benchmarkInN8n(
	async (env) => {
		const n8n = env.n8n;
		const webhookProcessor = env.state.queue?.webhookUrl;
		if (!webhookProcessor) throw new Error('queue mode did not start a webhook processor');
		const target = await startHttpTarget();
		try {
			const triggerHook = randomUUID();
			const baselinePath = `sustained-${randomUUID().slice(0, 8)}`;
			const trigger = await n8n.createWorkflow(triggerWorkflow('sustained: Zoom Connector Trigger', triggerHook, env.state.credentials.webhook, target.urlFor('trigger')));
			const baseline = await n8n.createWorkflow(webhookWorkflow('sustained: Webhook node', baselinePath, target.urlFor('baseline')));
			await n8n.activate(trigger);
			await n8n.activate(baseline);
			const processes = [n8n.state.url, webhookProcessor];
			const urls: Record<Kind, string[]> = {
				trigger: processes.map((base) => `${base}/webhook/${triggerHook}/zoom`),
				baseline: processes.map((base) => `${base}/webhook/${baselinePath}`),
			};
			for (const url of [...urls.trigger, ...urls.baseline]) {
				for (let tries = 0; tries < 100; tries++) {
					const response = await fetch(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
					if (response.status !== 404) break;
					await new Promise((resolve) => setTimeout(resolve, 200));
				}
			}
			console.log(`queue mode: main + 2 workers + webhook processor, PostgreSQL, Redis; load average ${load()} (2 cores)`);

			/** `seconds` of load at `rate` per workflow: trigger and baseline interleaved, +20 % trigger copies. */
			const plan = (rate: number, seconds: number, tag: string): Plan => {
				const events = Math.round(rate * seconds);
				const result: Plan = { sends: [], kinds: [], urls: [], triggerEvents: [] };
				for (let i = 0; i < events; i++) {
					const event = participantJoined(i, tag);
					result.triggerEvents.push(event);
					const add = (kind: Kind, process: number) => {
						result.sends.push(event);
						result.kinds.push(kind);
						result.urls.push(urls[kind][process % 2]);
					};
					add('trigger', i);
					add('baseline', i);
					if (i % 5 === 4) add('trigger', i + 1);
				}
				return result;
			};
			const run = async (rate: number, seconds: number, tag: string) => {
				const p = plan(rate, seconds, tag);
				const sent = { trigger: target.received('trigger').length, baseline: target.received('baseline').length };
				// The offered rate counts every request: both workflows and the copies.
				const result = await sendAtRate(p.sends, (i) => p.urls[i], { rate: (rate * p.sends.length) / p.triggerEvents.length, maxInFlight: IN_FLIGHT });
				const stopped = performance.now();
				await untilSettled(() => target.received('trigger').length + target.received('baseline').length, { quietMs: 3000, timeoutMs: 900_000 });
				const backlogSeconds = (performance.now() - stopped) / 1000 - 3;
				return { p, result, backlogSeconds, sent };
			};

			// The rate.
			const best = await searchRate(START_RATE, { maxSteps: 10, floor: 0.3 }, async (rate, step) => {
				const { p, result, backlogSeconds } = await run(rate, PROBE_S, `probe${step}`);
				const f = byKind(result, p);
				const holds =
					result.outcomes.every(deliveredForZoom) && result.sendRate >= 0.95 * ((rate * p.sends.length) / p.triggerEvents.length) && backlogSeconds <= BACKLOG_LIMIT_S;
				console.log(`  probe ${rate.toFixed(2)}/s per workflow (${result.achievedRate.toFixed(1)} requests/s): trigger ${describe(f.trigger)}; Webhook node ${describe(f.baseline)}; runs finished ${backlogSeconds.toFixed(0)} s after the last request → ${holds ? 'holds' : 'does not hold'}`);
				return holds;
			});
			if (best === 0) throw new Error('no rate held in the probes');

			// The hold.
			console.log(`holding ${best.toFixed(2)} events/s per workflow for ${HOLD_S} s …`);
			const { p, result, backlogSeconds } = await run(best, HOLD_S, `hold${randomUUID().slice(0, 6)}`);
			const f = byKind(result, p);
			const failed = result.outcomes.filter((o) => !deliveredForZoom(o));
			console.log(`hold: ${result.outcomes.length} requests in ${result.seconds.toFixed(0)} s (${result.achievedRate.toFixed(2)} requests/s), ${failed.length} not delivered by Zoom's rule; runs finished ${backlogSeconds.toFixed(0)} s after the last request; load ${load()}`);
			console.log(`  Zoom Connector Trigger: ${describe(f.trigger)}`);
			console.log(`  n8n's Webhook node:     ${describe(f.baseline)}`);
			const ratio = `p50 ${(f.trigger.p50 / f.baseline.p50).toFixed(2)}×, p99 ${(f.trigger.p99 / f.baseline.p99).toFixed(2)}×`;
			console.log(`  ratio trigger ÷ Webhook node: ${ratio}`);
			await retryAsZoom(failed.filter((o) => p.kinds[o.index] === 'trigger').map((o) => o.delivery), (i) => urls.trigger[i % 2], () => target.received('trigger').length, best);
			const once = emissionCounts(target.received('trigger'), p.triggerEvents);
			const baselineEvents = new Set(target.received('baseline'));
			const baselineMissing = p.triggerEvents.filter((e) => !baselineEvents.has(e.eventId)).length;
			console.log(`  trigger: ${p.triggerEvents.length} events (+${p.kinds.filter((k) => k === 'trigger').length - p.triggerEvents.length} copies): ${once.twice} emitted more than once, ${once.missing} never; Webhook node: ${baselineMissing} events never reached its next node`);
			// Held: once Zoom's retries are in, nothing lost or doubled, and the workers kept up. A request
			// answered late is counted above (Zoom retries it), not taken as a loss.
			const held = once.twice === 0 && once.missing === 0 && backlogSeconds <= BACKLOG_LIMIT_S;
			console.log(
				`summary: queue mode held ${best.toFixed(2)} events/s per workflow (${result.achievedRate.toFixed(2)} requests/s in all) for ${result.seconds.toFixed(0)} s: ${held ? 'nothing lost or duplicated' : 'NOT HELD'} (${failed.length} answered late or not 200 and retried as Zoom does); ` +
					`trigger p50/p99 ${f.trigger.p50.toFixed(0)}/${f.trigger.p99.toFixed(0)} ms, Webhook node ${f.baseline.p50.toFixed(0)}/${f.baseline.p99.toFixed(0)} ms; ratio ${ratio}`,
			);
			if (!held) process.exitCode = 1;
		} finally {
			await target.close();
		}
	},
	{ queue: { workers: 2 } },
);

const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

/** Figures per workflow from one interleaved run. */
function byKind(result: LoadResult, p: Plan) {
	const of = (kind: Kind) => {
		const outcomes = result.outcomes.filter((o) => p.kinds[o.index] === kind);
		const latencies = outcomes.map((o) => o.latencyMs);
		return {
			rate: outcomes.length / result.seconds,
			p50: percentile(latencies, 50),
			p99: percentile(latencies, 99),
			notDelivered: outcomes.filter((o) => !deliveredForZoom(o)).length,
		};
	};
	return { trigger: of('trigger'), baseline: of('baseline') };
}
