/**
 * Cost per claim of the trigger's once-only memory (nodes/shared/ledger.ts) empty (the baseline) and
 * full (LEDGER_MAX_ENTRIES, the size it keeps in steady state: deliveries.ts), measured in the same run
 * on the model of n8n's deduplication store (test/unit/racyStore.ts, which parses and rewrites the
 * record whole as n8n does): a webinar-start burst, 20 claims in flight in one process, each new one
 * sent as one settles. Printed twice: with 20–60 ms per database call (PostgreSQL under load, the
 * figure of issue #21), and with none, which leaves only the cost of n8n reading and writing the
 * record whole (the part of a claim that grows with the memory). Target (issue #27): full ≤ 1.3×
 * empty with latency.
 */
import { Ledger } from 'n8n-nodes-zoom-connector/nodes/shared/ledger';
import { LEDGER_MAX_ENTRIES } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/deliveries';
import { jitter, RacyStore } from '../test/unit/racyStore';

const CLAIMS = Number(process.env.BENCH_LEDGER_CLAIMS ?? 400);
const IN_FLIGHT = 20;
const SIZES = [0, LEDGER_MAX_ENTRIES];
const TARGET = 1.3;
const OPTIONS = { maxEntries: LEDGER_MAX_ENTRIES, itemIndex: 0 };

interface Figures {
	msPerClaim: number;
	roundTripsPerClaim: number;
	kbWrittenPerClaim: number;
	rewrites: number;
}

async function measure(entries: number, latency: () => number): Promise<Figures> {
	const store = new RacyStore(latency);
	store.prefill('trigger', entries);
	const ledger = new Ledger();
	const context = store.contextFor('trigger');
	let next = 0;
	let wins = 0;
	const started = process.hrtime.bigint();
	const lane = async () => {
		while (next < CLAIMS) {
			const i = next++;
			// Every tenth delivery is a copy of an earlier one, as Zoom's retries are.
			const key = i % 10 === 9 ? `c:join-${i - 5}` : `c:join-${i}`;
			if (await ledger.claim(context, key, `receipt-${i}`, OPTIONS)) wins++;
		}
	};
	await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	const distinct = CLAIMS - Math.floor(CLAIMS / 10);
	if (wins !== distinct) throw new Error(`expected ${distinct} claims won, got ${wins}`);
	return {
		msPerClaim: ms / CLAIMS,
		roundTripsPerClaim: store.roundTrips / CLAIMS,
		kbWrittenPerClaim: store.bytesWritten / 1024 / CLAIMS,
		rewrites: store.ledgerWrites,
	};
}

function row(label: string, entries: number, f: Figures): string {
	return `${label.padEnd(22)} ${String(entries).padStart(6)} entries: ${f.msPerClaim.toFixed(2).padStart(7)} ms/claim, ${f.roundTripsPerClaim.toFixed(2)} round trips/claim, ${f.kbWrittenPerClaim.toFixed(1).padStart(6)} KB written/claim, ${f.rewrites} ledger rewrites`;
}

async function main(): Promise<void> {
	console.log(`${CLAIMS} claims (10 % copies), ${IN_FLIGHT} in flight, one process`);
	const scenarios: Array<[string, () => number]> = [
		['20–60 ms per DB call', jitter(20, 60)],
		['no DB latency', () => 0],
	];
	let failed = false;
	for (const [label, latency] of scenarios) {
		const [small, large] = [await measure(SIZES[0], latency), await measure(SIZES[1], latency)];
		console.log(row(label, SIZES[0], small));
		console.log(row(label, SIZES[1], large));
		const ratio = large.msPerClaim / small.msPerClaim;
		console.log(`${label}: cost per claim full (${SIZES[1]} entries) vs empty: ${ratio.toFixed(2)}× (target ≤ ${TARGET}× with latency)`);
		if (label.startsWith('20') && ratio > TARGET) failed = true;
	}
	if (failed) {
		console.log(`FAILED: cost per claim with a full memory is more than ${TARGET}× an empty one`);
		process.exit(1);
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
