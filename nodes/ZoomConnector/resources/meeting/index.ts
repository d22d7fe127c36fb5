import type { INodeProperties } from 'n8n-workflow';

import { sessionOperations } from '../session';
import * as getInvitation from './getInvitation';
import { MEETING } from './kind';

const session = sessionOperations(MEETING);

export const operations = { ...session, getInvitation };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['meeting'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Schedule a Zoom meeting and return its ID, join URL, start URL and passcode',
				action: 'Create a meeting',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a Zoom meeting, or one occurrence of a recurring meeting',
				action: 'Delete a meeting',
			},
			{
				name: 'End',
				value: 'end',
				description:
					'End a live meeting for every participant now (disruptive: everyone is removed from it)',
				action: 'End a live meeting',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get the details of a Zoom meeting by its ID or join URL',
				action: 'Get a meeting',
			},
			{
				name: 'Get Invitation',
				value: 'getInvitation',
				description: 'Get the invitation text of a Zoom meeting, ready to paste into an email',
				action: 'Get a meeting invitation',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the scheduled, live, upcoming or previous meetings of a Zoom user',
				action: 'Get many meetings',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the topic, time, settings or recurrence of a Zoom meeting',
				action: 'Update a meeting',
			},
		],
		default: 'create',
	},
	...session.create.description,
	...session.delete.description,
	...session.end.description,
	...session.get.description,
	...getInvitation.description,
	...session.getAll.description,
	...session.update.description,
];
