import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listParticipants, participantListFields } from './participants';
import { pastBase, pastDetailsBase, readSessionRef, sessionRefField, sessionTypeField, type SessionType } from './sessionRef';

export const description: INodeProperties[] = [
	sessionTypeField('pastSession', ['getParticipants']),
	sessionRefField('pastSession', ['getParticipants'], { displayName: 'Meeting or Webinar ID or UUID' }),
	...participantListFields('pastSession', 'getParticipants'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const type = this.getNodeParameter('sessionType', itemIndex) as SessionType;
	const ref = readSessionRef(this, itemIndex, { label: 'Meeting or Webinar ID or UUID' });
	return await listParticipants.call(this, itemIndex, { list: pastBase(type), details: pastDetailsBase(type) }, ref);
}
