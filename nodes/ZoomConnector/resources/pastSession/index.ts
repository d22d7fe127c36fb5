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
					'Get the details of an ended meeting or webinar: times, duration and participant count',
				action: 'Get an ended meeting or webinar',
			},
			{
				name: 'Get Absentees',
				value: 'getAbsentees',
				description: 'List the registrants of an ended webinar who did not attend it',
				action: 'Get absentees of an ended webinar',
			},
			{
				name: 'Get Instances',
				value: 'getInstances',
				description:
					'List the ended instances (UUID and start time) of a recurring meeting or webinar',
				action: 'Get ended instances of a meeting or webinar',
			},
			{
				name: 'Get Participants',
				value: 'getParticipants',
				description: 'List who joined an ended meeting or webinar, one row per join session',
				action: 'Get participants of an ended meeting or webinar',
			},
		],
		default: 'getParticipants',
	},
	...get.description,
	...getAbsentees.description,
	...getInstances.description,
	...getParticipants.description,
];
