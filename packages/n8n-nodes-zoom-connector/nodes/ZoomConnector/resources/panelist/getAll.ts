import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { readLimit } from '../../shared/participants';
import { listPanelists, readWebinarId, webinarIdField } from './webinarRef';

export const description: INodeProperties[] = [
	webinarIdField('getAll'),
	...returnAllOrLimit('panelist', 'getAll'),
];

/** One item per panelist of the webinar: ID, email, name, join URL and name tag, as Zoom gives them. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const webinarId = readWebinarId(this, itemIndex);
	const panelists = (await listPanelists.call(this, webinarId, itemIndex)) as IDataObject[];
	const limit = readLimit(this, itemIndex);
	return limit === undefined ? panelists : panelists.slice(0, limit);
}
