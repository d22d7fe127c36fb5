/**
 * Registrations: Fetch From Zoom (offered with Participants: Fetch From Zoom). The session's approved
 * registrants, as Registrant › Get Many (status approved) returns them: GET /meetings/{meetingId}/registrants
 * or GET /webinars/{webinarId}/registrants
 * (https://developers.zoom.us/docs/api/meetings/#tag/meetings/GET/meetings/{meetingId}/registrants), every page.
 * Zoom keeps registrants per meeting ID, not per instance, so the ID is the one the session's details named.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asNodeError } from '../shared/nodeError';
import { zoomApiRequestAllItems } from '../shared/transport';
import type { SessionType } from '../ZoomConnector/shared/ids';

export const registrationsSourceProperty: INodeProperties = {
	displayName: 'Registrations',
	name: 'registrationsSource',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'From Input',
			value: 'input',
			description: 'Items on the Registrations input: tickets, CRM contacts, Zoom registrants',
		},
		{
			name: 'Fetch From Zoom',
			value: 'zoom',
			description:
				'The session’s approved registrants, read from Zoom; the node then has one input, Start, to run it',
		},
	],
	default: 'input',
	displayOptions: { show: { participantsSource: ['zoom'] } },
};

export function registrationsFromZoom(context: IExecuteFunctions): boolean {
	return (
		context.getNodeParameter('participantsSource', 0, 'input') === 'zoom' &&
		context.getNodeParameter('registrationsSource', 0, 'input') === 'zoom'
	);
}

/** The approved registrants of meeting or webinar `sessionId` (numeric); Zoom's errors as NodeApiError, item 0. */
export async function fetchRegistrations(
	context: IExecuteFunctions,
	type: SessionType,
	sessionId: string,
): Promise<IDataObject[]> {
	const base = type === 'webinar' ? '/webinars' : '/meetings';
	try {
		return await zoomApiRequestAllItems.call(
			context,
			`${base}/${encodeURIComponent(sessionId)}/registrants`,
			'registrants',
			{ qs: { status: 'approved' }, itemIndex: 0 },
		);
	} catch (error) {
		throw asNodeError(context.getNode(), error, 0);
	}
}
