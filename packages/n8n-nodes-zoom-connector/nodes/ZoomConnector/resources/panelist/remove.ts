import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { zoomApiRequest } from '../../../shared/transport';
import { requireText } from '../../shared/validation';
import { listPanelists, readWebinarId, webinarIdField } from './webinarRef';

export const description: INodeProperties[] = [
	webinarIdField('remove'),
	{
		displayName: 'Panelist ID or Email',
		name: 'panelistId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. bd6r9O6VSiKd3y4Sn7U2bQ or jane@example.com',
		hint: 'An email is looked up in the webinar’s panelist list first',
		description: 'The panelist to remove: the ID from Get Many, or their email',
		displayOptions: { show: { resource: ['panelist'], operation: ['remove'] } },
	},
];

/** Removes one panelist (DELETE /webinars/{webinarId}/panelists/{panelistId}); returns { deleted: true }. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const webinarId = readWebinarId(this, itemIndex);
	const given = requireText(this, 'panelistId', itemIndex);
	let panelistId = given;
	if (given.includes('@')) {
		const email = given.toLowerCase();
		const match = (await listPanelists.call(this, webinarId, itemIndex)).find(
			(p) => (p.email ?? '').toLowerCase() === email,
		);
		if (!match?.id) {
			throw new NodeOperationError(
				this.getNode(),
				`No panelist of webinar ${webinarId} has the email ${given}`,
				{
					itemIndex,
					description: `Check "Panelist ID or Email" (item ${itemIndex}); Panelist › Get Many lists the webinar's panelists.`,
				},
			);
		}
		panelistId = match.id;
	}
	await zoomApiRequest.call(
		this,
		'DELETE',
		`/webinars/${webinarId}/panelists/${encodeURIComponent(panelistId)}`,
		{ itemIndex },
	);
	return { deleted: true };
}
