/**
 * The workflow-wide lease the ledger (shared/ledger.ts, where the design is weighed) holds while it
 * reads and rewrites its record. It lives in the workflow-scope record of n8n's deduplication store,
 * whose one atomic step is creating that record: the database refuses a second one.
 *
 * - The record says how old it is: the holder creates it with 1 + (5 s slot mod 48) entries, so any
 *   process reads the lock's age from getProcessedDataCount (the one helper that writes nothing) and
 *   breaks a lock only when the lock itself is 30 s old, never because it has waited long.
 * - The entry count is the holder's token: it deletes the record only if the count is still its own
 *   and it has held it under FENCE_MS, so it never deletes a lock that was broken and taken since.
 * - A holder writes nothing after FENCE_MS (10 s), well before anyone may break its lock (30 s).
 * - Several processes may break one dead lock at once; a delete sent for the dead lock can land just
 *   after a new holder created its own. The new holder therefore waits a guard (twice the slowest
 *   database call it saw) and checks its count again before it trusts the lock.
 * - Any database error other than "record already exists" is retried twice, then thrown: never read
 *   as "held", so a read-only or full database fails the run instead of spinning.
 */
import type { ICheckProcessedOptions, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

export const LOCK_ENTRY = 'n8n-nodes-zoom-connector:workflow-lock';
const ENTRIES: ICheckProcessedOptions = { mode: 'entries' };

export const SLOT_MS = 5_000;
export const CYCLE_SLOTS = 48;
/** A lock this many slots old (over 30 s) has outlived its holder's fence: the holder died. */
export const STALE_SLOTS = 7;
/** Ages this near a whole cycle are another process's clock running ahead, not an old lock. */
const AHEAD_SLOTS = 3;
/** A holder writes nothing after this; breaking waits 30 s, so a write in flight has 20 s to land. */
export const FENCE_MS = 10_000;
const GUARD_MIN_MS = 50;
/** Spreads the processes that find the same dead lock, so they rarely break it together. */
const BREAK_JITTER_MS = 3_000;
const MAX_BACKOFF_MS = 160;
const DB_ATTEMPTS = 3;

export interface Lease {
	/** The entry count this holder created the record with. */
	signature: number;
	/** When the holder asked to create it (ms); its fence counts from here. */
	since: number;
}

/** The slowest recent database call of one process; the guard after taking a lock is twice it. */
export class LatencyGauge {
	private slowestMs = 0;

	observe(ms: number): void {
		this.slowestMs = Math.max(ms, this.slowestMs * 0.95);
	}

	guardMs(): number {
		return Math.max(GUARD_MIN_MS, Math.ceil(2 * this.slowestMs));
	}
}

export function lockEntries(count: number): string[] {
	return [LOCK_ENTRY, ...Array.from({ length: count - 1 }, (_, i) => `${LOCK_ENTRY}#${i + 2}`)];
}

/** The entry count a lock created at `ms` has. */
export function signatureAt(ms: number): number {
	return 1 + (Math.floor(ms / SLOT_MS) % CYCLE_SLOTS);
}

/** Whole slots since a lock with this count was created, read at `ms`. */
export function ageSlots(count: number, ms: number): number {
	return (
		((((Math.floor(ms / SLOT_MS) % CYCLE_SLOTS) - (count - 1)) % CYCLE_SLOTS) + CYCLE_SLOTS) %
		CYCLE_SLOTS
	);
}

export function isStale(count: number, ms: number): boolean {
	const age = ageSlots(count, ms);
	return (
		count >= 1 && count <= CYCLE_SLOTS && age >= STALE_SLOTS && age <= CYCLE_SLOTS - AHEAD_SLOTS
	);
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function isModeConflict(error: unknown): boolean {
	return /Keep Items Where|incompatible setting/i.test(messageOf(error));
}

/** PostgreSQL, SQLite and MySQL's words for a second insert of the same primary key. */
function isAlreadyExists(error: unknown): boolean {
	return /unique constraint|duplicate key|UNIQUE constraint failed|Duplicate entry|SQLITE_CONSTRAINT/i.test(
		messageOf(error),
	);
}

export function lockConflict(context: IExecuteFunctions, itemIndex: number): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		'Another node of this workflow keeps records in n8n’s deduplication store with scope "workflow"',
		{
			itemIndex,
			description:
				'This node uses that record to make sure each session or delivery is handled once across n8n processes. Set the other node (for example Remove Duplicates) to scope "Node", or turn off this node’s "skip already processed" option.',
		},
	);
}

export function databaseFailure(
	context: IExecuteFunctions,
	itemIndex: number,
	doing: string,
	error: unknown,
): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`n8n’s database failed while ${doing}: ${messageOf(error)}`,
		{
			itemIndex,
			description:
				'The once-only record could not be read or written, so this item was not handled (and nothing was emitted twice). Check that n8n’s database is reachable and writable, then retry the execution.',
		},
	);
}

/** One database call, timed, retried twice on errors other than a mode conflict, then thrown. */
export async function dbCall<T>(
	context: IExecuteFunctions,
	gauge: LatencyGauge,
	itemIndex: number,
	doing: string,
	call: () => Promise<T>,
): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		const started = Date.now();
		try {
			const result = await call();
			gauge.observe(Date.now() - started);
			return result;
		} catch (error) {
			gauge.observe(Date.now() - started);
			if (isModeConflict(error)) throw lockConflict(context, itemIndex);
			if (attempt >= DB_ATTEMPTS) throw databaseFailure(context, itemIndex, doing, error);
			await sleep(50 * attempt);
		}
	}
}

