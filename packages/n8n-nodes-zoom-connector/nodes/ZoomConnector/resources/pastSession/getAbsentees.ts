import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zoomApiRequestAllItems } from '../../../shared/transport';
import { returnAllOrLimit } from '../../shared/descriptions';
import { readLimit } from '../../shared/participants';
import { readSessionRef, sessionRefField } from '../../shared/ids';

export const description: INodeProperties[] = [
	...sessionRefField('pastSession', ['getAbsentees'], {
		list: 'webinar',
	}),
	...returnAllOrLimit('pastSession', 'getAbsentees'),
];

/** Registrants of an ended webinar who did not attend, one item each (Zoom's registrant fields). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const ref = readSessionRef(this, itemIndex, { label: 'Webinar ID or UUID' });
	return await zoomApiRequestAllItems.call(
		this,
		`/past_webinars/${ref.segment}/absentees`,
		'registrants',
		{
			limit: readLimit(this, itemIndex),
			itemIndex,
		},
	);
}
