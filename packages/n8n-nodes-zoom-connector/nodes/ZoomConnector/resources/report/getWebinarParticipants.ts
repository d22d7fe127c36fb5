import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getParticipants, participantsDescription } from './common';

export const description: INodeProperties[] = participantsDescription(
	'getWebinarParticipants',
	'webinar',
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getParticipants.call(this, itemIndex, 'webinar');
}
