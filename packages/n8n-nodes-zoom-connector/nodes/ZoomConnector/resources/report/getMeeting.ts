import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { detailsDescription, getDetails } from './common';

export const description: INodeProperties[] = detailsDescription('getMeeting', 'meeting');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await getDetails.call(this, itemIndex, 'meeting');
}
