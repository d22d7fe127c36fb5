/**
 * Issue #27's benchmark: capacity at steady state. In one n8n (main mode; BENCH_QUEUE=1: queue mode,
 * main + 2 workers + a webhook processor, PostgreSQL, Redis), the Zoom Connector Trigger's once-only
 * memory is first filled to the size it keeps in steady state (LEDGER_MAX_ENTRIES, bench/memoryFill.ts),
 * then, for the trigger and for n8n's Webhook node with header auth, in the same run:
 *
 * 1. Capacity: the highest rate (steps of ×1.25 from BENCH_START_RATE) at which ack p99 stays under
 *    Zoom's 3 s, the rate is kept, every delivery is acknowledged and each event reaches the next node
 *    exactly once (BENCH_CAPACITY_PROBE deliveries per step, 10 % of them copies for the trigger).
 * 2. p50/p99 of both at half the header-auth node's capacity (BENCH_CAPACITY_HALF deliveries each).
 *
 * Targets: trigger capacity ≥ 0.9× the header-auth node's; trigger p99 at half capacity ≤ 1.5× its.
 * The cost per claim with a full memory against an empty one is bench/ledger.bench.ts.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';

import { LEDGER_MAX_ENTRIES } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/deliveries';
import { benchmarkInN8n, n8nEnv, settingsLabel } from './common';
import {
	BENCH_AUTH_HEADER,
	BENCH_AUTH_VALUE,
	describe,
	emissionCounts,
	figures,
	participantJoined,
	searchRate,
	sendAtRate,
	startHttpTarget,
	triggerWorkflow,
	untilRegistered,
	untilSettled,
	webhookWorkflow,
	withCopies,
	ZOOM_ACK_LIMIT_MS,
	type Figures,
	type HttpTarget,
} from './load';
import { fillMemory } from './memoryFill';

const QUEUE = process.env.BENCH_QUEUE === '1';
const PROBE = Number(process.env.BENCH_CAPACITY_PROBE ?? 250);
const HALF = Number(process.env.BENCH_CAPACITY_HALF ?? 500);
const START_RATE = Number(process.env.BENCH_START_RATE ?? 3);
const MAX_STEPS = Number(process.env.BENCH_CAPACITY_STEPS ?? 10);
/** The memory's size when measuring: its steady state by default; 0 measures with it empty, to compare. */
const MEMORY_ENTRIES = Number(process.env.BENCH_MEMORY_ENTRIES ?? LEDGER_MAX_ENTRIES);
const IN_FLIGHT = 20;

const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
type Name = 'trigger' | 'auth';

