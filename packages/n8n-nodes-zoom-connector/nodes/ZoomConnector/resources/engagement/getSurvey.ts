import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { flattenSurvey, type ZoomSurveyResponse } from './flatten';
import { engagementFields, readEngagement } from './source';

export const description: INodeProperties[] = engagementFields('getSurvey', { source: false });

/**
 * One item per survey question a person answered after an ended meeting or webinar. Zoom serves
 * survey answers only as a report (admin, Pro plan or higher).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await readEngagement.call(this, itemIndex, 'survey', 'report', (response) =>
		flattenSurvey(response as ZoomSurveyResponse),
	);
}
