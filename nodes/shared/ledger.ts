/**
 * "Has this workflow already handled X?" answered once, even when several n8n processes (queue-mode
 * workers) run the workflow at the same moment.
 *
 * n8n's deduplication store (what the Remove Duplicates node uses) keeps one record per workflow and
 * scope and rewrites it whole, without a lock: two runs recording at once can both see a key as new,
 * or erase each other's keys. Its one atomic step is creating a record: the database refuses a second
 * record for the same workflow and scope. So creating the workflow-scope record is this module's lock
 * and deleting it is the unlock; the node-scope record of the node asking is the ledger itself, read
 * and written only while the lock is held. The lock is held for a few database calls, never for the
 * Zoom calls.
 */
import { createHash } from 'crypto';
import type { ICheckProcessedOptions, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

const LOCK = 'n8n-nodes-zoom-connector:workflow-lock';
const LOCK_OPTIONS: ICheckProcessedOptions = { mode: 'entries' };
/**
 * A lock seen held this long belongs to a process that died while holding it. It is held for a few
 * database calls, but a waiter can see it taken by others in turn for many seconds when dozens of runs
 * queue for it on a busy database, so this is generous.
 */
const STALE_LOCK_MS = 120_000;
const MAX_BACKOFF_MS = 160;

export interface LedgerOptions {
	/** Most entries kept; the oldest go first. Each claim keeps two. */
	maxEntries: number;
}

const STORE_HELPERS = ['checkProcessedAndRecord', 'removeProcessed', 'clearAllProcessedItems', 'getProcessedDataCount'] as const;

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
export function missingDeduplicationStore(context: IExecuteFunctions, itemIndex: number, option: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), `"${option}" needs n8n’s deduplication store, which this n8n does not have`, {
		itemIndex,
		description: `Update n8n to 1.123 or newer (the versions this package is tested on are listed in its docs/COMPATIBILITY.md), or turn off "${option}".`,
	});
}

function isModeConflict(error: unknown): boolean {
	return error instanceof Error && /Keep Items Where|incompatible setting/i.test(error.message);
}

function lockConflict(context: IExecuteFunctions, itemIndex: number): NodeOperationError {
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

async function lock(context: IExecuteFunctions, itemIndex: number): Promise<void> {
	const helpers = context.helpers;
	let waitingSince = Date.now();
	for (let attempt = 0; ; attempt++) {
		let acquired = false;
		try {
			acquired = (await helpers.checkProcessedAndRecord([LOCK], 'workflow', LOCK_OPTIONS)).new.length === 1;
		} catch (error) {
			if (isModeConflict(error)) throw lockConflict(context, itemIndex);
			// Another run created the record at the same moment and the database refused ours: held.
		}
		if (acquired) {
			// Only the record's creation is atomic. Had it existed with another node's entries, adding
			// the lock to it would not exclude anyone.
			const entries = await helpers.getProcessedDataCount('workflow', LOCK_OPTIONS);
			if (entries === 1) return;
			if (entries > 1) {
				await helpers.removeProcessed([LOCK], 'workflow', LOCK_OPTIONS);
				throw lockConflict(context, itemIndex);
			}
			// 0: a waiter took the lock for a dead holder's and cleared it; try again.
		}
		if (Date.now() - waitingSince > STALE_LOCK_MS) {
			await helpers.clearAllProcessedItems('workflow', LOCK_OPTIONS);
			waitingSince = Date.now();
		}
		// Backing off keeps many waiting runs from flooding the database with attempts.
		const ceiling = Math.min(MAX_BACKOFF_MS, 5 * 2 ** attempt);
		await sleep(Math.ceil(ceiling / 2 + Math.random() * (ceiling / 2)));
	}
}

async function unlock(context: IExecuteFunctions): Promise<void> {
	await context.helpers.clearAllProcessedItems('workflow', LOCK_OPTIONS);
}

/** Runs `work` while this workflow's lock is held; `work` must only touch the ledger. */
async function locked<T>(context: IExecuteFunctions, itemIndex: number, work: () => Promise<T>): Promise<T> {
	await lock(context, itemIndex);
	try {
		return await work();
	} finally {
		await unlock(context);
	}
}

/** A short, stable token for what identifies one run's claim (e.g. the input item it came from). */
export function ownerToken(...parts: unknown[]): string {
	return createHash('sha256').update(JSON.stringify(parts)).digest('base64').slice(0, 22);
}

const ledgerOptions = (options: LedgerOptions): ICheckProcessedOptions => ({ mode: 'entries', maxEntries: options.maxEntries });
const claimEntry = (key: string) => `c:${key}`;
const ownerEntry = (key: string, owner: string) => `o:${key}:${owner}`;

/**
 * Claims `key` for `owner`: true when nobody had claimed it, or when `owner` itself had (n8n
 * retrying the same execution). False means another run has it.
 */
export async function claim(
	context: IExecuteFunctions,
	key: string,
	owner: string,
	options: LedgerOptions & { itemIndex: number; option: string },
): Promise<boolean> {
	if (!hasDeduplicationStore(context)) throw missingDeduplicationStore(context, options.itemIndex, options.option);
	const ledger = ledgerOptions(options);
	return await locked(context, options.itemIndex, async () => {
		const recorded = await context.helpers.checkProcessedAndRecord([claimEntry(key), ownerEntry(key, owner)], 'node', ledger);
		const firstClaim = recorded.new.includes(claimEntry(key));
		const ownClaim = !recorded.new.includes(ownerEntry(key, owner));
		if (firstClaim || ownClaim) return true;
		// Someone else's: our owner entry was only needed had we won.
		await context.helpers.removeProcessed([ownerEntry(key, owner)], 'node', ledger);
		return false;
	});
}

/** Gives a claim back (the work failed), so the next run that brings `key` does it. */
export async function releaseClaim(
	context: IExecuteFunctions,
	key: string,
	owner: string,
	options: LedgerOptions & { itemIndex: number },
): Promise<void> {
	const ledger = ledgerOptions(options);
	await locked(context, options.itemIndex, async () => {
		await context.helpers.removeProcessed([claimEntry(key), ownerEntry(key, owner)], 'node', ledger);
	});
}
