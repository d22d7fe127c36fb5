/**
 * Zoom Attendance Match against n8n's own Merge node (combine by fields: user_email = email, keep
 * everything) on the same two inputs, in the same real n8n execution. Times are n8n's own per-node
 * execution times. Both inputs are generated inside n8n by Code nodes (not timed), from the same
 * generator the pure benchmark uses, with emails already normalised so that Merge's exact match is fair.
 * Then, in a second workflow of the same run (one execution of both would be too large for n8n to hand
 * back), the match with Include Engagement on the same rows plus about n Q&A/poll/survey rows:
 * its time against the plain match's is what engagement costs inside n8n.
 */
import { randomUUID } from 'node:crypto';

import { postToWebhook, readRun } from '../test/harness/workflows';
import { benchmarkInN8n } from './common';

const SIZES = (process.env.BENCH_SIZES ?? '5000,10000,100000').split(',').map(Number);
/** Merge's combine-by-fields grows with n × m (52 s at 10k here), so larger sizes run without it. */
const MERGE_MAX = Number(process.env.BENCH_MERGE_MAX ?? 10000);
const PKG = 'n8n-nodes-zoom-connector';

/** JS for a Code node producing n participant rows (with rejoins) or n registrations. */
function generatorCode(kind: 'participants' | 'registrations', n: number): string {
	return `
const n = ${n};
let seed = 42;
const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const start = Date.parse('2024-05-01T10:00:00Z');
const out = [];
if (${JSON.stringify(kind)} === 'registrations') {
  for (let i = 0; i < n; i++) out.push({ json: { email: 'person' + i + '@example.com', first_name: 'First' + i, last_name: 'Last' + i } });
} else {
  // 60 % of registrants attend, a third of them rejoin; the rest of the rows are unregistered or guests.
  for (let i = 0; out.length < n; i++) {
    const attendee = i < n * 0.6;
    const email = attendee ? 'person' + i + '@example.com' : (rand() < 0.5 ? 'walkin' + i + '@example.com' : '');
    const segments = attendee && rand() < 0.33 ? 2 : 1;
    let t = start + Math.floor(rand() * 600) * 1000;
    for (let s = 0; s < segments && out.length < n; s++) {
      const join = t; const leave = join + (600 + Math.floor(rand() * 3000)) * 1000;
      out.push({ json: { name: 'Person ' + i, user_email: email, join_time: new Date(join).toISOString().replace('.000', ''), leave_time: new Date(leave).toISOString().replace('.000', ''), duration: (leave - join) / 1000 } });
      t = leave + 120000;
    }
  }
}
return out;`;
}

/** JS for a Code node producing about n engagement rows as the Zoom Connector's Engagement operations give them. */
function engagementCode(n: number): string {
	return `
const out = [];
for (let i = 0; i < ${n}; i++) {
  const email = 'person' + i + '@example.com';
  if (i % 5 === 0) out.push({ json: { kind: 'question', email, name: 'Person ' + i, question: 'When?' } });
  if (i % 3 === 0) {
    out.push({ json: { kind: 'poll', email, name: '', pollId: 'p1', question: 'Buy?', answer: 'Yes' } });
    out.push({ json: { kind: 'poll', email, name: '', pollId: 'p1', question: 'Budget?', answer: '10k' } });
  }
  if (i % 10 === 0) out.push({ json: { kind: 'survey', email, name: '', question: 'Rate', answer: '5' } });
  if (i % 50 === 0) out.push({ json: { kind: 'question', email: 'outsider' + i + '@example.org', name: 'Out Sider', question: 'Replay?' } });
}
return out;`;
}

/** Participants, registrations and engagement rows into the match with Include Engagement. */
function engagementWorkflow(n: number, path: string) {
	const node = (name: string, type: string, typeVersion: number, parameters: Record<string, unknown>, y: number) => ({
		id: randomUUID(), name, type, typeVersion, parameters, position: [y === 0 && name === 'Start' ? 0 : 250, y],
	});
	const generators = [
		node('Participants', 'n8n-nodes-base.code', 2, { jsCode: generatorCode('participants', n) }, -200),
		node('Registrations', 'n8n-nodes-base.code', 2, { jsCode: generatorCode('registrations', n) }, 0),
		node('Engagement', 'n8n-nodes-base.code', 2, { jsCode: engagementCode(n) }, 200),
	];
	return {
		name: `bench attendance with engagement ${n}`,
		nodes: [
			{ ...node('Start', 'n8n-nodes-base.webhook', 2, { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} }, 0), webhookId: randomUUID() },
			...generators,
			{ ...node('Attendance Match', `${PKG}.zoomAttendanceMatch`, 2, { includeEngagement: true }, 0), position: [500, 0] },
		],
		connections: {
			Start: { main: [generators.map((g) => ({ node: g.name, type: 'main', index: 0 }))] },
			...Object.fromEntries(generators.map((g, index) => [g.name, { main: [[{ node: 'Attendance Match', type: 'main', index }]] }])),
		},
		settings: { executionOrder: 'v1' },
	};
}

