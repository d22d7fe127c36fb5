/**
 * Benchmark of the attendance match (nodes/ZoomAttendanceMatch/match/): n participant rows with
 * rejoins against n registrations, for n = 10k, 100k, 1M, with two baselines measured in the same
 * run. Run: `npx tsx bench/attendanceMatch.bench.ts` (add `--expose-gc` through NODE_OPTIONS for
 * steadier heap figures). `generate` and `runMatch` are exported for other benchmarks (e.g. against
 * n8n's Merge node).
 */
import { outputItems, type OutputItem } from 'n8n-nodes-zoom-connector/nodes/ZoomAttendanceMatch/items';
import { matchTables, type JsonRecord, type MatchOptions, type MatchTables } from 'n8n-nodes-zoom-connector/nodes/ZoomAttendanceMatch/match';

export interface Dataset {
	participants: JsonRecord[];
	registrations: JsonRecord[];
	/** What the generator put in, to check a run against. */
	expected: { attendees: number; unregistered: number; guestRows: number; rejoinRows: number };
}

/** Small deterministic PRNG (mulberry32), so every run and every machine sees the same data. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SESSION_START = Date.parse('2024-05-01T10:00:00Z');
const SESSION_MINUTES = 90;

/**
 * About n participant rows shaped like Zoom's past-participants rows, and n registrations shaped
 * like Zoom registrants: 60% of registrants attend, a third of them rejoin once or twice (some
 * segments overlap), 5% of rows are unregistered people and 5% guests without an email. Emails in
 * rows vary in case and padding, as they do between Zoom and a CRM.
 */
export function generate(n: number, seed = 42): Dataset {
	const rand = random(seed);
	const registrations: JsonRecord[] = new Array(n);
	for (let i = 0; i < n; i++) {
		registrations[i] = {
			id: `reg${i}`,
			email: `person${i}@example.com`,
			first_name: `First${i}`,
			last_name: `Last${i}`,
			status: 'approved',
		};
	}
	const participants: JsonRecord[] = [];
	const iso = (minute: number) => new Date(SESSION_START + Math.round(minute * 60) * 1000).toISOString();
	const pushRow = (email: string, name: string, from: number, to: number) => {
		participants.push({
			id: '',
			name,
			user_id: String(16778240 + participants.length),
			registrant_id: '',
			user_email: email,
			join_time: iso(from),
			leave_time: iso(to),
			duration: Math.round((to - from) * 60),
			status: 'in_meeting',
		});
	};
	let attendees = 0;
	let unregistered = 0;
	let guestRows = 0;
	let rejoinRows = 0;
	const order = Array.from({ length: n }, (_, i) => i);
	for (let i = n - 1; i > 0; i--) {
		const j = Math.floor(rand() * (i + 1));
		[order[i], order[j]] = [order[j], order[i]];
	}
	let next = 0;
	while (participants.length < n) {
		const roll = rand();
		if (roll < 0.05) {
			const from = rand() * 60;
			pushRow(`walkin${unregistered++}@example.org`, 'Walk In', from, from + 5 + rand() * 25);
		} else if (roll < 0.1) {
			const from = rand() * 60;
			pushRow('', `Guest ${guestRows++}`, from, from + 5 + rand() * 25);
		} else if (next < n * 0.6) {
			const who = order[next++];
			attendees++;
			const email = rand() < 0.2 ? ` PERSON${who}@Example.com ` : `person${who}@example.com`;
			const segments = rand() < 0.33 ? 2 + Math.floor(rand() * 2) : 1;
			let from = rand() * 30;
			for (let s = 0; s < segments && participants.length < n; s++) {
				const to = Math.min(SESSION_MINUTES, from + 3 + rand() * 30);
				pushRow(email, `First${who} Last${who}`, from, to);
				if (s > 0) rejoinRows++;
				// A rejoin starts a little before (overlap, e.g. two devices) or after the previous leave.
				from = Math.max(0, Math.min(SESSION_MINUTES - 1, to + (rand() - 0.3) * 10));
			}
		} else {
			const from = rand() * 60;
			pushRow(`walkin${unregistered++}@example.org`, 'Walk In', from, from + 5 + rand() * 25);
		}
	}
	return { participants, registrations, expected: { attendees, unregistered, guestRows, rejoinRows } };
}

/** The timed work: the pure match, as the node calls it (flat columns, no per-person objects). */
export function runMatch(dataset: Pick<Dataset, 'participants' | 'registrations'>, options: Partial<MatchOptions> = {}): MatchTables {
	return matchTables(dataset.participants, dataset.registrations, options);
}

/** The dataset as n8n items ({ json }), made once outside the timing, as n8n hands them to the node. */
export function asItems(dataset: Pick<Dataset, 'participants' | 'registrations'>) {
	const wrap = (list: JsonRecord[]) => list.map((json) => ({ json }));
	return { participants: wrap(dataset.participants), registrations: wrap(dataset.registrations) };
}

/** The match plus the output items the node builds (input fields + flat fields + pairing), for the node's full cost. */
export function runMatchWithOutputs(dataset: Pick<Dataset, 'participants' | 'registrations'>, items = asItems(dataset)): OutputItem[][] {
	return outputItems(runMatch(dataset), items.participants, items.registrations, { topic: 'Bench webinar', id: '123' });
}

