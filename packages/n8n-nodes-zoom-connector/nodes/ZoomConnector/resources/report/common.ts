import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zoomApiRequest } from '../../../shared/transport';
import { listParticipants, participantListFields } from '../../shared/participants';
import { readSessionRef, sessionRefField, type SessionType } from '../../shared/ids';

const LABEL: Record<SessionType, string> = {
	meeting: 'Meeting ID or UUID',
	webinar: 'Webinar ID or UUID',
};

/** Report base of a meeting or webinar: account-level (report:read:admin), Heavy. */
const base = (type: SessionType) => `/report/${type}s`;

export function detailsDescription(operation: string, type: SessionType): INodeProperties[] {
	return sessionRefField('report', [operation], { list: type });
}

export async function getDetails(
	this: IExecuteFunctions,
	itemIndex: number,
	type: SessionType,
): Promise<IDataObject> {
	const ref = readSessionRef(this, itemIndex, { label: LABEL[type] });
	return await zoomApiRequest.call(this, 'GET', `${base(type)}/${ref.segment}`, { itemIndex });
}

export function participantsDescription(operation: string, type: SessionType): INodeProperties[] {
	return [
		...sessionRefField('report', [operation], { list: type }),
		...participantListFields('report', operation),
		{
			displayName: 'Include Registrant ID',
			name: 'includeRegistrantId',
			type: 'boolean',
			default: false,
			description:
				'Whether to add each row’s registrant_id (Zoom’s include_fields=registrant_id), to match rows to registrations',
			displayOptions: { show: { resource: ['report'], operation: [operation] } },
		},
	];
}

export async function getParticipants(
	this: IExecuteFunctions,
	itemIndex: number,
	type: SessionType,
): Promise<IDataObject[]> {
	const ref = readSessionRef(this, itemIndex, { label: LABEL[type] });
	const withRegistrant = this.getNodeParameter('includeRegistrantId', itemIndex, false) as boolean;
	return await listParticipants.call(
		this,
		itemIndex,
		{ list: base(type), details: base(type) },
		ref,
		withRegistrant ? { include_fields: 'registrant_id' } : {},
	);
}
