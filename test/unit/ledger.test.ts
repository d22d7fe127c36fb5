/**
 * The ledger's claims against a model of n8n's deduplication store that keeps its one weakness and
 * its one strength: a record is read and rewritten whole with the database's latency in between
 * (no lock), and only creating a record is atomic (a second insert is refused). The model is checked
 * to really lose updates first, so the claims' tests can fail.
 */
import fc from 'fast-check';
import type { IExecuteFunctions } from 'n8n-workflow';

import { claim, releaseClaim } from '../../nodes/shared/ledger';

type Scope = 'node' | 'workflow';

class RacyStore {
	private records = new Map<string, string[]>();
	constructor(private readonly latency: () => number) {}

	private async io(): Promise<void> {
		await new Promise((resolve) => setTimeout(resolve, this.latency()));
	}

	private context(scope: Scope, nodeId: string): string {
		return scope === 'node' ? `n:${nodeId}` : '';
	}

	/** n8n's DeduplicationHelper.checkProcessedAndRecord in mode "entries", step by step. */
	async checkProcessedAndRecord(items: string[], scope: Scope, nodeId: string, maxEntries?: number) {
		const key = this.context(scope, nodeId);
		await this.io();
		const found = this.records.get(key);
		const existing = found ? [...found] : undefined;
		await this.io();
		if (!existing) {
			if (this.records.has(key)) throw new Error('duplicate key value violates unique constraint "PK_processed_data"');
			this.records.set(key, maxEntries ? items.slice(-maxEntries) : [...items]);
			return { new: items, processed: [] as string[] };
		}
		const seen = new Set(existing);
		const fresh = items.filter((item) => !seen.has(item));
		const processed = items.filter((item) => seen.has(item));
		const data = [...existing, ...fresh];
		if (maxEntries) data.splice(0, data.length - maxEntries);
		if (this.records.has(key)) this.records.set(key, data);
		return { new: fresh, processed };
	}

	async removeProcessed(items: string[], scope: Scope, nodeId: string) {
		const key = this.context(scope, nodeId);
		await this.io();
		const found = this.records.get(key);
		if (!found) return;
		const data = found.filter((item) => !items.includes(item));
		await this.io();
		if (this.records.has(key)) this.records.set(key, data);
	}

	async clearAllProcessedItems(scope: Scope, nodeId: string) {
		await this.io();
		this.records.delete(this.context(scope, nodeId));
	}

	async getProcessedDataCount(scope: Scope, nodeId: string) {
		await this.io();
		return this.records.get(this.context(scope, nodeId))?.length ?? 0;
	}

	/** What one node of the workflow sees as `this` in execute(). */
	contextFor(nodeId: string): IExecuteFunctions {
		return {
			getNode: () => ({ id: nodeId, name: nodeId, type: 'test', typeVersion: 1, position: [0, 0], parameters: {} }),
			helpers: {
				checkProcessedAndRecord: (items: string[], scope: Scope, options: { maxEntries?: number }) =>
					this.checkProcessedAndRecord(items, scope, nodeId, options.maxEntries),
				removeProcessed: (items: string[], scope: Scope) => this.removeProcessed(items, scope, nodeId),
				clearAllProcessedItems: (scope: Scope) => this.clearAllProcessedItems(scope, nodeId),
				getProcessedDataCount: (scope: Scope) => this.getProcessedDataCount(scope, nodeId),
			},
		} as unknown as IExecuteFunctions;
	}
}

const LEDGER = { maxEntries: 10_000, itemIndex: 0, option: 'Skip Sessions Already Processed' };
const jitter = (max: number) => () => Math.floor(Math.random() * max);

describe('the model of n8n’s deduplication store', () => {
	it('loses updates without a lock: concurrent first claims of one key all look new', async () => {
		const store = new RacyStore(jitter(5));
		const context = store.contextFor('trigger');
		await context.helpers.checkProcessedAndRecord(['warm-up'], 'node', { mode: 'entries' });
		const results = await Promise.all(
			Array.from({ length: 10 }, () => context.helpers.checkProcessedAndRecord(['event-1'], 'node', { mode: 'entries' })),
		);
		expect(results.filter((r) => r.new.length === 1).length).toBeGreaterThan(1);
	});
});

describe('ledger claims', () => {
	it('concurrent claims of one key by different runs: exactly one wins', async () => {
		const store = new RacyStore(jitter(5));
		const context = store.contextFor('trigger');
		const results = await Promise.all(Array.from({ length: 12 }, (_, run) => claim(context, 'event-1', `run-${run}`, LEDGER)));
		expect(results.filter(Boolean)).toHaveLength(1);
	});

	it('property: many keys, copies claimed concurrently in any order: each key won exactly once', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 24 }),
				fc.integer({ min: 1, max: 6 }),
				async (keys, maxLatency) => {
					const store = new RacyStore(jitter(maxLatency));
					const context = store.contextFor('participants');
					const results = await Promise.all(keys.map((key, copy) => claim(context, `session-${key}`, `run-${copy}`, LEDGER)));
					const winners = new Map<number, number>();
					keys.forEach((key, copy) => {
						if (results[copy]) winners.set(key, (winners.get(key) ?? 0) + 1);
					});
					for (const key of new Set(keys)) expect(winners.get(key)).toBe(1);
				},
			),
			{ numRuns: 40 },
		);
	});

	it('the run that owns a claim wins it again (n8n retrying it); others still lose', async () => {
		const store = new RacyStore(jitter(2));
		const context = store.contextFor('participants');
		expect(await claim(context, 'session-a', 'item-1', LEDGER)).toBe(true);
		expect(await claim(context, 'session-a', 'item-1', LEDGER)).toBe(true);
		expect(await claim(context, 'session-a', 'item-2', LEDGER)).toBe(false);
		expect(await claim(context, 'session-a', 'item-2', LEDGER)).toBe(false);
	});

	it('a released claim can be won by the next run', async () => {
		const store = new RacyStore(jitter(2));
		const context = store.contextFor('participants');
		expect(await claim(context, 'session-b', 'item-1', LEDGER)).toBe(true);
		await releaseClaim(context, 'session-b', 'item-1', LEDGER);
		expect(await claim(context, 'session-b', 'item-2', LEDGER)).toBe(true);
		expect(await claim(context, 'session-b', 'item-1', LEDGER)).toBe(false);
	});

	it('different nodes keep different ledgers but share the lock', async () => {
		const store = new RacyStore(jitter(3));
		const [trigger, participants] = [store.contextFor('trigger'), store.contextFor('participants')];
		const results = await Promise.all([
			claim(trigger, 'k', 'a', LEDGER),
			claim(participants, 'k', 'b', LEDGER),
			claim(trigger, 'k', 'c', LEDGER),
			claim(participants, 'k', 'd', LEDGER),
		]);
		expect(results.filter(Boolean)).toHaveLength(2);
		expect(results[0] !== results[2]).toBe(true);
		expect(results[1] !== results[3]).toBe(true);
	});

	it('refuses to share the workflow-scope record with another node’s entries, naming the fix', async () => {
		const store = new RacyStore(() => 0);
		const context = store.contextFor('participants');
		await context.helpers.checkProcessedAndRecord(['someone-else'], 'workflow', { mode: 'entries' });
		await expect(claim(context, 'k', 'a', LEDGER)).rejects.toThrow(/scope "workflow"/);
		// The other node's entry is left as it was.
		expect(await context.helpers.getProcessedDataCount('workflow', { mode: 'entries' })).toBe(1);
	});
});