/** Baseline 1, what one writes first: for each registration, filter all rows by email. O(n·m). */
export function naiveFilterPerRegistration(dataset: Pick<Dataset, 'participants' | 'registrations'>) {
	const attended: Array<{ email: string; seconds: number }> = [];
	for (const registration of dataset.registrations) {
		const email = String(registration.email).trim().toLowerCase();
		const rows = dataset.participants.filter((row) => String(row.user_email).trim().toLowerCase() === email);
		if (!rows.length) continue;
		const segments = rows
			.map((row) => ({ start: new Date(String(row.join_time)).getTime(), end: new Date(String(row.leave_time)).getTime() }))
			.sort((a, b) => a.start - b.start);
		let total = 0;
		let current = { ...segments[0] };
		for (const segment of segments.slice(1)) {
			if (segment.start > current.end) {
				total += current.end - current.start;
				current = { ...segment };
			} else current = { ...current, end: Math.max(current.end, segment.end) };
		}
		total += current.end - current.start;
		attended.push({ email, seconds: total / 1000 });
	}
	return attended;
}

/** Baseline 2, a straightforward hash join: group rows in an object of arrays, spread per row, Date per row. */
export function straightforwardJoin(dataset: Pick<Dataset, 'participants' | 'registrations'>) {
	const groups: Record<string, Array<JsonRecord & { start: number; end: number }>> = {};
	for (const row of dataset.participants) {
		const email = String(row.user_email ?? '').trim().toLowerCase();
		const key = email || `guest:${String(row.name)}`;
		(groups[key] ??= []).push({ ...row, start: new Date(String(row.join_time)).getTime(), end: new Date(String(row.leave_time)).getTime() });
	}
	const output = dataset.registrations.map((registration) => {
		const email = String(registration.email).trim().toLowerCase();
		const rows = [...(groups[email] ?? [])].sort((a, b) => a.start - b.start);
		const merged = rows.reduce<Array<{ start: number; end: number }>>((acc, row) => {
			const last = acc[acc.length - 1];
			return last && row.start <= last.end
				? [...acc.slice(0, -1), { start: last.start, end: Math.max(last.end, row.end) }]
				: [...acc, { start: row.start, end: row.end }];
		}, []);
		return { ...registration, seconds: merged.reduce((sum, s) => sum + (s.end - s.start), 0) / 1000 };
	});
	return output;
}

function gc(): void {
	(globalThis as { gc?: () => void }).gc?.();
}

/** Median wall time (ms) of `runs` runs, and the heap still used just after the last one (result retained). */
function measure<T>(work: () => T, runs: number): { ms: number; heapMb: number; result: T } {
	const times: number[] = [];
	let result!: T;
	let heapMb = 0;
	for (let r = 0; r < runs; r++) {
		gc();
		const heapBefore = process.memoryUsage().heapUsed;
		const start = process.hrtime.bigint();
		result = work();
		times.push(Number(process.hrtime.bigint() - start) / 1e6);
		heapMb = Math.max(heapMb, (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20);
	}
	times.sort((a, b) => a - b);
	return { ms: times[Math.floor(times.length / 2)], heapMb, result };
}

const fmt = (value: number, digits = 1) => value.toFixed(digits).padStart(9);

function main(): void {
	const sizes = (process.argv[2] ?? '10000,100000,1000000').split(',').map(Number);
	const hasGc = typeof (globalThis as { gc?: unknown }).gc === 'function';
	console.log(`attendance match bench, node ${process.version}${hasGc ? '' : ' (no --expose-gc: heap figures are noisier)'}`);
	// Warm-up, so the first size is not charged for the JIT.
	runMatch(generate(20_000, 7));

	console.log('\n  rows(n=m)  match ms  ns/row  heap MB  +outputs ms  join ms  ×join  naive ms  ×naive  attended  no-match  absent');
	for (const n of sizes) {
		const dataset = generate(n);
		const runs = n >= 1_000_000 ? 3 : 5;
		const match = measure(() => runMatch(dataset), runs);
		const items = asItems(dataset);
		const withOutputs = measure(() => runMatchWithOutputs(dataset, items), n >= 1_000_000 ? 1 : 3);
		// The baselines get slow (the join's per-row spreads, the naive O(n·m)): only where they finish in seconds.
		const join = n <= 100_000 ? measure(() => straightforwardJoin(dataset), 3) : undefined;
		const naive = n <= 10_000 ? measure(() => naiveFilterPerRegistration(dataset), 1) : undefined;
		const { summary } = match.result;
		if (!summary.reconciled) throw new Error(`n=${n}: counts do not reconcile`);
		if (summary.attended !== dataset.expected.attendees) {
			throw new Error(`n=${n}: ${summary.attended} attended, generator made ${dataset.expected.attendees}`);
		}
		if (naive && naive.result.length !== summary.attended) throw new Error(`n=${n}: naive baseline disagrees`);
		console.log(
			[
				String(n).padStart(11),
				fmt(match.ms),
				fmt((match.ms * 1e6) / (n + n), 0).padStart(7),
				fmt(match.heapMb, 0).padStart(8),
				fmt(withOutputs.ms).padStart(12),
				join ? fmt(join.ms) : '        —',
				join ? fmt(join.ms / match.ms).padStart(6) : '     —',
				naive ? fmt(naive.ms) : '        —',
				naive ? fmt(naive.ms / match.ms).padStart(7) : '      —',
				String(summary.attended).padStart(9),
				String(summary.noMatch).padStart(9),
				String(summary.absent).padStart(7),
			].join(' '),
		);
	}
	console.log(`\npeak RSS of the whole run: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
	console.log('ns/row = match time / (participant rows + registrations); flat across sizes means linear.');
}

if (require.main === module) main();
