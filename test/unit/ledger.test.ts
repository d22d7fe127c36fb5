/**
 * The ledger's claims against a model of n8n's deduplication store (racyStore.ts): no lock, only
 * record creation atomic, several n8n processes, database calls of 20–60 ms (PostgreSQL under load),
 * on a simulated clock so minutes of contention run in seconds. The model is checked to really lose
 * updates first, so the claims' tests can fail.
 */
import fc from 'fast-check';

import { claimAll, LEDGER, processes, settle, START, winsPerKey } from './ledgerHarness';
import { jitter, RacyStore } from './racyStore';
import { GATHER_MS, Ledger } from 'n8n-nodes-zoom-connector/nodes/shared/ledger';

beforeEach(() => jest.useFakeTimers({ now: START }));
afterEach(() => jest.useRealTimers());

describe('the model of n8n’s deduplication store', () => {
	it('loses updates without a lock: concurrent first claims of one key all look new', async () => {
		const store = new RacyStore(jitter(20, 60));
		const context = store.contextFor('trigger');
		const warm = context.helpers.checkProcessedAndRecord(['warm-up'], 'node', { mode: 'entries' });
		await jest.advanceTimersByTimeAsync(200);
		await warm;
		const results = Array.from({ length: 10 }, () => context.helpers.checkProcessedAndRecord(['event-1'], 'node', { mode: 'entries' }));
		await jest.advanceTimersByTimeAsync(200);
		expect((await Promise.all(results)).filter((r) => r.new.length === 1).length).toBeGreaterThan(1);
	});
});