/** Runs a workflow once through its webhook and reads its execution back. */
async function runOnce(env: Parameters<Parameters<typeof benchmarkInN8n>[0]>[0], definition: Record<string, unknown>, path: string) {
	const id = await env.n8n.createWorkflow(definition);
	await env.n8n.activate(id);
	await postToWebhook(`${env.n8n.state.url}/webhook/${path}`, {}, { registerMs: 10_000 }).catch(() => undefined);
	// Read one execution at a time: a list of several this size is too large to send.
	let execution: any;
	for (const deadline = Date.now() + 900_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 1000))) {
		// A poll can meet a reset connection while n8n's one thread is busy in Merge: poll again.
		[execution] = await env.n8n.executions(id, 1).catch(() => [undefined]);
		if (execution?.finished || execution?.stoppedAt) break;
	}
	// n8n may still be busy writing a large execution: a reset here says nothing about the run.
	await env.n8n.deactivate(id).catch(() => undefined);
	if (execution.data.resultData.error) throw new Error(JSON.stringify(execution.data.resultData.error).slice(0, 500));
	return execution;
}

function workflow(n: number, path: string, withMerge: boolean) {
	const node = (name: string, type: string, typeVersion: number, parameters: Record<string, unknown>, x: number, y: number) => ({
		id: randomUUID(), name, type, typeVersion, parameters, position: [x, y],
	});
	const definition = {
		name: `bench attendance vs merge ${n}`,
		nodes: [
			{ ...node('Start', 'n8n-nodes-base.webhook', 2, { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} }, 0, 0), webhookId: randomUUID() },
			node('Participants', 'n8n-nodes-base.code', 2, { jsCode: generatorCode('participants', n) }, 250, -100),
			node('Registrations', 'n8n-nodes-base.code', 2, { jsCode: generatorCode('registrations', n) }, 250, 100),
			node('Merge', 'n8n-nodes-base.merge', 3.2, {
				mode: 'combine', combineBy: 'combineByFields', advanced: true,
				mergeByFields: { values: [{ field1: 'user_email', field2: 'email' }] }, joinMode: 'keepEverything', options: {},
			}, 500, -100),
			node('Attendance Match', `${PKG}.zoomAttendanceMatch`, 2, {}, 500, 100),
		],
		connections: {
			Start: { main: [[{ node: 'Participants', type: 'main', index: 0 }, { node: 'Registrations', type: 'main', index: 0 }]] },
			Participants: { main: [[{ node: 'Merge', type: 'main', index: 0 }, { node: 'Attendance Match', type: 'main', index: 0 }]] },
			Registrations: { main: [[{ node: 'Merge', type: 'main', index: 1 }, { node: 'Attendance Match', type: 'main', index: 1 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
	if (!withMerge) {
		definition.nodes = definition.nodes.filter((n) => n.name !== 'Merge');
		for (const source of ['Participants', 'Registrations'] as const) {
			definition.connections[source].main[0] = definition.connections[source].main[0].filter((c) => c.node !== 'Merge');
		}
	}
	return definition;
}

benchmarkInN8n(async (env) => {
	console.log('rows = registrations | Merge node | Attendance Match node | Merge ÷ Match | Match ns per row');
	for (const n of SIZES) {
		const path = `bench-${randomUUID()}`;
		const withMerge = n <= MERGE_MAX;
		const execution = await runOnce(env, workflow(n, path, withMerge), path);
		const runs = execution.data.resultData.runData;
		const nodes = readRun(execution);
		const merge = withMerge ? (runs.Merge[0].executionTime as number) : undefined;
		const match = runs['Attendance Match'][0].executionTime as number;
		const outputs = nodes['Attendance Match'].outputs.map((o) => o.length);
		console.log(
			`${n} | ${merge === undefined ? `not run (> ${MERGE_MAX})` : `${merge} ms`} | ${match} ms | ` +
				`${merge === undefined ? '—' : `${(merge / match).toFixed(1)}×`} | ${((match * 1e6) / (2 * n)).toFixed(0)} ns ` +
				`(attended ${outputs[0]}, no match ${outputs[1]}, absent ${outputs[2]}${withMerge ? `; merge items ${nodes.Merge.outputs[0].length}` : ''})`,
		);
		const enginePath = `bench-${randomUUID()}`;
		const engaged = await runOnce(env, engagementWorkflow(n, enginePath), enginePath);
		const engagedRun = engaged.data.resultData.runData['Attendance Match'];
		if (!engagedRun) throw new Error(`the engagement run has no match (${engaged.status}; nodes run: ${Object.keys(engaged.data.resultData.runData).join(', ')})`);
		const engagedMs = engagedRun[0].executionTime as number;
		const engagementRows = readRun(engaged).Engagement.outputs[0].length;
		console.log(
			`${n} with ${engagementRows} engagement rows: Attendance Match (Include Engagement) ${engagedMs} ms, ` +
				`${(engagedMs / match).toFixed(2)}× the match without; ${engagedMs < 1000 ? 'under' : 'OVER'} 1 s`,
		);
	}
}, {
	n8n: { env: { NODE_OPTIONS: '--max-old-space-size=12288', N8N_RUNNERS_MAX_OLD_SPACE_SIZE: '4096', N8N_RUNNERS_TASK_TIMEOUT: '600' } },
});
