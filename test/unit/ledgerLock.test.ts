/** The lock's age, read from its entry count: what decides that a holder died. */
import fc from 'fast-check';

import { ageSlots, CYCLE_SLOTS, isStale, lockEntries, signatureAt, SLOT_MS } from 'n8n-nodes-zoom-connector/nodes/shared/ledgerLock';

const EPOCH_MS = fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2040-01-01') });

describe('the lock’s age', () => {
	it('a lock is created with one entry per slot of the cycle it was created in, the lock entry first', () => {
		expect(lockEntries(1)).toHaveLength(1);
		expect(lockEntries(CYCLE_SLOTS)).toHaveLength(CYCLE_SLOTS);
		expect(new Set(lockEntries(CYCLE_SLOTS)).size).toBe(CYCLE_SLOTS);
		expect(lockEntries(7)[0]).toBe(lockEntries(1)[0]);
	});

	it('property: a lock held under 30 s is never stale, whatever the time', () => {
		fc.assert(
			fc.property(EPOCH_MS, fc.integer({ min: 0, max: 29_999 }), (created, heldMs) => {
				expect(isStale(signatureAt(created, 1), created + heldMs)).toBe(false);
			}),
		);
	});

	it('property: a lock from 45 s to 3.5 min old is always stale (9 slots: 30 s of holding plus 10 s of skew, rounded up)', () => {
		fc.assert(
			fc.property(EPOCH_MS, fc.integer({ min: 45_000, max: 210_000 }), (created, heldMs) => {
				expect(isStale(signatureAt(created, 1), created + heldMs)).toBe(true);
			}),
		);
	});

	it('property: the age read back is the whole slots elapsed, modulo the cycle', () => {
		fc.assert(
			fc.property(EPOCH_MS, fc.integer({ min: 0, max: 10 * CYCLE_SLOTS * SLOT_MS }), (created, heldMs) => {
				const slots = Math.floor((created + heldMs) / SLOT_MS) - Math.floor(created / SLOT_MS);
				expect(ageSlots(signatureAt(created, 1), created + heldMs)).toBe(slots % CYCLE_SLOTS);
			}),
		);
	});

	it('a clock a little ahead of the holder’s does not make a fresh lock look dead', () => {
		const created = Date.parse('2026-12-01T12:00:02Z');
		// Another process's clock runs 10 s behind: the lock looks as if from the future.
		expect(isStale(signatureAt(created, 1), created - 10_000)).toBe(false);
	});
});
