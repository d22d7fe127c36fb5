/**
 * "Has this workflow already handled X?" answered once, even when several n8n processes (queue-mode
 * workers, webhook processors) run the workflow at the same moment, when a process dies mid-claim, and
 * when the database is slow or failing.
 *
 * What n8n 2.40 gives a community node (packages/cli/src/deduplication/deduplication-helper.ts and the
 * ProcessedData entity): one JSON record per (workflow id, context), and a node can address exactly two
 * contexts, its own ("n:<node id>", scope "node") and the workflow's ("", scope "workflow"). Only
 * creating a record is atomic (its primary key); checkProcessedAndRecord and removeProcessed read the
 * whole record, change it in memory and write it whole (lost updates under concurrency);
 * clearAllProcessedItems deletes unconditionally; getProcessedDataCount is the one call that writes
 * nothing. Entries are stored as MD5 hashes, so nothing written can be read back except by membership
 * (which records it) or by count. Modes "latestIncrementalKey"/"latestDate" keep one value, read-modify-
 * write as well. There is no per-key atomic step, no TTL and no compare-and-set.
 *
 * The options weighed:
 * - Sharding by key across records: impossible here, a node reaches only two records.
 * - A lock per claim (what this was): serialises every claim at ~4 DB round trips, about 4 claims/s
 *   at 20–60 ms a call, so a webinar's join burst queued past any lease and broke it.
 * - At-least-once with an idempotency key for the next node: always correct and O(1), but hands the
 *   once-only promise to every user's workflow; kept as the fallback only where the store fails
 *   loudly (an error, never a silent double).
 * - Claiming only where once matters (e.g. only deliveries acknowledged late enough for Zoom to
 *   retry): the node cannot observe n8n's acknowledgement time, and Zoom may resend regardless.
 * - A lease lock with owner token and compare-before-delete, taken once per batch (chosen): each
 *   process queues its concurrent claims and settles all of them in one locked read-and-write of
 *   the node's record (group commit), so a burst costs a few round trips per batch rather than per
 *   claim, and claims keep up with the burst. The lease is in shared/ledgerLock.ts: the lock record's
 *   age is readable without writing, a dead holder's lock is broken at 30 s of the lock's own age,
 *   holders stop writing at 10 s, and only the holder whose token still matches deletes it.
 *
 * Cost: round trips per batch are fixed (count, create, count, record, [remove], count, delete); the
 * record itself is read and written whole by n8n, so bytes per batch grow with the ledger's entries.
 * That part cannot be O(1) through n8n's helpers; it is bounded by maxEntries and shared by every
 * claim of the batch (bench/ledger.bench.ts prints the cost per claim full against empty).
 *
 * How long the trigger's memory must reach back, and how big that makes it (issue #27): every accepted
 * delivery must be remembered for as long as Zoom could resend it or anyone could replay it. Zoom
 * retries 5, 25 and 85 min after the first try, re-signed or not, so with the request timestamp alone
 * a captured last retry replays until 85 min + the 2 h tolerance after the first try. The options
 * weighed:
 * - A memory spanning that (3 h 25 min) at the capacity rate: 2 entries × 12/s × 12,300 s = 295,200
 *   entries (8 MB rewritten per batch), and a tolerance the user raises makes it larger still.
 * - Time-bucketed records (one per window slice, the oldest dropped whole): a node reaches exactly two
 *   records, its own and the workflow's, and the workflow's is the lock; rotating between them would
 *   leave the lock without the one atomic step it needs. Not possible within n8n's helpers.
 * - Fewer bytes per delivery: n8n stores every entry as a 24-character hash, whatever its length, so
 *   only fewer entries help. The trigger claims its content key only (a retry or replay carries the
 *   same signed body, so the tracking id adds nothing here; it is still used at the door): 2 entries
 *   per delivery (content, owner) instead of 3.
 * - Narrowing what is accepted to what is remembered (chosen): the event's own time (event_ts, signed
 *   and kept across retries) must be within 2 h (EVENT_WINDOW_SECONDS: Zoom's 85 min of retries and
 *   35 min for Zoom sending late), and no more than 10 min ahead. Whatever the request timestamp says,
 *   no copy of a delivery is accepted more than 2 h 10 min after its first acceptance, so the memory
 *   is sized for exactly that: LEDGER_MAX_ENTRIES = 2 entries × 12 deliveries/s (the trigger's main-mode
 *   capacity; queue mode is lower) × 7,800 s = 187,200 entries (deliveries.ts; docs/SCALING.md). An
 *   event without a time is bounded by the request's tolerance only.
 * What this leaves: the memory is ~5 MB that n8n reads and rewrites on every batch, so a claim with the
 * memory full costs more than with it empty (docs/BENCHMARKS.md has the figures); sustained above the
 * capacity rate for over 2 h 10 min, the oldest deliveries leave the memory before their window ends.
 *
 * Limits (stated, not hidden): safety assumes a database call ends within 20 s of being sent and
 * that processes' clocks agree within 10 s either way (ledgerLock.ts).
 */
