import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { WebinarsGetWebinarRegistrantQueryParams } from '@zoom/rivet/meetings';

import { zoomApiRequest } from '../../../shared/transport';
import { requireText } from '../../shared/validation';
import { readTarget } from './common';
import { occurrenceIdField, registrantIdField } from './registrantRef';

export const description: INodeProperties[] = [
	registrantIdField('get'),
	// Zoom's Get a meeting registrant takes no occurrence_id (Rivet has no MeetingsGetMeetingRegistrantQueryParams);
	// only the webinar one does (WebinarsGetWebinarRegistrantQueryParams).
	occurrenceIdField('get', 'webinar'),
];

/** One registrant of a meeting or webinar: name, email, status, answers, join URL, as Zoom gives them. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const target = readTarget(this, itemIndex);
	const registrantId = requireText(this, 'registrantId', itemIndex);
	const occurrenceId =
		target.kind.resource === 'webinar'
			? String(this.getNodeParameter('occurrenceId', itemIndex, '') ?? '').trim()
			: '';
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
