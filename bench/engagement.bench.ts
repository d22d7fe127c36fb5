/**
 * Cost of engagement in the attendance match (nodes/ZoomAttendanceMatch/engagement.ts): 100k participant
 * rows against 100k registrations, plus about 100k Q&A/poll/survey rows, tallied and scored for every
 * output person. Baseline, measured in the same run: the match with its output items alone. Prints
 * both times and their ratio. The engagement fields are computed per output item but kept apart: in
 * the node (phase two) they join the flat fields' object literal, not a second write into each item.
 * Run: `npx tsx bench/engagement.bench.ts`.
 */
import { performance } from 'node:perf_hooks';

import { DEFAULT_ENGAGEMENT_WEIGHTS, engagedOnly, engagementFields, tallyEngagement } from '../nodes/ZoomAttendanceMatch/engagement';
import type { JsonRecord } from '../nodes/ZoomAttendanceMatch/match';
import { asItems, generate, runMatchWithOutputs } from './attendanceMatch.bench';

const N = 100_000;

/** Every 5th registrant asks a question, every 3rd answers both poll questions, every 10th the survey; 2% outsiders ask too. */
function engagementRows(n: number): JsonRecord[] {
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

function time<T>(run: () => T): { ms: number; result: T } {
	const start = performance.now();
	const result = run();
	return { ms: performance.now() - start, result };
}

const dataset = generate(N);
const items = asItems(dataset);
const rows = engagementRows(N);
const sessionSeconds = 90 * 60;

function withEngagement() {
	const outputs = runMatchWithOutputs(dataset, items);
	const tally = tallyEngagement(rows);
	const known = new Set<string>();
	const fields: ReturnType<typeof engagementFields>[] = [];
	for (const output of outputs) {
		for (const item of output) {
			const json = item.json as JsonRecord;
			const email = typeof json.email === 'string' ? json.email : '';
			if (email) known.add(email);
			const share = (typeof json.attendedSeconds === 'number' ? json.attendedSeconds : 0) / sessionSeconds;
			fields.push(engagementFields(tally, email, share, DEFAULT_ENGAGEMENT_WEIGHTS));
		}
	}
	return { outputs, fields, extra: engagedOnly(tally, known), tally };
}

// Warm up both paths once, then take the best of 5.
runMatchWithOutputs(dataset, items);
withEngagement();
const base: number[] = [];
const full: number[] = [];
let last: ReturnType<typeof withEngagement> | undefined;
for (let round = 0; round < 5; round++) {
	base.push(time(() => runMatchWithOutputs(dataset, items)).ms);
	const run = time(withEngagement);
	full.push(run.ms);
	last = run.result;
}
const best = (values: number[]) => Math.min(...values);
const { tally, extra } = last as ReturnType<typeof withEngagement>;
const attributed = [...tally.people.values()].reduce((n, p) => n + p.questionsAsked + p.pollsAnswered + p.surveyAnswered, 0);
console.log(`engagement rows: ${rows.length} (people ${tally.people.size}, engaged but not in the match ${extra.length}, anonymous ${tally.anonymousRows})`);
console.log(`rows reconcile: ${attributed + tally.anonymousRows + tally.invalidRowIndexes.length === rows.length}`);
console.log(`match + outputs, ${N} × ${N}:               ${best(base).toFixed(0)} ms (best of 5)`);
console.log(`match + outputs + engagement, same:        ${best(full).toFixed(0)} ms (best of 5)`);
console.log(`ratio with engagement / without:           ${(best(full) / best(base)).toFixed(2)}`);
console.log(`target under 1 s with engagement:           ${best(full) < 1000 ? 'met' : 'NOT met'} (absolute figures depend on the machine's load)`);
