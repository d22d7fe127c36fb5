/**
 * The workflow-wide lease the ledger (shared/ledger.ts, where the design is weighed) holds while it
 * reads and rewrites its record. It lives in the workflow-scope record of n8n's deduplication store,
 * whose one atomic step is creating that record: the database refuses a second one.
 *
 * - The record says how old it is and whose it is: the holder creates it with
 *   1 + slot + CYCLE_SLOTS × nonce entries (slot: the 5 s slot mod 48 it asked in; nonce: its own
 *   random 1–15). getProcessedDataCount (the one helper that writes nothing) reads both back. A lock is
 *   broken only when the lock itself is old, never because someone has waited long.
 * - The count is the holder's token: it deletes the record only if the count is still its own (slot
 *   and nonce) and it has held it under FENCE_MS, so it never deletes a lock broken and taken since,
 *   even one taken in the same 5 s slot (a 1-in-15 chance left, and only after such a break).
 * - A holder writes nothing after FENCE_MS (10 s); a write in flight lands within 20 s (the stated
 *   bound), so a lock is dead 30 s after its holder asked for it.
 * - Clock skew, symmetric and stated: any two processes' clocks agree within SKEW_MS (10 s). A lock
 *   counts as stale only when its age read from the count is 9–45 slots: 9 slots (over 40 s by the
 *   reader's clock) is over 30 s of real age for a reader up to 10 s ahead, and a fresh lock read by a
 *   clock up to 10 s behind looks at most 2 slots "from the future" (46–47), which is not stale.
 * - Breaking: re-read the count, probe that the record holds our lock entry, re-read the count after
 *   the probe, and delete only if it is still the dead lock's (a fresh lock never has a stale count).
 *   A probe that added our entry to a record of exactly one more entry found another node's records:
 *   it is taken back out and the conflict named. A record of one entry is a probe's own leftover.
 * - Not ours, at first sight: holders draw nonces 1–15, so a count of 2–48 (a "latestDate" record, if
 *   counted by its string's length, 24) or over 768 is another node's record, and the conflict is named
 *   at once. One of 49–768 entries is taken for a lock until it is stale; then the probe tells.
 * - Two creators racing: the one that read the other's new lock and added entries to it takes them
 *   back out at once; the holder, finding a count not its own, looks again after a second guard.
 * - A breaker's probe or delete that lands late can still hit a lock created meanwhile; the new holder
 *   waits a guard (twice the slowest database call it saw) and checks its count again before trusting.
 * - Any database error other than "record already exists" is retried twice, then thrown: never read
 *   as "held", so a read-only or full database fails the run instead of spinning.
 */
