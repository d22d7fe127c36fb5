import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listParticipants, participantListFields } from '../../shared/participants';
import { sessionTypeField } from '../../shared/descriptions';
import { readSessionRef, sessionRefField, type SessionType } from '../../shared/ids';
import { pastBase, pastDetailsBase } from '../../shared/pastPaths';

export const description: INodeProperties[] = [
	sessionTypeField(
		{ show: { resource: ['pastSession'], operation: ['getParticipants'] } },
		'Whether the ID names a meeting or a webinar',
	),
	...sessionRefField('pastSession', ['getParticipants']),
	...participantListFields('pastSession', 'getParticipants'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const type = this.getNodeParameter('sessionType', itemIndex) as SessionType;
	const ref = readSessionRef(this, itemIndex, { label: 'Meeting or Webinar ID or UUID' });
	return await listParticipants.call(
		this,
		itemIndex,
		{ list: pastBase(type), details: pastDetailsBase(type) },
		ref,
	);
}
