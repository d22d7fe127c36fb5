import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { zoomApiPages } from '../../../shared/transport';
import { returnAllOrLimit, userIdField } from '../../shared/descriptions';
import { requireText } from '../../shared/validation';
import { readLimit } from '../../shared/participants';
import {
	formatZoomDate,
	monthWindows,
	parseZoomDate,
	toZoomDate,
} from '../../../shared/dateWindows';

const show = { resource: ['recording'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	userIdField('recording', ['getAll']),
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'First day of the range (UTC); any length is fine, it is read one month at a time',
		displayOptions: { show },
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		default: '',
		description: 'Last day of the range (UTC); empty means today',
		displayOptions: { show },
	},
	...returnAllOrLimit('recording', 'getAll'),
];

/** A day parameter as Zoom's yyyy-MM-dd, `fallback` when it is empty, else an error naming the field. */
export function readDay(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	fallback?: string,
): string {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	if ((value === '' || value === null || value === undefined) && fallback) return fallback;
	const day = toZoomDate(value);
	if (day) return day;
	throw new NodeOperationError(context.getNode(), `The field "${label}" is not a date`, {
		itemIndex,
		description: `Enter a date such as 2024-03-01 in "${label}" (item ${itemIndex}).`,
	});
}

/**
 * A user's cloud recordings between two days, one item per recorded meeting instance, newest first.
 * Zoom answers at most a month per call, so the range is walked window by window, newest window first,
 * and Limit stops as soon as it is reached.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const userId = requireText(this, 'userId', itemIndex);
	const from = readDay(this, 'from', 'From', itemIndex);
	const to = readDay(this, 'to', 'To', itemIndex, formatZoomDate(Date.now()));
	if ((parseZoomDate(from) as number) > (parseZoomDate(to) as number)) {
		throw new NodeOperationError(this.getNode(), `"From" (${from}) is after "To" (${to})`, {
			itemIndex,
			description: `Swap the two dates (item ${itemIndex}).`,
		});
	}
	const limit = readLimit(this, itemIndex);
	const endpoint = `/users/${encodeURIComponent(userId)}/recordings`;
	const results: IDataObject[] = [];
	for (const window of monthWindows(from, to).reverse()) {
		for await (const page of zoomApiPages.call(this, endpoint, 'meetings', {
			qs: { from: window.from, to: window.to },
			pageSize: limit,
			itemIndex,
		})) {
			for (const meeting of page) {
				results.push(meeting);
				if (limit !== undefined && results.length >= limit) return results;
			}
		}
	}
	return results;
}
