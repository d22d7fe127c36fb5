import type { INodeProperties } from 'n8n-workflow';

import * as get from './get';
import * as getAbsentees from './getAbsentees';
import * as getInstances from './getInstances';
import * as getParticipants from './getParticipants';

export const operations = { get, getAbsentees, getInstances, getParticipants };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['pastSession'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description:
					'Get the details of an ended meeting or webinar. Returns its UUID, topic, times, duration and participant count.',
				action: 'Get an ended meeting or webinar and return its times and participant count',
			},
			{
				name: 'Get Absentees',
				value: 'getAbsentees',
				description:
					'List the registrants of an ended webinar who did not attend it. Returns one item per absentee with email, name and registration details.',
				action: 'Get absentees of an ended webinar and return one item per absentee',
			},
			{
				name: 'Get Instances',
				value: 'getInstances',
				description:
					'List the ended instances of a recurring meeting or webinar. Returns one item per instance with its UUID and start time.',
				action: 'Get ended instances of a meeting or webinar and return the UUID of each',
			},
			{
				name: 'Get Participants',
				value: 'getParticipants',
				description:
					'List who joined an ended meeting or webinar. Returns one item per join session with name, email, join and leave times and duration.',
				action: 'Get participants of an ended meeting or webinar and return one item per join',
			},
		],
		default: 'getParticipants',
	},
	...get.description,
	...getAbsentees.description,
	...getInstances.description,
	...getParticipants.description,
];
