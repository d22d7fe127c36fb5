import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zoomApiRequestAllItems } from '../../../shared/transport';
import { occurrenceIdOption, optionsCollection, returnAllOrLimit } from '../../shared/descriptions';
import { readTarget } from './common';
import { registrantSources } from './trackingSources';

const show = { resource: ['registrant'], operation: ['getAll'] };
const webinarOnly = { show: { '/sessionType': ['webinar'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Approved', value: 'approved' },
			{ name: 'Denied', value: 'denied' },
			{ name: 'Pending', value: 'pending' },
		],
		default: 'approved',
		description: 'Which registrants to list',
		displayOptions: { show },
	},
	...returnAllOrLimit('registrant', 'getAll'),
	optionsCollection({ show }, [
		occurrenceIdOption('List the registrants of this occurrence only'),
		{
			displayName: 'Add Tracking Source',
			name: 'addTrackingSource',
			type: 'boolean',
			default: false,
			description:
				"Whether to give each registrant a trackingSource field (the webinar's tracking source they registered through, ID and name; null for none). Costs one list of registrants per source.",
			displayOptions: webinarOnly,
		},
		{
			displayName: 'Tracking Source ID',
			name: 'trackingSourceId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 4_7Ao5LMRMKkJyCJEhpfwg',
			description:
				'List only the registrants who came through this tracking source (IDs from Registrant › Get Tracking Sources)',
			displayOptions: webinarOnly,
		},
	]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const target = readTarget(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {
		status: this.getNodeParameter('status', itemIndex, 'approved') as string,
	};
	if (options.occurrenceId) qs.occurrence_id = String(options.occurrenceId).trim();
	const sourceId = String(options.trackingSourceId ?? '').trim();
	if (sourceId) qs.tracking_source_id = sourceId;
	const sourceOf = await registrantSources.call(this, target, qs, itemIndex, {
		sourceId,
		add: options.addTrackingSource === true,
	});
	const registrants = await zoomApiRequestAllItems.call(this, target.path, 'registrants', {
		qs,
		limit,
		itemIndex,
	});
	if (!sourceOf) return registrants;
	return registrants.map((registrant) => ({
		...registrant,
		trackingSource: sourceOf(registrant),
	})) as IDataObject[];
}