describe('ledger claims', () => {
	it('concurrent claims of one key by runs on three processes: exactly one wins', async () => {
		const store = new RacyStore(jitter(20, 60));
		const keys = Array.from({ length: 12 }, () => 'event-1');
		const { outcomes } = await settle(claimAll(store, processes('a', 'b', 'c'), keys), 60_000);
		expect(outcomes.filter((o) => o.state === 'won')).toHaveLength(1);
		expect(outcomes.filter((o) => o.state === 'lost')).toHaveLength(11);
		expect(store.unguardedWrites).toBe(0);
	});

	it('property: keys and copies claimed on several processes in any order: each key won exactly once', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 40 }),
				fc.integer({ min: 1, max: 4 }),
				async (picks, processCount) => {
					const store = new RacyStore(jitter(20, 60));
					const procs = processes(...Array.from({ length: processCount }, (_, i) => `p${i}`));
					const keys = picks.map((k) => `session-${k}`);
					const { outcomes } = await settle(claimAll(store, procs, keys, 'participants'), 120_000);
					expect(outcomes.every((o) => o.state === 'won' || o.state === 'lost')).toBe(true);
					for (const [, wins] of winsPerKey(keys, outcomes)) expect(wins).toBe(1);
					expect(store.unguardedWrites).toBe(0);
				},
			),
			{ numRuns: 25 },
		);
	});

	it('the run that owns a claim wins it again (n8n retrying it); others still lose', async () => {
		const store = new RacyStore(jitter(1, 2));
		const [proc] = processes('main');
		const context = store.contextFor('participants');
		const run = async (owner: string) => (await settle([proc.ledger.claim(context, 'session-a', owner, LEDGER)], 30_000)).outcomes[0].state;
		expect(await run('item-1')).toBe('won');
		expect(await run('item-1')).toBe('won');
		expect(await run('item-2')).toBe('lost');
		expect(await run('item-2')).toBe('lost');
	});

	it('an owner’s claim of one key does not cover another key', async () => {
		const store = new RacyStore(jitter(1, 2));
		const [proc] = processes('main');
		const context = store.contextFor('trigger');
		const run = async (key: string, owner: string) => (await settle([proc.ledger.claim(context, key, owner, LEDGER)], 30_000)).outcomes[0].state;
		expect(await run('k1', 'x')).toBe('won');
		expect(await run('k2', 'y')).toBe('won');
		expect(await run('k2', 'x')).toBe('lost');
	});

	it('a delivery known by two keys loses when either was claimed, and leaves no trace when it loses', async () => {
		const store = new RacyStore(jitter(1, 2));
		const [proc] = processes('main');
		const context = store.contextFor('trigger');
		const run = async (keys: string[], owner: string) => (await settle([proc.ledger.claim(context, keys, owner, LEDGER)], 30_000)).outcomes[0].state;
		expect(await run(['t:1', 'c:1'], 'first')).toBe('won');
		const before = store.entries('node', 'trigger');
		expect(await run(['t:2', 'c:1'], 'copy-with-new-tracking-id')).toBe('lost');
		expect(await run(['t:1', 'c:2'], 'copy-with-other-body')).toBe('lost');
		expect(store.entries('node', 'trigger')).toEqual(before);
	});

	it('a released claim can be won by the next run', async () => {
		const store = new RacyStore(jitter(1, 2));
		const [proc] = processes('main');
		const context = store.contextFor('participants');
		const run = async (owner: string) => (await settle([proc.ledger.claim(context, 'session-b', owner, LEDGER)], 30_000)).outcomes[0].state;
		expect(await run('item-1')).toBe('won');
		const released = proc.ledger.releaseClaim(context, 'session-b', 'item-1', LEDGER);
		await jest.advanceTimersByTimeAsync(2_000);
		await released;
		expect(await run('item-2')).toBe('won');
		expect(await run('item-1')).toBe('lost');
	});

	it('different nodes keep different ledgers but share the lock', async () => {
		const store = new RacyStore(jitter(20, 60));
		const [a, b] = processes('a', 'b');
		const claims = [
			a.ledger.claim(store.contextFor('trigger', 'a'), 'k', 'r1', LEDGER),
			b.ledger.claim(store.contextFor('participants', 'b'), 'k', 'r2', LEDGER),
			b.ledger.claim(store.contextFor('trigger', 'b'), 'k', 'r3', LEDGER),
			a.ledger.claim(store.contextFor('participants', 'a'), 'k', 'r4', LEDGER),
		];
		const { outcomes } = await settle(claims, 60_000);
		const won = outcomes.map((o) => o.state === 'won');
		expect(won.filter(Boolean)).toHaveLength(2);
		expect(won[0] !== won[2]).toBe(true);
		expect(won[1] !== won[3]).toBe(true);
		expect(store.unguardedWrites).toBe(0);
	});

	it('refuses to share the workflow-scope record with another node’s entries, naming the fix', async () => {
		const store = new RacyStore(() => 1);
		const other = store.contextFor('remove-duplicates');
		const seeded = other.helpers.checkProcessedAndRecord(
			Array.from({ length: 60 }, (_, i) => `someone-else-${i}`),
			'workflow',
			{ mode: 'entries' },
		);
		await jest.advanceTimersByTimeAsync(10);
		await seeded;
		const [proc] = processes('main');
		const { outcomes } = await settle([proc.ledger.claim(store.contextFor('participants'), 'k', 'a', LEDGER)], 30_000);
		expect(outcomes[0].state).toBe('failed');
		expect((outcomes[0] as { error: Error }).error.message).toMatch(/scope "workflow"/);
		expect(store.entries('workflow', 'x')).toHaveLength(60);
	});

	it('a small foreign workflow-scope record is not taken for a dead lock and deleted', async () => {
		const store = new RacyStore(() => 1);
		const other = store.contextFor('remove-duplicates');
		const seeded = other.helpers.checkProcessedAndRecord(['someone-else'], 'workflow', { mode: 'entries' });
		await jest.advanceTimersByTimeAsync(10);
		await seeded;
		const [proc] = processes('main');
		const { outcomes } = await settle([proc.ledger.claim(store.contextFor('participants'), 'k', 'a', LEDGER)], 300_000);
		expect(outcomes[0].state).toBe('failed');
		expect((outcomes[0] as { error: Error }).error.message).toMatch(/scope "workflow"/);
		expect(store.entries('workflow', 'x')).toEqual(['someone-else']);
	});
});

describe('claims arriving one by one, as a webinar’s joins do', () => {
	/** 60 claims, one every 110 ms (9 deliveries/s), on one process; the store's round trips per claim. */
	async function roundTripsPerClaim(gatherMs: number): Promise<{ perClaim: number; won: number }> {
		const store = new RacyStore(jitter(5, 15));
		const ledger = new Ledger(gatherMs);
		const context = store.contextFor('trigger');
		const claims: Array<Promise<boolean>> = [];
		for (let i = 0; i < 60; i++) {
			claims.push(ledger.claim(context, `join-${i}`, `run-${i}`, LEDGER));
			await jest.advanceTimersByTimeAsync(110);
		}
		const { outcomes } = await settle(claims, 60_000);
		return {
			perClaim: store.roundTrips / claims.length,
			won: outcomes.filter((o) => o.state === 'won').length,
		};
	}

	it('share batches: gathering before each batch cuts the database calls per claim by 40 % or more (about 52 % here)', async () => {
		const atOnce = await roundTripsPerClaim(0);
		const gathered = await roundTripsPerClaim(GATHER_MS);
		expect(atOnce.won).toBe(60);
		expect(gathered.won).toBe(60);
		expect(gathered.perClaim).toBeLessThanOrEqual(atOnce.perClaim * 0.6);
	});
});
