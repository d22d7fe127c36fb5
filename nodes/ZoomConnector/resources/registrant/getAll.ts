import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zoomApiRequestAllItems } from '../../../shared/transport';
import { occurrenceIdOption, optionsCollection, returnAllOrLimit } from '../../shared/descriptions';
import { readTarget } from './common';

const show = { resource: ['registrant'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Approved', value: 'approved' },
			{ name: 'Denied', value: 'denied' },
			{ name: 'Pending', value: 'pending' },
		],
		default: 'approved',
		description: 'Which registrants to list',
		displayOptions: { show },
	},
	...returnAllOrLimit('registrant', 'getAll'),
	optionsCollection({ show }, [occurrenceIdOption('List the registrants of this occurrence only')]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const target = readTarget(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {
		status: this.getNodeParameter('status', itemIndex, 'approved') as string,
	};
	if (options.occurrenceId) qs.occurrence_id = String(options.occurrenceId).trim();
	return await zoomApiRequestAllItems.call(this, target.path, 'registrants', {
		qs,
		limit,
		itemIndex,
	});
}
