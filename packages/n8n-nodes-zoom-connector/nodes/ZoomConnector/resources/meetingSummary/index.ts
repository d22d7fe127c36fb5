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
					'Get the AI Companion summary of one ended meeting or webinar instance. Returns its overview, topics, next steps and full text, with the meeting’s UUID and times.',
				action: 'Get a meeting summary and return its overview and next steps',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List the account’s AI Companion summaries created in a date range. Returns one item per meeting or webinar instance, with its UUID, topic and times.',
				action: 'Get many meeting summaries and return one item per instance',
			},
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
];
