import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zoomApiRequestAllItems } from '../../../shared/transport';
import { LIST_USERS } from '../../../shared/zoomLists';
import { returnAllOrLimit } from '../../shared/descriptions';

const show = { resource: ['user'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	...returnAllOrLimit('user', 'getAll'),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Active', value: 'active' },
			{ name: 'Inactive', value: 'inactive' },
			{ name: 'Pending', value: 'pending' },
		],
		default: 'active',
		description: 'Which users to list',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const status = this.getNodeParameter('status', itemIndex) as string;
	return await zoomApiRequestAllItems.call(this, '/users', 'users', {
		qs: { status },
		paging: LIST_USERS,
		limit,
		itemIndex,
	});
}
