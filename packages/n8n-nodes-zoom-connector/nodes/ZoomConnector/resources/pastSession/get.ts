import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zoomApiRequest } from '../../../shared/transport';
import { sessionTypeField } from '../../shared/descriptions';
import { readSessionRef, sessionRefField, type SessionType } from '../../shared/ids';
import { pastDetailsBase } from '../../shared/pastPaths';

export const description: INodeProperties[] = [
	sessionTypeField(
		{ show: { resource: ['pastSession'], operation: ['get'] } },
		'Whether the ID names a meeting or a webinar',
	),
	...sessionRefField('pastSession', ['get']),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const type = this.getNodeParameter('sessionType', itemIndex) as SessionType;
	const ref = readSessionRef(this, itemIndex, { label: 'Meeting or Webinar ID or UUID' });
	return await zoomApiRequest.call(this, 'GET', `${pastDetailsBase(type)}/${ref.segment}`, {
		itemIndex,
	});
}
