/**
 * The fields every Engagement operation shares (session type, ID or UUID, where to read from, Return
 * All / Limit) and the one call that reads an answer list.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zoomApiRequest } from '../../../shared/transport';
import { returnAllOrLimit, sessionTypeField } from '../../shared/descriptions';
import { readLimit } from '../../shared/participants';
import { readSessionRef, sessionRefField, type SessionType } from '../../shared/ids';
import { pastBase } from '../../shared/pastPaths';
import type { EngagementRow } from './flatten';

export type EngagementSource = 'pastSession' | 'report';

const LABEL = 'Meeting or Webinar ID or UUID';

/** Session Type, ID or UUID, optionally the source, and Return All / Limit of one operation. */
export function engagementFields(
	operation: string,
	options: { source: boolean },
): INodeProperties[] {
	const show = { resource: ['engagement'], operation: [operation] };
	return [
		sessionTypeField(
			{ show: { resource: ['engagement'], operation: [operation] } },
			'Whether the ID names a meeting or a webinar',
		),
		...sessionRefField('engagement', [operation]),
		...(options.source
			? [
					{
						displayName: 'Source',
						name: 'source',
						type: 'options',
						options: [
							{
								name: 'Past Session',
								value: 'pastSession',
								description:
									'Zoom’s past meeting/webinar API: the host’s own sessions, question and answer text',
							},
							{
								name: 'Report',
								value: 'report',
								description:
									'Zoom’s report API (admin, Pro plan or higher): adds question IDs, times and Q&A status',
							},
						],
						default: 'pastSession',
						description: 'Which Zoom API to read the answers from',
						displayOptions: { show },
					} satisfies INodeProperties,
				]
			: []),
		...returnAllOrLimit('engagement', operation),
	];
}

/** `{base}/{ref}/{list}` of the chosen source for the item's session, and the rows `flatten` makes of it. */
export async function readEngagement(
	this: IExecuteFunctions,
	itemIndex: number,
	list: 'qa' | 'polls' | 'survey',
	source: EngagementSource,
	flatten: (response: IDataObject) => EngagementRow[],
): Promise<IDataObject[]> {
	const type = this.getNodeParameter('sessionType', itemIndex) as SessionType;
	const ref = readSessionRef(this, itemIndex, { label: LABEL });
	const base = source === 'report' ? `/report/${type}s` : pastBase(type);
	const response = await zoomApiRequest.call(this, 'GET', `${base}/${ref.segment}/${list}`, {
		itemIndex,
	});
	const rows = flatten(response);
	const limit = readLimit(this, itemIndex);
	return (limit === undefined ? rows : rows.slice(0, limit)) as unknown as IDataObject[];
}
