/** Drives ledger claims on the store model (racyStore.ts) with jest's simulated clock. */
import { Ledger } from 'n8n-nodes-zoom-connector/nodes/shared/ledger';
import type { RacyStore } from './racyStore';

export const LEDGER = { maxEntries: 100_000, itemIndex: 0 };
export const START = Date.parse('2026-12-01T12:00:00Z');

export type Outcome = { state: 'won' } | { state: 'lost' } | { state: 'failed'; error: Error } | { state: 'hung' };

/** Runs the simulated clock until every promise settled or `limitMs` passed; unsettled ones hung. */
export async function settle(promises: Array<Promise<boolean>>, limitMs: number): Promise<{ outcomes: Outcome[]; elapsedMs: number }> {
	const outcomes: Outcome[] = promises.map(() => ({ state: 'hung' }));
	let pending = promises.length;
	promises.forEach((promise, i) => {
		promise.then(
			(won) => {
				outcomes[i] = { state: won ? 'won' : 'lost' };
				pending--;
			},
			(error: Error) => {
				outcomes[i] = { state: 'failed', error };
				pending--;
			},
		);
	});
	const started = Date.now();
	while (pending > 0 && Date.now() - started < limitMs) await jest.advanceTimersByTimeAsync(20);
	return { outcomes, elapsedMs: Date.now() - started };
}

/** How many times each key was won. */
export function winsPerKey(keys: string[], outcomes: Outcome[]): Map<string, number> {
	const wins = new Map<string, number>();
	keys.forEach((key, i) => wins.set(key, (wins.get(key) ?? 0) + (outcomes[i].state === 'won' ? 1 : 0)));
	return wins;
}

export interface Process {
	name: string;
	ledger: Ledger;
}
export const processes = (...names: string[]): Process[] => names.map((name) => ({ name, ledger: new Ledger() }));

/** `keys[i]` claimed by its own run (owner run-i) on process i mod n, all at once. */
export function claimAll(store: RacyStore, procs: Process[], keys: string[], nodeId = 'trigger'): Array<Promise<boolean>> {
	return keys.map((key, i) => {
		const proc = procs[i % procs.length];
		return proc.ledger.claim(store.contextFor(nodeId, proc.name), key, `run-${i}`, LEDGER);
	});
}

