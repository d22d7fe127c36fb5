import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../shared/nodeError';
import { resources as resourceModules } from './resources';
import { simplifiedFields, simplify } from './shared/simplify';

type Operation = (
	this: IExecuteFunctions,
	itemIndex: number,
) => Promise<IDataObject | IDataObject[] | INodeExecutionData[]>;

const resources: Record<string, Record<string, { execute: Operation }>> = Object.fromEntries(
	Object.entries(resourceModules).map(([name, module]) => [name, module.operations]),
);

/**
 * A ready n8n item, passed on as it is. Operations return plain Zoom objects, except Recording › Download,
 * which returns items carrying `binary`; none of the Zoom answers the operations return has a top-level
 * `json` key, so this test tells the two apart.
 */
function isExecutionData(value: unknown): value is INodeExecutionData {
	return typeof value === 'object' && value !== null && 'json' in value;
}

/** Runs the chosen operation for every input item; one failing item fails alone with Continue On Fail. */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not known`,
		);
	}

	const fields = simplifiedFields(resource, operation);

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await handler.execute.call(this, itemIndex);
			// The fallback is the parameter's default: Simplify is on unless turned off.
			const keep =
				fields && (this.getNodeParameter('simplify', itemIndex, true) as boolean)
					? fields
					: undefined;
			for (const entry of Array.isArray(result) ? result : [result]) {
				const item = isExecutionData(entry)
					? entry
					: { json: keep ? simplify(entry, keep) : entry };
				output.push({ ...item, pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			if (this.continueOnFail()) {
				const message = (error as Error).message;
				const codes =
					error instanceof NodeApiError
						? { zoomCode: error.context.zoomCode ?? null, httpCode: error.httpCode }
						: {};
				// "Continue (using error output)": n8n moves an item to the error output only when its json
				// holds nothing but error/message/details (an item.error would replace the json), so
				// Zoom's codes travel in `details` there.
				const json =
					this.getNode().onError === 'continueErrorOutput'
						? { error: message, details: codes }
						: { error: message, ...codes };
				output.push({ json, pairedItem: { item: itemIndex } });
				continue;
			}
			throw asNodeError(this.getNode(), error, itemIndex);
		}
	}
	return [output];
}
