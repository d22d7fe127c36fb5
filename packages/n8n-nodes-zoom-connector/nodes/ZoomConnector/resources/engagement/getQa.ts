import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { flattenQa, type ZoomQaResponse } from './flatten';
import { engagementFields, readEngagement, type EngagementSource } from './source';

export const description: INodeProperties[] = engagementFields('getQa', { source: true });

/** One item per question asked in an ended meeting or webinar: who asked it (email, name), the question and its answers. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const source = this.getNodeParameter('source', itemIndex, 'pastSession') as EngagementSource;
	return await readEngagement.call(this, itemIndex, 'qa', source, (response) =>
		flattenQa(response as ZoomQaResponse),
	);
}
