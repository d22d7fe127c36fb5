import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zoomApiRequest } from '../../../shared/transport';
import { readWebinarId, webinarIdField } from './webinarRef';

export const description: INodeProperties[] = [webinarIdField('removeAll')];

/** Removes every panelist of the webinar (DELETE /webinars/{webinarId}/panelists); returns { deleted: true }. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const webinarId = readWebinarId(this, itemIndex);
	await zoomApiRequest.call(this, 'DELETE', `/webinars/${webinarId}/panelists`, { itemIndex });
	return { deleted: true };
}
