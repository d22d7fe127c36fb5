/**
 * A model of n8n 2.40's deduplication store (packages/cli/src/deduplication/deduplication-helper.ts)
 * that keeps its one weakness and its one strength: a record is read and rewritten whole with the
 * database's latency in between (no lock), and only creating a record is atomic (a second insert is
 * refused; an update of a deleted record changes nothing). Entries are kept as given (n8n hashes
 * them; nothing here reads them back either). Several n8n processes share it; any of them can be
 * killed (its calls never answer again, in flight ones included), made slow, or the database made to
 * fail. It counts what the ledger costs: round trips and bytes written.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

type Scope = 'node' | 'workflow';
type Mode = 'entries' | 'latestIncrementalKey' | 'latestDate';
interface StoredRecord {
	mode: Mode;
	/** An array in mode "entries"; one value (a string) in the "latest…" modes, as n8n keeps it. */
	data: string[];
	/** Which process created this record (to tell whose lock it is). */
	createdBy: string;
}
/** As the database holds it: the value column is JSON text, parsed on every read. */
interface StoredRow {
	mode: Mode;
	json: string;
	createdBy: string;
}

export const WORKFLOW_ID = 'wf-ledger';
const never = new Promise<never>(() => undefined);

export class RacyStore {
	private readonly records = new Map<string, StoredRow>();
	private readonly dead = new Set<string>();
	private readonly slow = new Map<string, number[]>();
	/** Throws this error on every write (e.g. a read-only database) while set. */
	failWrites: Error | undefined;
	/** Chance that any one call fails with a transient error. */
	failRate = 0;
	roundTrips = 0;
	bytesWritten = 0;
	ledgerWrites = 0;
	/** Ledger writes by a process that did not create the current lock: exclusion broken. */
	unguardedWrites = 0;
	/**
	 * n8n 2.40's getProcessedDataCount answers 0 for a record that is not an array (a "latest…" mode's
	 * one value). Set this to count such a record by its string's length instead (the model issue #27
	 * was found with): the ledger must not take it for a lock either way.
	 */
	countLatestByLength = false;

	constructor(private readonly latency: () => number) {}

	kill(process: string): void {
		this.dead.add(process);
	}

	/** The next calls of `process` take these times instead of the usual latency. */
	slowDown(process: string, ...ms: number[]): void {
		this.slow.set(process, ms);
	}

	entries(scope: Scope, nodeId: string): string[] {
		return this.read(this.context(scope, nodeId))?.data ?? [];
	}

	/** Fills a node's ledger with `count` unrelated entries, as months of claims would. */
	prefill(nodeId: string, count: number): void {
		const data = Array.from({ length: count }, (_, i) => `c:old-${i}`);
		this.records.set(this.context('node', nodeId), { mode: 'entries', json: JSON.stringify(data), createdBy: 'past' });
	}

	private context(scope: Scope, nodeId: string): string {
		return scope === 'node' ? `n:${nodeId}` : '';
	}

	private async io(process: string, write = false): Promise<void> {
		this.roundTrips++;
		const planned = this.slow.get(process);
		const ms = planned?.length ? planned.shift()! : this.latency();
		await new Promise((resolve) => setTimeout(resolve, ms));
		if (this.dead.has(process)) await never;
		if (Math.random() < this.failRate) throw new Error('Connection terminated unexpectedly');
		if (write && this.failWrites) throw this.failWrites;
	}

	private write(key: string, record: StoredRecord, process: string): void {
		const json = JSON.stringify(record.data);
		this.bytesWritten += json.length;
		if (key.startsWith('n:')) {
			this.ledgerWrites++;
			if (this.records.get('')?.createdBy !== process) this.unguardedWrites++;
		}
		this.records.set(key, { mode: record.mode, json, createdBy: record.createdBy });
	}

	private read(key: string): StoredRecord | undefined {
		const found = this.records.get(key);
		return found ? { mode: found.mode, data: JSON.parse(found.json) as string[], createdBy: found.createdBy } : undefined;
	}

