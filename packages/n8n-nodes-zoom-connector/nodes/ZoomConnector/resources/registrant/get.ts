import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { WebinarsGetWebinarRegistrantQueryParams } from '@zoom/rivet/meetings';

import { zoomApiRequest } from '../../../shared/transport';
import { requireText } from '../../shared/validation';
import { readTarget } from './common';
import { occurrenceIdField, registrantIdField } from './registrantRef';

export const description: INodeProperties[] = [
	...registrantIdField('get'),
	occurrenceIdField('get'),
];

/** One registrant of a meeting or webinar: name, email, status, answers, join URL, as Zoom gives them. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const target = readTarget(this, itemIndex);
	const registrantId = requireText(this, 'registrantId', itemIndex);
	const occurrenceId = String(this.getNodeParameter('occurrenceId', itemIndex, '') ?? '').trim();
	const qs: WebinarsGetWebinarRegistrantQueryParams = occurrenceId
		? { occurrence_id: occurrenceId }
		: {};
	return await zoomApiRequest.call(
		this,
		'GET',
		`${target.path}/${encodeURIComponent(registrantId)}`,
		{ qs: qs as IDataObject, itemIndex },
	);
}
