import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTarget } from './common';
import { listTrackingSources } from './trackingSources';

export const description: INodeProperties[] = [];

/**
 * The registration tracking sources of a webinar (GET /webinars/{webinarId}/tracking_sources): one item
 * per source with its ID, name, tracking URL and visitor and registration counts. Zoom has them for webinars only.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const target = readTarget(this, itemIndex);
	return (await listTrackingSources.call(this, target, itemIndex)) as IDataObject[];
}
