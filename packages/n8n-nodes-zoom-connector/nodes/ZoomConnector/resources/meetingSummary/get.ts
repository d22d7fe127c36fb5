import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { zoomApiRequest } from '../../../shared/transport';
import { readSessionRef, sessionRefField } from '../../shared/ids';
import { summaryFields, type ZoomMeetingSummary } from './fields';

const LABEL = 'Meeting or Webinar UUID';

export const description: INodeProperties[] = [
	// The meeting from a list, then its instance (the summary belongs to one instance).
	...sessionRefField('meetingSummary', ['get'], {
		list: 'meeting',
		instanceHint:
			'Zoom keeps one summary per ended instance: choose it here (or give a UUID above)',
	}),
];

/**
 * The AI Companion summary of one ended meeting or webinar instance: Zoom's fields, plus overview,
 * topics, nextSteps, fullText and edited (see fields.ts).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const ref = readSessionRef(this, itemIndex, { label: LABEL });
	if (ref.kind === 'id') {
		throw new NodeOperationError(
			this.getNode(),
			`The field "${LABEL}" holds a meeting ID (${ref.value}), not an instance UUID`,
			{
				itemIndex,
				description: `Zoom keeps a summary per instance: choose one under Instance, or get the UUID with Past Session › Get Instances or Meeting Summary › Get Many (item ${itemIndex}).`,
			},
		);
	}
	const body = (await zoomApiRequest.call(this, 'GET', `/meetings/${ref.segment}/meeting_summary`, {
		itemIndex,
	})) as ZoomMeetingSummary;
	return { ...(body as IDataObject), ...summaryFields(body) } as IDataObject;
}
