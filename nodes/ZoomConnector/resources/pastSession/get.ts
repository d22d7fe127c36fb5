import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zoomApiRequest } from '../../../shared/transport';
import { pastDetailsBase, sessionRefField, sessionTypeField, readSessionRef, type SessionType } from './sessionRef';

export const description: INodeProperties[] = [
	sessionTypeField('pastSession', ['get']),
	sessionRefField('pastSession', ['get'], { displayName: 'Meeting or Webinar ID or UUID' }),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const type = this.getNodeParameter('sessionType', itemIndex) as SessionType;
	const ref = readSessionRef(this, itemIndex, { label: 'Meeting or Webinar ID or UUID' });
	return await zoomApiRequest.call(this, 'GET', `${pastDetailsBase(type)}/${ref.segment}`, { itemIndex });
}
