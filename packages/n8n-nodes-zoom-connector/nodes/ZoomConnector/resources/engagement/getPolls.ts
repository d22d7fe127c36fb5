import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { flattenPolls, type ZoomPollResponse } from './flatten';
import { engagementFields, readEngagement, type EngagementSource } from './source';

export const description: INodeProperties[] = engagementFields('getPolls', { source: true });

/** One item per poll question a person answered in an ended meeting or webinar: email, name, question, answer, poll ID. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const source = this.getNodeParameter('source', itemIndex, 'pastSession') as EngagementSource;
	return await readEngagement.call(this, itemIndex, 'polls', source, (response) =>
		flattenPolls(response as ZoomPollResponse),
	);
}
