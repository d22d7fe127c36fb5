/**
 * All participants of a 10,000-person webinar through the Zoom Connector node in a real n8n, against the
 * sandbox enforcing Zoom's documented per-second limits for a plan (https://developers.zoom.us/docs/api/rate-limits/),
 * with and without injected 429s. Free by default: Medium 2/s, so the floor ((pages − a second's burst) ÷ rate) dominates the
 * machine's noise. The figure that matters is time ÷ floor (target ≤ 1.15) and pages failed (target 0), with
 * the credential's Zoom Plan set to the account's plan. A last run shows a credential left at the default
 * plan (Pro) on a Free account: the pace then comes from Zoom's per-second 429s alone.
 */
import axios from 'axios';
import { readFileSync } from 'node:fs';

import { sandboxCredentialData } from '../test/harness/setup';
import { NodeWorkflow, PKG } from '../test/harness/workflows';
import { PLAN_RATES, type ZoomPlan } from 'n8n-nodes-zoom-connector/nodes/shared/transport/rateLimit';
import { benchmarkInN8n } from './common';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 10_000);
const PLAN = (process.env.BENCH_PLAN ?? 'free') as ZoomPlan;
const RATE = PLAN_RATES[PLAN].Medium;
const PAGE = 300;

function peakRssMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

benchmarkInN8n(async (env) => {
	const sandbox = axios.create({ baseURL: env.sandbox.url, validateStatus: () => true });
	await sandbox.post('/_sandbox/config', { plan: PLAN });
	const seeded = await sandbox.post('/_sandbox/scenario', {
		webinars: [{ topic: 'Benchmark webinar', ended: { participants: PARTICIPANTS, rejoinFraction: 0 } }],
	});
	const webinarId = seeded.data.webinars[0].id;
	const participantsWorkflow = async (zoomPlan: ZoomPlan) => {
		const name = `Zoom sandbox (Server-to-Server, ${zoomPlan})`;
		const id = await env.n8n.createCredential(name, 'zoomConnectorServerToServerOAuthApi', {
			...sandboxCredentialData(env.sandbox.url).s2s,
			zoomPlan,
		});
		return new NodeWorkflow(env.n8n, [
			{
				name: 'Zoom',
				type: `${PKG}.zoomConnector`,
				parameters: {
					authentication: 'zoomConnectorServerToServerOAuthApi',
					resource: 'pastSession',
					operation: 'getParticipants',
					sessionType: 'webinar',
					sessionId: String(webinarId),
					returnAll: true,
				},
				credentials: { zoomConnectorServerToServerOAuthApi: { id, name } },
			},
		]);
	};
	const workflow = await participantsWorkflow(PLAN);
	// Warm-up: loads the node, fetches the token, checks the count.
	const warm = await workflow.run();
	const rows = warm.json('Zoom').length;
	if (warm.nodes.Zoom.error || rows !== PARTICIPANTS) {
		throw new Error(`warm-up returned ${rows} rows: ${JSON.stringify(warm.nodes.Zoom.error)}`);
	}
	const pages = Math.ceil(PARTICIPANTS / PAGE);
	// What the limit allows: a second's burst of RATE pages at once (the sandbox's bucket starts full), the rest at RATE/s.
	const floor = Math.max(0, pages - RATE) / RATE;
	console.log(
		`webinar of ${PARTICIPANTS} participants, ${pages} pages of ${PAGE}, sandbox on Zoom's ${PLAN} plan: Medium ${RATE}/s → floor (${pages} − ${RATE} burst) ÷ ${RATE}/s = ${floor.toFixed(2)} s`,
	);

	const measure = async (label: string, run: NodeWorkflow, injected: number) => {
		// Let the sandbox's bucket refill, so each run starts from the same state.
		await new Promise((r) => setTimeout(r, 2000));
		await sandbox.delete('/_sandbox/requests');
		if (injected) {
			await sandbox.post('/_sandbox/faults', { method: 'GET', path: '/v2/past_webinars', kind: 'status', status: 429, count: injected, retryAfter: 1 });
		}
		const result = await run.run();
		const node = result.execution.data.resultData.runData.Zoom[0];
		const seconds = node.executionTime / 1000;
		const log: Array<{ path: string; status: number }> = (await sandbox.get('/_sandbox/requests')).data;
		const calls = log.filter((r) => r.path.startsWith('/v2/past_webinars'));
		const tooMany = calls.filter((r) => r.status === 429).length;
		const failedPages = result.nodes.Zoom.error ? 1 : 0;
		const mandatedWait = injected * 1;
		console.log(
			[
				`${label}:`,
				`time in node ${seconds.toFixed(2)} s`,
				`floor ${floor.toFixed(2)} s${mandatedWait ? ` (+${mandatedWait} s Retry-After = ${(floor + mandatedWait).toFixed(2)} s)` : ''}`,
				`ratio ${(seconds / floor).toFixed(3)}${mandatedWait ? ` (${(seconds / (floor + mandatedWait)).toFixed(3)} against floor + Retry-After)` : ''}`,
				`rows ${result.json('Zoom').length}`,
				`requests ${calls.length}`,
				`429s seen ${tooMany} (provoked by pacing: ${tooMany - injected})`,
				`pages failed ${failedPages}`,
			].join(' | '),
		);
	};

	await measure(`credential plan ${PLAN}, no injected 429s`, workflow, 0);
	await measure(`credential plan ${PLAN}, with 3 injected 429s (Retry-After 1 s)`, workflow, 3);
	if (PLAN !== 'pro') await measure('credential left at Pro on this account (pace from per-second 429s only)', await participantsWorkflow('pro'), 0);
	console.log(`peak RSS of the n8n process: ${peakRssMb(env.n8n.state.pid).toFixed(0)} MB`);
});
