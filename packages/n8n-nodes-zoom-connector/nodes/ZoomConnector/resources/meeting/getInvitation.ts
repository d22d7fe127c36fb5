import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zoomApiRequest } from '../../../shared/transport';
import { readSessionId, sessionIdField } from '../../shared/ids';

export const description: INodeProperties[] = [
	sessionIdField('meetingId', 'meeting', {
		show: { resource: ['meeting'], operation: ['getInvitation'] },
	}),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readSessionId(this, 'meetingId', 'meeting', itemIndex);
	const response = await zoomApiRequest.call(this, 'GET', `/meetings/${id}/invitation`, {
		itemIndex,
	});
	return { id: Number(id), invitation: response.invitation };
}
