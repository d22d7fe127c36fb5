/**
 * The workflow lock (nodes/shared/ledgerLock.ts) against the races issue #27 found on the store model
 * (racyStore.ts): a release that deletes another process's lock taken in the same 5 s slot, breakers
 * of one dead lock deleting the lock one of them has just taken, a record another node keeps in the
 * workflow's context read as a lock, and clocks that disagree.
 */
import fc from 'fast-check';

import { claimAll, LEDGER, processes, settle, START, winsPerKey } from './ledgerHarness';
import { jitter, RacyStore } from './racyStore';
import {
	acquire,
	isStale,
	LatencyGauge,
	lockEntries,
	release,
	signatureAt,
	SKEW_MS,
} from 'n8n-nodes-zoom-connector/nodes/shared/ledgerLock';

beforeEach(() => jest.useFakeTimers({ now: START }));
afterEach(() => {
	jest.useRealTimers();
	jest.restoreAllMocks();
});

async function run<T>(promise: Promise<T>, limitMs = 60_000): Promise<T> {
	let done = false;
	let value: T | undefined;
	void promise.then((v) => {
		done = true;
		value = v;
	});
	for (let waited = 0; !done && waited < limitMs; waited += 10) await jest.advanceTimersByTimeAsync(10);
	if (!done) throw new Error('did not settle');
	return value as T;
}

/** Leaves the lock record a holder killed `agoMs` ago would have left (its nonce 1). */
async function deadLock(store: RacyStore, agoMs: number): Promise<void> {
	const entries = lockEntries(signatureAt(Date.now() - agoMs, 1));
	await run(store.contextFor('trigger', 'dead').helpers.checkProcessedAndRecord(entries, 'workflow', { mode: 'entries' }));
}

describe('only the holder that took a lock releases it', () => {
	it('a holder whose lock went meanwhile does not delete another process’s lock taken in the same 5 s slot', async () => {
		const store = new RacyStore(() => 5);
		const random = jest.spyOn(Math, 'random');
		random.mockReturnValue(0.1);
		const first = await run(acquire(store.contextFor('trigger', 'a'), new LatencyGauge(), 0));
		// Its lock goes (a breaker's delete landing late does this), and b takes one within the slot.
		await run(store.contextFor('trigger', 'x').helpers.clearAllProcessedItems('workflow', { mode: 'entries' }));
		random.mockReturnValue(0.6);
		const second = await run(acquire(store.contextFor('trigger', 'b'), new LatencyGauge(), 0));
		expect(Math.floor(first.since / 5000)).toBe(Math.floor(second.since / 5000));
		await run(release(store.contextFor('trigger', 'a'), new LatencyGauge(), first, 0));
		expect(store.entries('workflow', 'trigger')).toHaveLength(second.signature);
	});
});

describe('breaking a dead holder’s lock', () => {
	it('property: copies of one delivery at 2–3 processes meet a dead lock, with late probes and 500 ms writes: one wins, no write unguarded', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 2, max: 3 }),
				fc.integer({ min: 31_000, max: 60_000 }),
				fc.array(fc.constantFrom(5, 20, 100, 500), { minLength: 4, maxLength: 12 }),
				async (processCount, deadForMs, spikes) => {
					const store = new RacyStore(jitter(5, 120));
					await deadLock(store, deadForMs);
					const procs = processes(...Array.from({ length: processCount }, (_, i) => `p${i}`));
					procs.forEach((proc, i) => store.slowDown(proc.name, ...spikes.slice(i).concat(spikes.slice(0, i))));
					const keys = Array.from({ length: processCount * 2 }, () => 'join-1');
					const { outcomes } = await settle(claimAll(store, procs, keys), 300_000);
					expect(outcomes.every((o) => o.state === 'won' || o.state === 'lost')).toBe(true);
					expect(winsPerKey(keys, outcomes).get('join-1')).toBe(1);
					expect(store.unguardedWrites).toBe(0);
				},
			),
			{ numRuns: 60 },
		);
	});
});

