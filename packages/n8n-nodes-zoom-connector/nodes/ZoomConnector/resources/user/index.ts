import type { INodeProperties } from 'n8n-workflow';

import * as get from './get';
import * as getAll from './getAll';

export const operations = { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description:
					'Get a Zoom user by ID, email, or "me". Returns their ID, name, email, type, time zone and status.',
				action: 'Get a user and return their profile',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List the users of the Zoom account. Returns one item per user with ID, name, email, type and status.',
				action: 'Get many users and return one item per user',
			},
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
];
