/**
 * All participants of a 10,000-person webinar through the Zoom Connector node in a real n8n, against the
 * sandbox enforcing a Medium limit, with and without injected 429s. The floor is what the limit allows
 * (pages ÷ rate); the figure that matters is time ÷ floor (target ≤ 1.15) and pages failed (target 0).
 * The Medium limit is scaled down (BENCH_MEDIUM_RATE, default 5/s) so that the floor, not the machine's
 * noise, dominates.
 */
import axios from 'axios';
import { readFileSync } from 'node:fs';

import { NodeWorkflow, PKG } from '../test/harness/workflows';
import { benchmarkInN8n } from './common';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 10_000);
const RATE = Number(process.env.BENCH_MEDIUM_RATE ?? 5);
const PAGE = 300;

function peakRssMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

benchmarkInN8n(async (env) => {
	const sandbox = axios.create({ baseURL: env.sandbox.url, validateStatus: () => true });
	const seeded = await sandbox.post('/_sandbox/scenario', {
		webinars: [{ topic: 'Benchmark webinar', ended: { participants: PARTICIPANTS, rejoinFraction: 0 } }],
	});
	const webinarId = seeded.data.webinars[0].id;
	const workflow = new NodeWorkflow(env.n8n, [
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
			credentials: { zoomConnectorServerToServerOAuthApi: env.state.credentials.s2s },
		},
	]);
	// Warm-up at full speed: loads the node, fetches the token, checks the count.
	const warm = await workflow.run();
	const rows = warm.json('Zoom').length;
	if (warm.nodes.Zoom.error || rows !== PARTICIPANTS) {
		throw new Error(`warm-up returned ${rows} rows: ${JSON.stringify(warm.nodes.Zoom.error)}`);
	}
	await sandbox.post('/_sandbox/config', { rateLimits: { Medium: RATE } });
	const pages = Math.ceil(PARTICIPANTS / PAGE);
	const floor = pages / RATE;
	console.log(`webinar of ${PARTICIPANTS} participants, ${pages} pages of ${PAGE}, Medium limit ${RATE}/s → floor ${floor.toFixed(2)} s`);

	for (const injected of [0, 3]) {
		// Let the sandbox's bucket refill, so each run starts from the same state.
		await new Promise((r) => setTimeout(r, 2000));
		await sandbox.delete('/_sandbox/requests');
		if (injected) {
			await sandbox.post('/_sandbox/faults', { method: 'GET', path: '/v2/past_webinars', kind: 'status', status: 429, count: injected, retryAfter: 1 });
		}
		const run = await workflow.run();
		const node = run.execution.data.resultData.runData.Zoom[0];
		const seconds = node.executionTime / 1000;
		const log: Array<{ path: string; status: number }> = (await sandbox.get('/_sandbox/requests')).data;
		const calls = log.filter((r) => r.path.startsWith('/v2/past_webinars'));
		const tooMany = calls.filter((r) => r.status === 429).length;
		const failedPages = run.nodes.Zoom.error ? 1 : 0;
		const mandatedWait = injected * 1;
		console.log(
			[
				`${injected ? `with ${injected} injected 429s (Retry-After 1 s)` : 'no injected 429s'}:`,
				`time in node ${seconds.toFixed(2)} s`,
				`floor ${floor.toFixed(2)} s${mandatedWait ? ` (+${mandatedWait} s Retry-After = ${(floor + mandatedWait).toFixed(2)} s)` : ''}`,
				`ratio ${(seconds / floor).toFixed(3)}${mandatedWait ? ` (${(seconds / (floor + mandatedWait)).toFixed(3)} against floor + Retry-After)` : ''}`,
				`rows ${run.json('Zoom').length}`,
				`requests ${calls.length}`,
				`429s seen ${tooMany} (provoked by pacing: ${tooMany - injected})`,
				`pages failed ${failedPages}`,
			].join(' | '),
		);
	}
	console.log(`peak RSS of the n8n process: ${peakRssMb(env.n8n.state.pid).toFixed(0)} MB`);
});
