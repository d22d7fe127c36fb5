import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { MeetingsListAccountsMeetingOrWebinarSummariesQueryParams } from '@zoom/rivet/meetings';

import { zoomApiRequestAllItems } from '../../../shared/transport';
import { returnAllOrLimit } from '../../shared/descriptions';
import { readLimit } from '../../shared/participants';
import { zoomInstant } from './instant';

const show = { resource: ['meetingSummary'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		default: '',
		description: 'Summaries created at or after this time (UTC); empty means Zoom’s default range',
		displayOptions: { show },
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		default: '',
		description: 'Summaries created up to this time (UTC); a date alone means the end of that day',
		displayOptions: { show },
	},
	...returnAllOrLimit('meetingSummary', 'getAll'),
];

function readInstant(
	context: IExecuteFunctions,
	name: 'from' | 'to',
	label: string,
	itemIndex: number,
) {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	if (value === '' || value === null || value === undefined) return undefined;
	const instant = zoomInstant(value, name === 'to');
	if (instant) return instant;
	throw new NodeOperationError(context.getNode(), `The field "${label}" is not a date`, {
		itemIndex,
		description: `Enter a date such as 2024-03-01 or 2024-03-01T09:00:00Z in "${label}" (item ${itemIndex}).`,
	});
}

/**
 * The account's AI Companion summaries created in the range, one item per meeting or webinar instance
 * (its UUID, topic, host and times), every page (GET /meetings/meeting_summaries, an account-level call).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const from = readInstant(this, 'from', 'From', itemIndex);
	const to = readInstant(this, 'to', 'To', itemIndex);
	if (from && to && from > to) {
		throw new NodeOperationError(this.getNode(), `"From" (${from}) is after "To" (${to})`, {
			itemIndex,
			description: `Swap the two dates (item ${itemIndex}).`,
		});
	}
	const query: MeetingsListAccountsMeetingOrWebinarSummariesQueryParams = {
		...(from ? { from } : {}),
		...(to ? { to } : {}),
	};
	return await zoomApiRequestAllItems.call(this, '/meetings/meeting_summaries', 'summaries', {
		qs: query as IDataObject,
		limit: readLimit(this, itemIndex),
		itemIndex,
	});
}
