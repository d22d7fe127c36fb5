/**
 * Cost of engagement in the Zoom Attendance Match node: its execute (the built code n8n runs, with a
 * minimal context standing in for n8n's), 100k participant rows against 100k registrations, with about 100k
 * Q&A/poll/survey rows on its Engagement input (Include Engagement on). Baseline, measured in
 * the same run: the same node and rows without the Engagement input. Prints both times and their ratio.
 * In a real n8n the same comparison is in attendanceMatchVsMerge.bench.ts. Run: `npx tsx bench/engagement.bench.ts`.
 */
import { performance } from 'node:perf_hooks';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { JsonRecord } from 'n8n-nodes-zoom-connector/nodes/ZoomAttendanceMatch/match';
import { generate } from './attendanceMatch.bench';

// The built node, as n8n loads it (`npm run bench` builds first); tsx would resolve the source path to its
// .node.json codex file.
const { ZoomAttendanceMatch } = require('n8n-nodes-zoom-connector/dist/nodes/ZoomAttendanceMatch/ZoomAttendanceMatch.node.js') as typeof import('n8n-nodes-zoom-connector/nodes/ZoomAttendanceMatch/ZoomAttendanceMatch.node');

const N = 100_000;

/** Every 5th registrant asks a question, every 3rd answers both poll questions, every 10th the survey; 2% outsiders ask too. */
export function engagementRows(n: number): JsonRecord[] {
	const rows: JsonRecord[] = [];
	for (let i = 0; i < n; i++) {
		const email = `person${i}@example.com`;
		if (i % 5 === 0) rows.push({ kind: 'question', email, name: `First${i} Last${i}`, question: 'When?' });
		if (i % 3 === 0) {
			rows.push({ kind: 'poll', email, name: '', pollId: 'p1', question: 'Buy?', answer: 'Yes' });
			rows.push({ kind: 'poll', email, name: '', pollId: 'p1', question: 'Budget?', answer: '10k' });
		}
		if (i % 10 === 0) rows.push({ kind: 'survey', email, name: '', question: 'Rate', answer: '5' });
		if (i % 50 === 0) rows.push({ kind: 'question', email: `outsider${i}@example.org`, name: 'Out Sider', question: 'Replay?' });
	}
	return rows;
}

const items = (list: JsonRecord[]): INodeExecutionData[] => list.map((json, item) => ({ json: json as never, pairedItem: { item } }));

function runNode(inputs: INodeExecutionData[][], includeEngagement: boolean) {
	const parameters: Record<string, unknown> = { participantEmailField: 'user_email', registrationEmailField: 'email', includeEngagement, options: {} };
	const context = {
		getInputData: (index: number) => inputs[index] ?? [],
		getNodeParameter: (name: string, _item: number, fallback: unknown) => (name in parameters ? parameters[name] : fallback),
		continueOnFail: () => false,
		getNode: () => ({ name: 'Zoom Attendance Match', typeVersion: 2 }),
		addExecutionHints: () => undefined,
	} as unknown as IExecuteFunctions;
	return new ZoomAttendanceMatch().execute.call(context);
}

async function time<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
	const start = performance.now();
	const result = await run();
	return { ms: performance.now() - start, result };
}

async function main(): Promise<void> {
	const dataset = generate(N);
	const rows = engagementRows(N);
	const inputs = [items(dataset.participants), items(dataset.registrations), items(rows)];
	// Warm up both paths once, then take the best of 5, alternating.
	await runNode(inputs, false);
	await runNode(inputs, true);
	const base: number[] = [];
	const full: number[] = [];
	let last: INodeExecutionData[][] = [];
	for (let round = 0; round < 5; round++) {
		base.push((await time(() => runNode(inputs, false))).ms);
		const run = await time(() => runNode(inputs, true));
		full.push(run.ms);
		last = run.result;
	}
	const best = (values: number[]) => Math.min(...values);
	const people = last.flat();
	const paired = people.reduce((n, item) => n + (item.pairedItem as Array<{ input: number }>).filter((p) => p.input === 2).length, 0);
	const engagedOnly = last[1].filter((item) => item.json.attendedSeconds === 0 && item.json.questionsAsked).length;
	console.log(`engagement rows: ${rows.length}; people out: ${people.length} (${engagedOnly} only engaged); engagement rows paired: ${paired} of ${rows.length}`);
	console.log(`node, ${N} × ${N}, without engagement:        ${best(base).toFixed(0)} ms (best of 5)`);
	console.log(`node, same, with ${rows.length} engagement rows: ${best(full).toFixed(0)} ms (best of 5)`);
	console.log(`ratio with engagement / without:             ${(best(full) / best(base)).toFixed(2)}`);
	console.log(`target under 1 s with engagement:            ${best(full) < 1000 ? 'met' : 'NOT met'} (absolute figures depend on the machine's load)`);
}

if (require.main === module) void main();