	async checkProcessedAndRecord(process: string, items: string[], scope: Scope, nodeId: string, mode: Mode, maxEntries?: number) {
		const key = this.context(scope, nodeId);
		await this.io(process);
		const found = this.read(key);
		if (found && found.mode !== mode) {
			throw new Error('Deduplication data was originally saved with an incompatible setting of the ‘Keep Items Where’ parameter.');
		}
		await this.io(process, true);
		if (mode !== 'entries') return this.recordLatest(key, items, mode, process, found);
		if (!found) {
			if (this.records.has(key)) throw new Error('duplicate key value violates unique constraint "PK_processed_data"');
			this.write(key, { mode, data: maxEntries ? items.slice(-maxEntries) : [...items], createdBy: process }, process);
			return { new: [...items], processed: [] as string[] };
		}
		const seen = new Set(found.data);
		const fresh: string[] = [];
		const processed: string[] = [];
		for (const item of items) {
			if (seen.has(item)) processed.push(item);
			else {
				fresh.push(item);
				found.data.push(item);
			}
		}
		if (maxEntries) found.data.splice(0, found.data.length - maxEntries);
		// n8n updates WHERE workflowId AND context: a record deleted meanwhile stays deleted, and one
		// created meanwhile is overwritten with what was read from the old one.
		const current = this.records.get(key);
		if (current) this.write(key, { ...found, createdBy: current.createdBy }, process);
		return { new: fresh, processed };
	}

	/** Mode "latestDate"/"latestIncrementalKey": one value kept, the largest (dates compared as dates). */
	private recordLatest(key: string, items: string[], mode: Mode, process: string, found: StoredRecord | undefined) {
		const order = (value: string) => (mode === 'latestDate' ? Date.parse(value) : Number(value));
		const largest = [...items].sort((a, b) => order(a) - order(b)).pop()!;
		const kept = found ? (found.data as unknown as string) : undefined;
		const fresh = kept === undefined ? items : items.filter((item) => order(item) > order(kept));
		const value = kept === undefined || order(largest) > order(kept) ? largest : kept;
		if (!found && this.records.has(key)) throw new Error('duplicate key value violates unique constraint "PK_processed_data"');
		this.records.set(key, { mode, json: JSON.stringify(value), createdBy: found?.createdBy ?? process });
		return { new: fresh, processed: items.filter((item) => !fresh.includes(item)) };
	}

	async removeProcessed(process: string, items: string[], scope: Scope, nodeId: string) {
		const key = this.context(scope, nodeId);
		await this.io(process);
		const found = this.read(key);
		// n8n leaves a record that is not an array as it is.
		if (!found || !Array.isArray(found.data)) return;
		for (const item of items) {
			const index = found.data.indexOf(item);
			if (index !== -1) found.data.splice(index, 1);
		}
		await this.io(process, true);
		const current = this.records.get(key);
		if (current) this.write(key, { ...found, createdBy: current.createdBy }, process);
	}

	async clearAllProcessedItems(process: string, scope: Scope, nodeId: string) {
		await this.io(process, true);
		this.records.delete(this.context(scope, nodeId));
	}

	async getProcessedDataCount(process: string, scope: Scope, nodeId: string) {
		await this.io(process);
		// n8n reads and parses the whole record to count it; a "latest…" record's one value counts 0.
		const data = this.read(this.context(scope, nodeId))?.data;
		if (Array.isArray(data)) return data.length;
		return typeof data === 'string' && this.countLatestByLength ? (data as string).length : 0;
	}

	/** What one node of the workflow sees as `this` in execute(), in one n8n process. */
	contextFor(nodeId: string, process = 'main'): IExecuteFunctions {
		return {
			getNode: () => ({ id: nodeId, name: nodeId, type: 'test', typeVersion: 1, position: [0, 0], parameters: {} }),
			getWorkflow: () => ({ id: WORKFLOW_ID, name: 'ledger', active: true }),
			helpers: {
				checkProcessedAndRecord: (items: string[], scope: Scope, options: { mode: Mode; maxEntries?: number }) =>
					this.checkProcessedAndRecord(process, items, scope, nodeId, options.mode, options.maxEntries),
				removeProcessed: (items: string[], scope: Scope) => this.removeProcessed(process, items, scope, nodeId),
				clearAllProcessedItems: (scope: Scope) => this.clearAllProcessedItems(process, scope, nodeId),
				getProcessedDataCount: (scope: Scope) => this.getProcessedDataCount(process, scope, nodeId),
			},
		} as unknown as IExecuteFunctions;
	}
}

export const jitter = (min: number, max: number) => () => min + Math.floor(Math.random() * (max - min + 1));