const lockCount = async (context: IExecuteFunctions, gauge: LatencyGauge, itemIndex: number) =>
	await dbCall(
		context,
		gauge,
		itemIndex,
		'reading the workflow lock',
		async () => await context.helpers.getProcessedDataCount('workflow', ENTRIES),
	);

/** Creates the lock record with `signature` entries: true only if this call created it. */
async function tryCreate(
	context: IExecuteFunctions,
	gauge: LatencyGauge,
	itemIndex: number,
	signature: number,
): Promise<boolean> {
	const entries = lockEntries(signature);
	for (let attempt = 1; ; attempt++) {
		const started = Date.now();
		try {
			const recorded = await context.helpers.checkProcessedAndRecord(entries, 'workflow', ENTRIES);
			gauge.observe(Date.now() - started);
			// An existing lock always holds LOCK_ENTRY, so all entries are new only for a record we inserted.
			return recorded.new.length === entries.length;
		} catch (error) {
			gauge.observe(Date.now() - started);
			if (isModeConflict(error)) throw lockConflict(context, itemIndex);
			if (isAlreadyExists(error)) return false;
			if (attempt >= DB_ATTEMPTS)
				throw databaseFailure(context, itemIndex, 'taking the workflow lock', error);
			await sleep(50 * attempt);
		}
	}
}

/** Deletes a dead holder's lock, after making sure the record is a lock and not another node's data. */
async function breakStale(
	context: IExecuteFunctions,
	gauge: LatencyGauge,
	itemIndex: number,
	seen: number,
): Promise<void> {
	await sleep(Math.floor(Math.random() * BREAK_JITTER_MS));
	const count = await lockCount(context, gauge, itemIndex);
	if (count !== seen || !isStale(count, Date.now())) return;
	const probe = await dbCall(
		context,
		gauge,
		itemIndex,
		'checking the workflow lock',
		async () => await context.helpers.checkProcessedAndRecord([LOCK_ENTRY], 'workflow', ENTRIES),
	);
	if (probe.new.length === 1 && (await lockCount(context, gauge, itemIndex)) > 1) {
		// Not a lock: another node's records. Take our probe back out and say what to change.
		await dbCall(
			context,
			gauge,
			itemIndex,
			'checking the workflow lock',
			async () => await context.helpers.removeProcessed([LOCK_ENTRY], 'workflow', ENTRIES),
		);
		throw lockConflict(context, itemIndex);
	}
	await dbCall(
		context,
		gauge,
		itemIndex,
		'breaking a dead holder’s lock',
		async () => await context.helpers.clearAllProcessedItems('workflow', ENTRIES),
	);
}

export async function acquire(
	context: IExecuteFunctions,
	gauge: LatencyGauge,
	itemIndex: number,
): Promise<Lease> {
	for (let attempt = 0; ; attempt++) {
		const count = await lockCount(context, gauge, itemIndex);
		if (count === 0) {
			const since = Date.now();
			const signature = signatureAt(since);
			if (await tryCreate(context, gauge, itemIndex, signature)) {
				await sleep(gauge.guardMs());
				const lease = { signature, since };
				if ((await lockCount(context, gauge, itemIndex)) === signature) {
					if (Date.now() - since < FENCE_MS / 2) return lease;
					// Ours, but the database is so slow that little of the fence is left: start again.
					await release(context, gauge, lease, itemIndex);
				}
				// Otherwise someone's late delete or write touched it and it is not surely ours: it is left
				// as it is (deleting could remove a newer holder's lock) and ages out if nobody holds it.
			}
		} else if (count > CYCLE_SLOTS) {
			throw lockConflict(context, itemIndex);
		} else if (isStale(count, Date.now())) {
			await breakStale(context, gauge, itemIndex, count);
			continue;
		}
		const ceiling = Math.min(MAX_BACKOFF_MS, 5 * 2 ** attempt);
		await sleep(Math.ceil(ceiling / 2 + Math.random() * (ceiling / 2)));
	}
}

/** Throws before a write once the lease is past its fence: the lock may be broken by then. */
export function assertFenced(context: IExecuteFunctions, lease: Lease, itemIndex: number): void {
	if (Date.now() - lease.since < FENCE_MS) return;
	throw new NodeOperationError(
		context.getNode(),
		'n8n’s database was too slow to record this item once',
		{
			itemIndex,
			description: `Taking the workflow lock and reading the record took over ${FENCE_MS / 1000} s, so nothing was written and nothing emitted. Retry the execution; if it keeps happening, n8n’s database is overloaded.`,
		},
	);
}

/** Deletes the lock only if it is still this holder's and within its fence; otherwise it ages out. */
export async function release(
	context: IExecuteFunctions,
	gauge: LatencyGauge,
	lease: Lease,
	itemIndex: number,
): Promise<void> {
	if (Date.now() - lease.since >= FENCE_MS) return;
	if ((await lockCount(context, gauge, itemIndex)) !== lease.signature) return;
	await dbCall(
		context,
		gauge,
		itemIndex,
		'releasing the workflow lock',
		async () => await context.helpers.clearAllProcessedItems('workflow', ENTRIES),
	);
}
