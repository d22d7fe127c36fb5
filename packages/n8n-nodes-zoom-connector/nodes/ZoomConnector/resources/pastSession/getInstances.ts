import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zoomApiRequest } from '../../../shared/transport';
import { sessionTypeField } from '../../shared/descriptions';
import { readSessionRef, sessionRefField, type SessionType } from '../../shared/ids';
import { pastBase } from '../../shared/pastPaths';

export const description: INodeProperties[] = [
	sessionTypeField(
		{ show: { resource: ['pastSession'], operation: ['getInstances'] } },
		'Whether the ID names a meeting or a webinar',
	),
	// Zoom lists instances of a meeting ID; a UUID already is one instance.
	...sessionRefField('pastSession', ['getInstances'], {
		uuid: false,
	}),
];

/** One item per ended instance ({uuid, start_time}), oldest first, as Zoom lists them. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const type = this.getNodeParameter('sessionType', itemIndex) as SessionType;
	const ref = readSessionRef(this, itemIndex, { label: 'Meeting or Webinar ID', uuid: false });
	const response = await zoomApiRequest.call(
		this,
		'GET',
		`${pastBase(type)}/${ref.segment}/instances`,
		{ itemIndex },
	);
	const instances = response[`${type}s`];
	return Array.isArray(instances) ? (instances as IDataObject[]) : [];
}
