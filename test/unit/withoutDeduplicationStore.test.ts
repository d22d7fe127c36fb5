/**
 * On an n8n older than the ones this package is proven on (docs/COMPATIBILITY.md) the execute
 * context has no deduplication helpers. Skip Sessions Already Processed then fails naming the option
 * and the fix, and the Zoom Connector Trigger emits its deliveries with a warning instead of failing
 * every run with "… is not a function".
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, NodeExecutionHint } from 'n8n-workflow';

import { ZoomConnectorTrigger } from 'n8n-nodes-zoom-connector/nodes/ZoomConnectorTrigger/ZoomConnectorTrigger.node';
import { claim, hasDeduplicationStore } from 'n8n-nodes-zoom-connector/nodes/shared/ledger';

const node = { id: 'n1', name: 'Zoom', type: 'test', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };

/** An execute context of an n8n without the store: `helpers` has none of its functions. */
function olderN8n(items: INodeExecutionData[] = []) {
	const hints: NodeExecutionHint[] = [];
	const warnings: string[] = [];
	const context = {
		getNode: () => node,
		getInputData: () => items,
		helpers: { returnJsonArray: (data: IDataObject[]) => data.map((json) => ({ json })) },
		logger: { warn: (message: string) => warnings.push(message), debug: () => undefined, info: () => undefined, error: () => undefined },
		addExecutionHints: (...added: NodeExecutionHint[]) => hints.push(...added),
	} as unknown as IExecuteFunctions;
	return { context, hints, warnings };
}

describe('on an n8n without the deduplication store', () => {
	it('is recognised as such', () => {
		expect(hasDeduplicationStore(olderN8n().context)).toBe(false);
	});

	it('Skip Sessions Already Processed fails naming the option and the fix, not "… is not a function"', async () => {
		const { context } = olderN8n();
		const claiming = claim(context, 'session', 'owner', { maxEntries: 10, itemIndex: 2, option: 'Skip Sessions Already Processed' });
		await expect(claiming).rejects.toMatchObject({
			message: '"Skip Sessions Already Processed" needs n8n’s deduplication store, which this n8n does not have',
			description: expect.stringMatching(/Update n8n to 1\.123 or newer.*or turn off "Skip Sessions Already Processed"/),
			context: expect.objectContaining({ itemIndex: 2 }),
		});
	});

	it('the Zoom Connector Trigger emits every delivery, paired, and warns that copies are not checked across processes', async () => {
		const items = [
			{ json: { event: 'meeting.started', trackingId: 't-1', receiptId: 'r-1' } },
			{ json: { event: 'meeting.ended', trackingId: 't-2', receiptId: 'r-2' } },
		];
		const { context, hints, warnings } = olderN8n(items);
		const [emitted] = await new ZoomConnectorTrigger().execute.call(context);
		expect(emitted).toEqual([
			{ json: items[0].json, pairedItem: { item: 0 } },
			{ json: items[1].json, pairedItem: { item: 1 } },
		]);
		expect(hints).toEqual([expect.objectContaining({ type: 'warning', message: expect.stringMatching(/no deduplication store .* emitted twice/) })]);
		expect(warnings).toHaveLength(1);
	});
});