describe('a record that is not ours', () => {
	async function otherNodesLatestDate(store: RacyStore): Promise<void> {
		const other = store.contextFor('remove-duplicates', 'main');
		await run(other.helpers.checkProcessedAndRecord(['2026-12-01T11:59:00.000Z'], 'workflow', { mode: 'latestDate' }));
	}

	it.each([
		['counted by its string’s length (24), as the issue’s model counts it', true],
		['counted 0, as n8n 2.40’s getProcessedDataCount counts a record that is not an array', false],
	])('a "latestDate" record another node keeps in the workflow context, %s: the conflict is named at once', async (_, byLength) => {
		const store = new RacyStore(() => 20);
		store.countLatestByLength = byLength;
		await otherNodesLatestDate(store);
		const before = store.roundTrips;
		const { outcomes, elapsedMs } = await settle(claimAll(store, processes('main'), ['join-1']), 120_000);
		expect(outcomes[0]).toMatchObject({ state: 'failed', error: { message: expect.stringMatching(/scope "workflow"/) } });
		expect(elapsedMs).toBeLessThan(1_000);
		expect(store.roundTrips - before).toBeLessThanOrEqual(4);
		// The other node's value is left as it was.
		expect(store.entries('workflow', 'x')).toBe('2026-12-01T11:59:00.000Z');
	});

	it('another node’s records of any size from 2 to 48 entries are named at once, never waited on', async () => {
		for (const size of [2, 24, 48]) {
			const store = new RacyStore(() => 20);
			const entries = Array.from({ length: size }, (_, i) => `other-${i}`);
			await run(store.contextFor('remove-duplicates').helpers.checkProcessedAndRecord(entries, 'workflow', { mode: 'entries' }));
			const { outcomes, elapsedMs } = await settle(claimAll(store, processes('main'), ['join-1']), 120_000);
			expect(outcomes[0].state).toBe('failed');
			expect(elapsedMs).toBeLessThan(1_000);
			expect(store.entries('workflow', 'x')).toEqual(entries);
		}
	});

	it('a dead lock still works as before: broken by its age, the claim then wins', async () => {
		const store = new RacyStore(() => 20);
		await deadLock(store, 45_000);
		const { outcomes } = await settle(claimAll(store, processes('main'), ['join-1']), 120_000);
		expect(outcomes[0].state).toBe('won');
		expect(store.unguardedWrites).toBe(0);
		void LEDGER;
	});
});

describe('clock skew, the same margin both ways', () => {
	const EPOCH_MS = fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2040-01-01') });
	/** Real age up to which a holder's writes may still land: its fence (10 s) and a call's bound (20 s). */
	const LIVE_MS = 30_000;

	it('property: a live lock is never stale to a clock up to 10 s ahead of or behind its holder’s', () => {
		expect(SKEW_MS).toBe(10_000);
		fc.assert(
			fc.property(EPOCH_MS, fc.integer({ min: 0, max: LIVE_MS }), fc.integer({ min: -SKEW_MS, max: SKEW_MS }), fc.integer({ min: 1, max: 15 }), (created, ageMs, skewMs, nonce) => {
				expect(isStale(signatureAt(created, nonce), created + ageMs + skewMs)).toBe(false);
			}),
		);
	});

	it('property: a dead lock turns stale within 55 s of its real age, to any clock within 10 s', () => {
		fc.assert(
			fc.property(EPOCH_MS, fc.integer({ min: 55_000, max: 100_000 }), fc.integer({ min: -SKEW_MS, max: SKEW_MS }), fc.integer({ min: 1, max: 15 }), (created, ageMs, skewMs, nonce) => {
				expect(isStale(signatureAt(created, nonce), created + ageMs + skewMs)).toBe(true);
			}),
		);
	});
});
