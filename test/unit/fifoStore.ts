/**
 * n8n 2.40's deduplication store in mode "entries" (deduplication-helper.ts: membership, the new
 * entries appended, the oldest cut beyond maxEntries; only creating a record atomic; a count that
 * writes nothing), without racyStore.ts's faults and latencies and at a constant cost per entry, so
 * hours of a trigger's deliveries run in seconds. Entries are kept as given (n8n hashes them).
 */
import type { IExecuteFunctions } from 'n8n-workflow';

type Scope = 'node' | 'workflow';

/** One record: insertion order kept by an array with a moving head, membership by a set. */
class FifoRecord {
	private readonly order: string[] = [];
	private head = 0;
	readonly members = new Set<string>();

	get size(): number {
		return this.members.size;
	}

	push(entry: string): void {
		this.order.push(entry);
		this.members.add(entry);
	}

	/** n8n's splice(0, length - maxEntries): the oldest go first. */
	trim(maxEntries: number): void {
		while (this.members.size > maxEntries && this.head < this.order.length) {
			const oldest = this.order[this.head++];
			this.members.delete(oldest);
		}
		if (this.head > 100_000) this.order.splice(0, this.head), (this.head = 0);
	}

	remove(entry: string): void {
		// Removed entries stay in `order` as gaps; trim skips them since they left `members`.
		this.members.delete(entry);
	}
}

export class FifoStore {
	private readonly records = new Map<string, FifoRecord>();

	private context(scope: Scope, nodeId: string): string {
		return scope === 'node' ? `n:${nodeId}` : '';
	}

	/** Fills a node's record with `count` unrelated entries: the memory at its steady-state size. */
	prefill(nodeId: string, count: number): void {
		const record = new FifoRecord();
		for (let i = 0; i < count; i++) record.push(`c:old-${i}`);
		this.records.set(this.context('node', nodeId), record);
	}

	size(scope: Scope, nodeId: string): number {
		return this.records.get(this.context(scope, nodeId))?.size ?? 0;
	}

	contextFor(nodeId: string): IExecuteFunctions {
		const key = (scope: Scope) => this.context(scope, nodeId);
		return {
			getNode: () => ({ id: nodeId, name: nodeId, type: 'test', typeVersion: 1, position: [0, 0], parameters: {} }),
			getWorkflow: () => ({ id: 'wf-fifo', name: 'fifo', active: true }),
			helpers: {
				checkProcessedAndRecord: async (items: string[], scope: Scope, options: { maxEntries?: number }) => {
					const record = this.records.get(key(scope)) ?? new FifoRecord();
					this.records.set(key(scope), record);
					const fresh = items.filter((item) => !record.members.has(item));
					fresh.forEach((item) => record.push(item));
					if (options.maxEntries) record.trim(options.maxEntries);
					return { new: fresh, processed: items.filter((item) => !fresh.includes(item)) };
				},
				removeProcessed: async (items: string[], scope: Scope) => {
					const record = this.records.get(key(scope));
					items.forEach((item) => record?.remove(item));
				},
				clearAllProcessedItems: async (scope: Scope) => {
					this.records.delete(key(scope));
				},
				getProcessedDataCount: async (scope: Scope) => this.records.get(key(scope))?.size ?? 0,
			},
		} as unknown as IExecuteFunctions;
	}
}
