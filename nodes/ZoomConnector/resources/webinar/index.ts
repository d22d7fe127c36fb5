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
				description: 'Schedule a Zoom webinar and return its ID, join URL, start URL and passcode',
				action: 'Create a webinar',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a Zoom webinar, or one occurrence of a recurring webinar',
				action: 'Delete a webinar',
			},
			{
				name: 'End',
				value: 'end',
				description:
					'End a live webinar for every participant now (disruptive: everyone is removed from it)',
				action: 'End a live webinar',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get the details of a Zoom webinar by its ID or join URL',
				action: 'Get a webinar',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the scheduled or upcoming webinars of a Zoom user',
				action: 'Get many webinars',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the topic, time, settings or recurrence of a Zoom webinar',
				action: 'Update a webinar',
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
