import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type {
	WebinarsAddPanelistsRequestBody,
	WebinarsAddPanelistsResponse,
} from '@zoom/rivet/meetings';

import { zoomApiRequest } from '../../../shared/transport';
import { readWebinarId, webinarIdField } from './webinarRef';

/** Panelists per call; a longer list is sent in several calls. */
export const PANELISTS_PER_CALL = 30;

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export const description: INodeProperties[] = [
	webinarIdField('add'),
	{
		displayName: 'Panelists',
		name: 'panelists',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		required: true,
		placeholder: 'Add Panelist',
		description: 'The people to make panelists; Zoom emails each one their own join link',
		displayOptions: { show: { resource: ['panelist'], operation: ['add'] } },
		options: [
			{
				displayName: 'Panelist',
				name: 'panelist',
				values: [
					{
						displayName: 'Email',
						name: 'email',
						type: 'string',
						placeholder: 'name@email.com',
						default: '',
					},
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				],
			},
		],
	},
];

type NewPanelist = NonNullable<WebinarsAddPanelistsRequestBody['panelists']>[number];

function readPanelists(context: IExecuteFunctions, itemIndex: number): NewPanelist[] {
	const collection = context.getNodeParameter('panelists', itemIndex, {}) as {
		panelist?: Array<{ email?: unknown; name?: unknown }>;
	};
	const entries = Array.isArray(collection.panelist) ? collection.panelist : [];
	if (!entries.length) {
		throw new NodeOperationError(context.getNode(), 'The field "Panelists" is empty', {
			itemIndex,
			description: `Add at least one panelist with an email and a name (item ${itemIndex}).`,
		});
	}
	return entries.map((entry, position) => {
		const email = String(entry.email ?? '').trim();
		const name = String(entry.name ?? '').trim();
		if (!EMAIL.test(email) || !name) {
			throw new NodeOperationError(
				context.getNode(),
				`Panelist ${position + 1} needs ${!EMAIL.test(email) ? 'a valid email' : 'a name'}`,
				{
					itemIndex,
					description: `Fill in "Email" and "Name" of panelist ${position + 1} in "Panelists" (item ${itemIndex}); got email "${email}".`,
				},
			);
		}
		return { email, name };
	});
}

/**
 * Adds the panelists to the webinar (POST /webinars/{webinarId}/panelists, in calls of 30). Returns one
 * item: the webinar ID, how many were sent, and Zoom's updated_at.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const webinarId = readWebinarId(this, itemIndex);
	const panelists = readPanelists(this, itemIndex);
	let updatedAt: string | undefined;
	for (let start = 0; start < panelists.length; start += PANELISTS_PER_CALL) {
		const body: WebinarsAddPanelistsRequestBody = {
			panelists: panelists.slice(start, start + PANELISTS_PER_CALL),
		};
		const response = (await zoomApiRequest.call(this, 'POST', `/webinars/${webinarId}/panelists`, {
			body: body as IDataObject,
			itemIndex,
		})) as WebinarsAddPanelistsResponse;
		updatedAt = response.updated_at ?? updatedAt;
	}
	return {
		webinarId: Number(webinarId),
		added: panelists.length,
		panelists: panelists as IDataObject[],
		updated_at: updatedAt ?? null,
	};
}
