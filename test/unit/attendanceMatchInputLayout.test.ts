/**
 * The Attendance Match's inputs and pairings: with Participants: Fetch From Zoom the Participants input is
 * not drawn, so the lists move up one input, and items made only of Zoom's rows pair with the running item.
 */
import fc from 'fast-check';

import { inputLayout, pairItemsInLayout } from 'n8n-nodes-zoom-connector/nodes/ZoomAttendanceMatch/inputLayout';
import type { PairedItem } from 'n8n-nodes-zoom-connector/nodes/ZoomAttendanceMatch/items';

const pair = fc.record({ item: fc.nat(50), input: fc.constantFrom(0, 1, 2) });

describe('Attendance Match input layout', () => {
	it('numbers the inputs n8n draws', () => {
		expect(inputLayout(true)).toEqual({ participants: 0, registrations: 1, engagement: 2, drawn: 2 });
		expect(inputLayout(false)).toEqual({ participants: null, registrations: 0, engagement: 1, drawn: 1 });
		// Both read from Zoom: the Start input is input 0, Engagement after it.
		expect(inputLayout(false, false)).toEqual({ participants: null, registrations: null, engagement: 1, drawn: 1 });
	});

	it('leaves every pairing as it is while the participants come from an input', () => {
		fc.assert(
			fc.property(fc.array(fc.array(pair, { minLength: 1 })), (pairings) => {
				const items = pairings.map((pairedItem) => ({ pairedItem: pairedItem.map((p) => ({ ...p })) }));
				pairItemsInLayout(inputLayout(true), [items]);
				expect(items.map((i) => i.pairedItem)).toEqual(pairings);
			}),
		);
	});

	it('with both lists read from Zoom keeps only the engagement rows, and pairs the rest with the Start item', () => {
		const items = [
			{ pairedItem: [{ item: 3, input: 0 }, { item: 1, input: 1 }, { item: 4, input: 2 }] },
			{ pairedItem: { item: 2, input: 1 } },
		];
		pairItemsInLayout(inputLayout(false, false), [items]);
		expect(items.map((i) => i.pairedItem)).toEqual([[{ item: 4, input: 1 }], [{ item: 0, input: 0 }]]);
	});

	it('with fetched participants drops their rows, moves the other inputs up one, and never leaves an item unpaired', () => {
		fc.assert(
			fc.property(fc.array(fc.oneof(pair, fc.array(pair, { minLength: 1 }))), (pairings) => {
				const items = pairings.map((pairedItem) => ({ pairedItem: structuredClone(pairedItem) as PairedItem | PairedItem[] }));
				pairItemsInLayout(inputLayout(false), [items]);
				items.forEach((item, k) => {
					const given = ([] as PairedItem[]).concat(pairings[k]);
					const kept = given.filter((p) => p.input > 0).map((p) => ({ item: p.item, input: p.input - 1 }));
					expect(item.pairedItem).toEqual(kept.length ? kept : [{ item: 0, input: 0 }]);
				});
			}),
		);
	});
});
