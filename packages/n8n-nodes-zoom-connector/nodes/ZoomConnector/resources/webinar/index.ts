import type { INodeProperties } from 'n8n-workflow';

import { sessionOperations } from '../session';
import { WEBINAR } from './kind';

const session = sessionOperations(WEBINAR);

export const operations = { ...session };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webinar'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Schedule a Zoom webinar. Returns its ID, UUID, join URL, start URL, passcode, start time and time zone.',
				action: 'Create a webinar and return its join URL and start URL',
			},
			{
				name: 'Delete',
				value: 'delete',
				description:
					'Delete a Zoom webinar, or one occurrence of a recurring webinar. Destructive: its join link stops working for everyone invited. Returns deleted: true.',
				action: 'Permanently delete a webinar and return a deletion confirmation',
			},
			{
				name: 'End',
				value: 'end',
				description:
					'End a live webinar for every participant now. Destructive: everyone is removed from it. Returns success, the webinar ID and status ended.',
				action: 'Destructively end a live webinar for everyone and return its ID',
			},
			{
				name: 'Get',
				value: 'get',
				description:
					'Get a Zoom webinar by its ID or join URL. Returns its ID, topic, type, times and join URL; with Simplify off, all of Zoom’s fields (settings, occurrences of a recurring webinar).',
				action: 'Get a webinar and return its details and join URL',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List the scheduled or upcoming webinars of a Zoom user. Returns one item per webinar with its ID, topic, start time and join URL.',
				action: 'Get many webinars and return one item per webinar',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					'Change the topic, time, settings or recurrence of a Zoom webinar. Returns success and the webinar ID (and occurrence ID).',
				action: 'Update a webinar and return its ID',
			},
		],
		default: 'create',
	},
	...session.create.description,
	...session.delete.description,
	...session.end.description,
	...session.get.description,
	...session.getAll.description,
	...session.update.description,
];
