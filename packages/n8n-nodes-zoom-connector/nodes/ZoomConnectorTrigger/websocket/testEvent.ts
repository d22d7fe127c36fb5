/**
 * "Listen for test event" with WebSocket delivery. n8n runs a node's execute() before its trigger() in a
 * manual run, so the manual run of this trigger (execute() with no delivery in its input) opens the
 * subscription's connection itself, returns the next selected event as its item, and lets go. It claims
 * nothing in the once-only record, so a production run of the same event still takes it.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { hold } from './socketTrigger';

/** Whether this run is the editor's test of WebSocket delivery (its input carries no delivery). */
export function isSocketTestRun(context: IExecuteFunctions, items: INodeExecutionData[]): boolean {
	// A delivery's item settles it at once, without asking n8n anything.
	return (
		items.every((item) => typeof item.json.event !== 'string') &&
		context.getNodeParameter('delivery', 0, 'webhook') === 'websocket' &&
		context.getMode() === 'manual'
	);
}

export async function nextTestEvent(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
	let deliver!: (item: IDataObject) => void;
	const next = new Promise<IDataObject>((resolve) => (deliver = resolve));
	const held = await hold(context, {
		websocketUrl: context.getNodeParameter('websocketUrl', 0, ''),
		events: context.getNodeParameter('events', 0, ['*']) as string[],
		emit: (item) => deliver(item),
		role: 'manual',
	});
	const signal = context.getExecutionCancelSignal?.();
	const stopped = new Promise<never>((_resolve, reject) =>
		signal?.addEventListener('abort', () =>
			reject(new NodeOperationError(context.getNode(), 'Stopped listening for a Zoom event')),
		),
	);
	try {
		const item = await Promise.race([next, stopped]);
		return [{ json: item, pairedItem: { item: 0 } }];
	} finally {
		await held.closeFunction?.();
	}
}
