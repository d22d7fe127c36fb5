import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { MeetingsDeleteMeetingRegistrantQueryParams } from '@zoom/rivet/meetings';

import { zoomApiRequest } from '../../../shared/transport';
import { requireText } from '../../shared/validation';
import { readTarget } from './common';
import { occurrenceIdField, registrantIdField } from './registrantRef';

export const description: INodeProperties[] = [
	registrantIdField('delete'),
	occurrenceIdField('delete'),
];

/** Deletes one registration (the person's join link stops working); returns { deleted: true }. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const target = readTarget(this, itemIndex);
	const registrantId = requireText(this, 'registrantId', itemIndex);
	const occurrenceId = String(this.getNodeParameter('occurrenceId', itemIndex, '') ?? '').trim();
	const qs: MeetingsDeleteMeetingRegistrantQueryParams = occurrenceId
		? { occurrence_id: occurrenceId }
		: {};
	await zoomApiRequest.call(this, 'DELETE', `${target.path}/${encodeURIComponent(registrantId)}`, {
		qs: qs as IDataObject,
		itemIndex,
	});
	return { deleted: true };
}