benchmarkInN8n(
	async (env) => {
		const target = await startHttpTarget();
		try {
			const n8n = env.n8n;
			const bases = QUEUE ? [n8n.state.url, env.state.queue!.webhookUrl] : [n8n.state.url];
			const headerCredential = await n8n.createCredential('bench header auth', 'httpHeaderAuth', { name: BENCH_AUTH_HEADER, value: BENCH_AUTH_VALUE });
			const hook = randomUUID();
			const authPath = `capacity-${randomUUID().slice(0, 8)}`;
			const triggerDefinition = triggerWorkflow('capacity: Zoom Connector Trigger', hook, env.state.credentials.webhook, target.urlFor('trigger'));
			const workflows = {
				trigger: await n8n.createWorkflow(triggerDefinition),
				auth: await n8n.createWorkflow(webhookWorkflow('capacity: Webhook node, header auth', authPath, target.urlFor('auth'), { id: headerCredential, name: 'bench header auth' })),
			};
			for (const id of Object.values(workflows)) await n8n.activate(id);
			const paths: Record<Name, string> = { trigger: `webhook/${hook}/zoom`, auth: `webhook/${authPath}` };
			const urlOf = (name: Name) => (i: number) => `${bases[i % bases.length]}/${paths[name]}`;
			for (const name of ['trigger', 'auth'] as const) await untilRegistered(bases.map((_, i) => urlOf(name)(i)));

			const where = QUEUE ? { services: env.state.queue!.services } : { userFolder: n8n.state.userFolder };
			const filled = fillMemory(where, workflows.trigger, triggerDefinition.nodes[0].id, MEMORY_ENTRIES);
			console.log(`n8n ${QUEUE ? 'queue mode (main + 2 workers + webhook processor)' : 'main mode'} (${settingsLabel()}); ${IN_FLIGHT} in flight at most; load average ${load()} (2 cores, shared)`);
			console.log(`the trigger's memory filled to ${filled} entries before measuring (steady state: LEDGER_MAX_ENTRIES = ${LEDGER_MAX_ENTRIES})`);

			const tag = randomUUID().slice(0, 6);
			const capacity = {} as Record<Name, number>;
			for (const name of ['auth', 'trigger'] as const) {
				capacity[name] = await findCapacity(name, urlOf(name), target, tag);
				console.log(`capacity of ${label(name)}: ${capacity[name].toFixed(2)} deliveries/s`);
			}

			const half = capacity.auth / 2;
			const atHalf = {} as Record<Name, Figures>;
			for (const name of ['auth', 'trigger'] as const) {
				const deliveries = Array.from({ length: HALF }, (_, i) => participantJoined(i, `${tag}half${name}`));
				atHalf[name] = figures(await sendAtRate(deliveries, urlOf(name), { rate: half, maxInFlight: IN_FLIGHT }));
				await untilSettled(() => target.received(name).length);
				console.log(`at half the header-auth node's capacity (${half.toFixed(2)}/s), ${label(name)}: ${describe(atHalf[name])}`);
			}
			const capacityRatio = capacity.trigger / capacity.auth;
			const p99Ratio = atHalf.trigger.p99 / atHalf.auth.p99;
			console.log(
				`summary (${QUEUE ? 'queue' : 'main'} mode, memory ${filled} entries): capacity trigger ${capacity.trigger.toFixed(2)}/s, header auth ${capacity.auth.toFixed(2)}/s (${capacityRatio.toFixed(2)}×, target ≥ 0.9×); ` +
					`at ${half.toFixed(2)}/s p50/p99 ms: trigger ${atHalf.trigger.p50.toFixed(0)}/${atHalf.trigger.p99.toFixed(0)}, header auth ${atHalf.auth.p50.toFixed(0)}/${atHalf.auth.p99.toFixed(0)} (p99 ${p99Ratio.toFixed(2)}×, target ≤ 1.5×); load average ${load()}`,
			);
			const met = capacityRatio >= 0.9 && p99Ratio <= 1.5;
			console.log(met ? 'targets met' : 'TARGETS NOT MET');
			if (!met) process.exitCode = 1;
		} finally {
			await target.close();
		}
	},
	{ n8n: { env: n8nEnv() }, ...(QUEUE ? { queue: { workers: 2 } } : {}) },
);

const label = (name: Name) => ({ auth: "n8n's Webhook node with header auth", trigger: 'the Zoom Connector Trigger' })[name];

/**
 * The highest step (×1.25) at which p99 < 3 s, 95 % of the rate is kept, every delivery is acknowledged
 * in time and each event reaches the next node once. Each step waits for its runs to finish, so no
 * step inherits another's backlog; the first step that fails ends the search (or steps down first).
 */
async function findCapacity(name: Name, urlOf: (i: number) => string, target: HttpTarget, tag: string): Promise<number> {
	return await searchRate(START_RATE, { maxSteps: MAX_STEPS, floor: 0.5 }, async (rate, step) => {
		const distinct = Array.from({ length: PROBE }, (_, i) => participantJoined(i, `${tag}${name}${step}`));
		const sends = name === 'trigger' ? withCopies(distinct, Math.round(PROBE / 10)) : distinct;
		const before = target.received(name).length;
		const result = figures(await sendAtRate(sends, urlOf, { rate, maxInFlight: IN_FLIGHT }));
		// A loaded machine can leave runs queued for seconds: wait for a longer quiet than the load bench.
		await untilSettled(() => target.received(name).length, { quietMs: 15_000 });
		const once = emissionCounts(target.received(name).slice(before), distinct);
		const holds = result.p99 < ZOOM_ACK_LIMIT_MS && result.rate >= 0.95 * rate && result.notDelivered === 0 && once.twice === 0 && once.missing === 0;
		console.log(`  ${name} at ${rate.toFixed(2)}/s: ${describe(result)}; ${once.twice} doubled, ${once.missing} missing → ${holds ? 'holds' : 'does not hold'}`);
		return holds;
	});
}
