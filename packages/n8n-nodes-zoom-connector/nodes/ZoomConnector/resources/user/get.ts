import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zoomApiRequest } from '../../../shared/transport';
import { userIdField } from '../../shared/descriptions';
import { requireText } from '../../shared/validation';

export const description: INodeProperties[] = [userIdField('user', ['get'])];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = requireText(this, 'userId', itemIndex);
	return await zoomApiRequest.call(this, 'GET', `/users/${encodeURIComponent(userId)}`, {
		itemIndex,
	});
}
