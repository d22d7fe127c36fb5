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
				description:
					'Schedule a Zoom meeting. Returns its ID, UUID, join URL, start URL, passcode, start time and time zone.',
				action: 'Create a meeting and return its join URL and start URL',
			},
			{
				name: 'Delete',
				value: 'delete',
				description:
					'Delete a Zoom meeting, or one occurrence of a recurring meeting. Destructive: its join link stops working for everyone invited. Returns deleted: true.',
				action: 'Permanently delete a meeting and return a deletion confirmation',
			},
			{
				name: 'End',
				value: 'end',
				description:
					'End a live meeting for every participant now. Destructive: everyone is removed from it. Returns success, the meeting ID and status ended.',
				action: 'Destructively end a live meeting for everyone and return its ID',
			},
			{
				name: 'Get',
				value: 'get',
				description:
					'Get a Zoom meeting by its ID or join URL. Returns its ID, topic, type, status, times and join URL; with Simplify off, all of Zoom’s fields (settings, occurrences of a recurring meeting).',
				action: 'Get a meeting and return its details and join URL',
			},
			{
				name: 'Get Invitation',
				value: 'getInvitation',
				description:
					'Get the invitation text of a Zoom meeting, ready to paste into an email. Returns the meeting ID and the invitation text.',
				action: 'Get a meeting invitation and return its text',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List the scheduled, live, upcoming or previous meetings of a Zoom user. Returns one item per meeting with its ID, topic, start time and join URL.',
				action: 'Get many meetings and return one item per meeting',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					'Change the topic, time, settings or recurrence of a Zoom meeting. Returns success and the meeting ID (and occurrence ID).',
				action: 'Update a meeting and return its ID',
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