import type { ICheckProcessedOptions, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

export const LOCK_ENTRY = 'n8n-nodes-zoom-connector:workflow-lock';
const ENTRIES: ICheckProcessedOptions = { mode: 'entries' };

export const SLOT_MS = 5_000;
export const CYCLE_SLOTS = 48;
/** Distinct holders one slot can tell apart: the count's second digit. */
export const NONCES = 16;
/** Clocks of any two processes agree within this (stated bound), both ways. */
export const SKEW_MS = 10_000;
/** A holder writes nothing after this; a write in flight lands within DB_BOUND_MS. */
export const FENCE_MS = 10_000;
const DB_BOUND_MS = 20_000;
/** Read ages from this many slots on are over FENCE + DB bound of real age, even for a clock SKEW ahead. */
export const STALE_SLOTS = Math.floor((FENCE_MS + DB_BOUND_MS + SKEW_MS) / SLOT_MS) + 1;
/** Ages this near a whole cycle are a fresh lock read by a clock up to SKEW behind, not an old lock. */
const AHEAD_SLOTS = Math.floor(SKEW_MS / SLOT_MS) + 1;
const GUARD_MIN_MS = 50;
/** Spreads the processes that find the same dead lock, so they rarely break it together. */
const BREAK_JITTER_MS = 3_000;
const MAX_BACKOFF_MS = 160;
const DB_ATTEMPTS = 3;

export interface Lease {
	/** The entry count this holder created the record with: its slot and its nonce. */
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

/** Largest count a lock has; a record with more entries is another node's. */
export const MAX_LOCK_COUNT = CYCLE_SLOTS * NONCES;

/** The entry count a lock asked for at `ms` by the holder with `nonce` has. */
export function signatureAt(ms: number, nonce: number): number {
	return 1 + (Math.floor(ms / SLOT_MS) % CYCLE_SLOTS) + CYCLE_SLOTS * nonce;
}

/** Whole slots since a lock with this count was created, read at `ms`, modulo the cycle. */
export function ageSlots(count: number, ms: number): number {
	const slot = (count - 1) % CYCLE_SLOTS;
	return (
		((((Math.floor(ms / SLOT_MS) % CYCLE_SLOTS) - slot) % CYCLE_SLOTS) + CYCLE_SLOTS) % CYCLE_SLOTS
	);
}

export function isStale(count: number, ms: number): boolean {
	const age = ageSlots(count, ms);
	return (
		count >= 1 && count <= MAX_LOCK_COUNT && age >= STALE_SLOTS && age <= CYCLE_SLOTS - AHEAD_SLOTS
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
			if (recorded.new.length === entries.length) return true;
			// We read a lock created meanwhile and added our extra entries to it: take them back out at
			// once, so its holder finds its own count again (see acquire).
			if (recorded.new.length) {
				await dbCall(
					context,
					gauge,
					itemIndex,
					'taking the workflow lock',
					async () => await context.helpers.removeProcessed(recorded.new, 'workflow', ENTRIES),
				);
			}
			return false;
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

/** Deletes a dead holder's lock, after making sure the record is that lock and not another node's data. */
async function breakStale(
	context: IExecuteFunctions,
	gauge: LatencyGauge,
	itemIndex: number,
	seen: number,
): Promise<void> {
	await sleep(Math.floor(Math.random() * BREAK_JITTER_MS));
	const count = await lockCount(context, gauge, itemIndex);
	if (count !== seen || !(count === 1 || isStale(count, Date.now()))) return;
	const probe = await dbCall(
		context,
		gauge,
		itemIndex,
		'checking the workflow lock',
		async () => await context.helpers.checkProcessedAndRecord([LOCK_ENTRY], 'workflow', ENTRIES),
	);
	// Re-read after the probe: a lock taken meanwhile has a fresh count, never the dead one's.
	const after = await lockCount(context, gauge, itemIndex);
	if (probe.new.length === 1) {
		if (after === seen + 1) {
			// Not a lock: another node's records, which our probe entry joined. Take it back out.
			await dbCall(
				context,
				gauge,
				itemIndex,
				'checking the workflow lock',
				async () => await context.helpers.removeProcessed([LOCK_ENTRY], 'workflow', ENTRIES),
			);
			throw lockConflict(context, itemIndex);
		}
		// The record went while we probed: ours is a one-entry leftover, never a lock's count.
		if (after !== 1) return;
	} else if (after !== seen) return;
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
			// Never 1: a one-entry record is a breaker's probe leftover (see breakStale).
			const signature = signatureAt(since, 1 + Math.floor(Math.random() * (NONCES - 1)));
			if (await tryCreate(context, gauge, itemIndex, signature)) {
				await sleep(gauge.guardMs());
				const lease = { signature, since };
				// A creator that raced ours may have added entries and be taking them out: look twice.
				let own = (await lockCount(context, gauge, itemIndex)) === signature;
				if (!own) {
					await sleep(gauge.guardMs());
					own = (await lockCount(context, gauge, itemIndex)) === signature;
				}
				if (own) {
					if (Date.now() - since < FENCE_MS / 2) return lease;
					// Ours, but the database is so slow that little of the fence is left: start again.
					await release(context, gauge, lease, itemIndex);
				}
				// Otherwise someone's late delete or write touched it and it is not surely ours: it is left
				// as it is (deleting could remove a newer holder's lock) and ages out if nobody holds it.
			}
		} else if (count > MAX_LOCK_COUNT || (count > 1 && count <= CYCLE_SLOTS)) {
			// No holder's count: nonce 0 is never drawn, so 2–48 entries (e.g. a "latestDate" record that a
			// count reads by its string's length, 24) and more than the largest lock are another node's.
			throw lockConflict(context, itemIndex);
		} else if (count === 1 || isStale(count, Date.now())) {
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