import { createHash } from 'crypto';
import type { ICheckProcessedOptions, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { acquire, assertFenced, dbCall, LatencyGauge, release, type Lease } from './ledgerLock';

export interface LedgerOptions {
	/** Most entries kept; the oldest go first. Each claim keeps one per key plus one for its owner. */
	maxEntries: number;
}

type ClaimOptions = LedgerOptions & { itemIndex: number };

interface PendingClaim {
	context: IExecuteFunctions;
	keys: string[];
	owner: string;
	options: ClaimOptions;
	resolve: (won: boolean) => void;
	reject: (error: unknown) => void;
}

/** Most claims settled by one locked read-and-write. */
const MAX_BATCH = 200;
/**
 * How long a batch gathers claims before it takes the lock. A batch costs the same six database calls
 * whether it settles one claim or two hundred, and at a webinar's join rate (5–10 deliveries/s) claims
 * otherwise arrive one per lock cycle. Gathering 150 ms puts two or three in each batch, which frees n8n's
 * main process when it is busiest; the run ends that much later, while Zoom has its answer already.
 */
export const GATHER_MS = 150;

const claimEntry = (key: string) => `c:${key}`;
/** Whose the claim is: tied to its keys, so an owner's claim of some keys never covers others. */
const ownerEntry = (keys: string[], owner: string) => `o:${keys.join('\n')}\n${owner}`;
const ledgerOptions = (options: LedgerOptions): ICheckProcessedOptions => ({
	mode: 'entries',
	maxEntries: options.maxEntries,
});

/** A short, stable token for what identifies one run's claim (e.g. the input item it came from). */
export function ownerToken(...parts: unknown[]): string {
	return createHash('sha256').update(JSON.stringify(parts)).digest('base64').slice(0, 22);
}

/** The same error, told against the claim's own node and item. */
function forClaim(claim: PendingClaim, error: unknown): unknown {
	if (!(error instanceof NodeOperationError)) return error;
	return new NodeOperationError(claim.context.getNode(), error.message, {
		itemIndex: claim.options.itemIndex,
		description: error.description ?? undefined,
	});
}

/** Takes the oldest pending claims whose keys do not overlap (overlapping ones wait a batch). */
function takeBatch(pending: PendingClaim[]): PendingClaim[] {
	const batch: PendingClaim[] = [];
	const keys = new Set<string>();
	for (let i = 0; i < pending.length && batch.length < MAX_BATCH;) {
		const claim = pending[i];
		if (claim.keys.some((key) => keys.has(key))) {
			i++;
			continue;
		}
		claim.keys.forEach((key) => keys.add(key));
		batch.push(claim);
		pending.splice(i, 1);
	}
	return batch;
}

/**
 * One process's view of the ledgers: its queues of claims per workflow node and how slow its
 * database is. n8n loads a node's module once per process, so `defaultLedger` is that process's.
 */
export class Ledger {
	private readonly queues = new Map<string, { pending: PendingClaim[]; draining: boolean }>();
	readonly gauge = new LatencyGauge();

	constructor(private readonly gatherMs = GATHER_MS) {}

	/** Runs `work` under the workflow lock; `work` gets the lease to check before it writes. */
	async locked<T>(
		context: IExecuteFunctions,
		itemIndex: number,
		work: (lease: Lease) => Promise<T>,
	): Promise<T> {
		const lease = await acquire(context, this.gauge, itemIndex);
		try {
			return await work(lease);
		} finally {
			await release(context, this.gauge, lease, itemIndex);
		}
	}

	/**
	 * Claims `keys` for `owner`: true when none of them was claimed, or when `owner` itself had
	 * claimed them (n8n retrying the same execution). False means another run has one of them.
	 */
	async claim(
		context: IExecuteFunctions,
		keys: string | string[],
		owner: string,
		options: ClaimOptions,
	): Promise<boolean> {
		const list = [...new Set(Array.isArray(keys) ? keys : [keys])];
		if (!list.length) return true;
		const queueKey = `${context.getWorkflow().id ?? ''}\n${context.getNode().id}`;
		const queue = this.queues.get(queueKey) ?? { pending: [], draining: false };
		this.queues.set(queueKey, queue);
		const settled = new Promise<boolean>((resolve, reject) => {
			queue.pending.push({ context, keys: list, owner, options, resolve, reject });
		});
		if (!queue.draining) void this.drain(queueKey, queue);
		return await settled;
	}

	/** Gives a claim back (the work failed), so the next run that brings the keys does it. */
	async releaseClaim(
		context: IExecuteFunctions,
		keys: string | string[],
		owner: string,
		options: ClaimOptions,
	): Promise<void> {
		const list = [...new Set(Array.isArray(keys) ? keys : [keys])];
		const entries = [...list.map(claimEntry), ownerEntry(list, owner)];
		await this.locked(context, options.itemIndex, async (lease) => {
			assertFenced(context, lease, options.itemIndex);
			await dbCall(
				context,
				this.gauge,
				options.itemIndex,
				'giving a claim back',
				async () => await context.helpers.removeProcessed(entries, 'node', ledgerOptions(options)),
			);
		});
	}

	private async drain(
		queueKey: string,
		queue: { pending: PendingClaim[]; draining: boolean },
	): Promise<void> {
		queue.draining = true;
		try {
			while (queue.pending.length) {
				// Lets more runs' claims arrive (and the runs the last batch answered send their next ones), so
				// they share this batch.
				await sleep(this.gatherMs);
				const batch = takeBatch(queue.pending);
				const first = batch[0];
				try {
					const won = await this.locked(
						first.context,
						first.options.itemIndex,
						async (lease) => await this.settle(batch, lease),
					);
					batch.forEach((claim, i) => claim.resolve(won[i]));
				} catch (error) {
					batch.forEach((claim) => claim.reject(forClaim(claim, error)));
				}
			}
		} finally {
			queue.draining = false;
			if (!queue.pending.length) this.queues.delete(queueKey);
		}
	}

	/** Records every claim of the batch in one write, then takes the losers' entries back out. */
	private async settle(batch: PendingClaim[], lease: Lease): Promise<boolean[]> {
		const { context, options } = batch[0];
		const ledger = ledgerOptions(options);
		const entries = [
			...new Set(
				batch.flatMap((claim) => [
					...claim.keys.map(claimEntry),
					ownerEntry(claim.keys, claim.owner),
				]),
			),
		];
		assertFenced(context, lease, options.itemIndex);
		const recorded = await dbCall(
			context,
			this.gauge,
			options.itemIndex,
			'recording a claim',
			async () => await context.helpers.checkProcessedAndRecord(entries, 'node', ledger),
		);
		const fresh = new Set(recorded.new.map(String));
		const won = batch.map(
			(claim) =>
				claim.keys.every((key) => fresh.has(claimEntry(key))) ||
				!fresh.has(ownerEntry(claim.keys, claim.owner)),
		);
		const giveBack = new Set<string>();
		batch.forEach((claim, i) => {
			if (won[i]) return;
			// A loser leaves no trace: its owner entry and any key only it had just recorded.
			giveBack.add(ownerEntry(claim.keys, claim.owner));
			claim.keys
				.filter((key) => fresh.has(claimEntry(key)))
				.forEach((key) => giveBack.add(claimEntry(key)));
		});
		if (giveBack.size) {
			assertFenced(context, lease, options.itemIndex);
			await dbCall(
				context,
				this.gauge,
				options.itemIndex,
				'recording a claim',
				async () => await context.helpers.removeProcessed([...giveBack], 'node', ledger),
			);
		}
		return won;
	}
}

export const defaultLedger = new Ledger();

const STORE_HELPERS = [
	'checkProcessedAndRecord',
	'removeProcessed',
	'clearAllProcessedItems',
	'getProcessedDataCount',
] as const;

/**
 * Whether this n8n has the deduplication store's helpers. The n8n versions this package is proven on
 * (docs/COMPATIBILITY.md) all have them; an older n8n does not, and calling one there would fail with
 * "… is not a function".
 */
export function hasDeduplicationStore(context: IExecuteFunctions): boolean {
	const helpers = context.helpers as Partial<Record<(typeof STORE_HELPERS)[number], unknown>>;
	return STORE_HELPERS.every((name) => typeof helpers[name] === 'function');
}

/** Says the store is missing here and what to do, naming the option that needs it. */
export function missingDeduplicationStore(
	context: IExecuteFunctions,
	itemIndex: number,
	option: string,
): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`"${option}" needs n8n’s deduplication store, which this n8n does not have`,
		{
			itemIndex,
			description: `Update n8n to 1.123 or newer (the versions this package is tested on are listed in its docs/COMPATIBILITY.md), or turn off "${option}".`,
		},
	);
}

/** A claim as a node asks for it: `option` names what needs the ledger, for the message where n8n lacks it. */
type ClaimRequest = ClaimOptions & { option: string };

export async function claim(
	context: IExecuteFunctions,
	keys: string | string[],
	owner: string,
	options: ClaimRequest,
): Promise<boolean> {
	if (!hasDeduplicationStore(context))
		throw missingDeduplicationStore(context, options.itemIndex, options.option);
	return await defaultLedger.claim(context, keys, owner, options);
}

export async function releaseClaim(
	context: IExecuteFunctions,
	keys: string | string[],
	owner: string,
	options: ClaimOptions,
): Promise<void> {
	await defaultLedger.releaseClaim(context, keys, owner, options);
}
