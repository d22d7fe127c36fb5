import type { INodeProperties } from 'n8n-workflow';

import * as request from './request';

export const operations = { request };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customApiCall'] } },
		options: [
			{
				name: 'Make a Request',
				value: 'request',
				description:
					'Call any Zoom API endpoint by method and path, with this credential. Returns Zoom’s JSON answer: one item per entry of a list (following its pages), else the answer as one item. DELETE, PATCH, POST and PUT change data in Zoom and may be destructive and irreversible.',
				action: 'Call any endpoint of the API and return its JSON answer',
			},
		],
		default: 'request',
	},
	...request.description,
];
