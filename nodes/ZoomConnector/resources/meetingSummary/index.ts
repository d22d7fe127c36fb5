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
		displayOptions: { show: { resource: ['meetingSummary'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description:
					'Get the AI Companion summary of one ended meeting or webinar instance: overview, topics, next steps and full text',
				action: 'Get a meeting summary',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List the account’s AI Companion summaries created in a date range: one item per meeting or webinar instance, with its UUID',
				action: 'Get many meeting summaries',
			},
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
];
