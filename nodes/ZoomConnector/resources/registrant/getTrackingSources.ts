import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { WebinarsGetWebinarTrackingSourcesResponse } from '@zoom/rivet/meetings';

import { zoomApiRequest } from '../../../shared/transport';
import { readTarget } from './common';

export const description: INodeProperties[] = [];

/**
 * The registration tracking sources of a webinar (GET /webinars/{webinarId}/tracking_sources): one item
 * per source with its ID, name, tracking URL and visitor and registration counts. Zoom has them for webinars only.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const target = readTarget(this, itemIndex);
	if (target.kind.resource !== 'webinar') {
		throw new NodeOperationError(this.getNode(), 'Tracking sources exist for webinars only', {
			itemIndex,
			description: `Set "Session Type" to Webinar (item ${itemIndex}).`,
		});
	}
	const answer = (await zoomApiRequest.call(
		this,
		'GET',
		`/webinars/${target.id}/tracking_sources`,
		{
			itemIndex,
		},
	)) as WebinarsGetWebinarTrackingSourcesResponse;
	return (answer.tracking_sources ?? []) as IDataObject[];
}
