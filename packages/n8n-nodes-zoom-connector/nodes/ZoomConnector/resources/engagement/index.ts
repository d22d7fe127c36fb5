import type { INodeProperties } from 'n8n-workflow';

import * as getPolls from './getPolls';
import * as getQa from './getQa';
import * as getSurvey from './getSurvey';

export const operations = { getPolls, getQa, getSurvey };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['engagement'] } },
		options: [
			{
				name: 'Get Poll Answers',
				value: 'getPolls',
				description:
					'List the poll answers of an ended meeting or webinar. Returns one item per person and question, with email, name, question and answer.',
				action: 'Get poll answers of an ended meeting or webinar and return one item per answer',
			},
			{
				name: 'Get Q&A',
				value: 'getQa',
				description:
					'List the Q&A of an ended meeting or webinar. Returns one item per question asked, with who asked it and the answers.',
				action: 'Get Q&A of an ended meeting or webinar and return one item per question',
			},
			{
				name: 'Get Survey Answers',
				value: 'getSurvey',
				description:
					'List the survey answers of an ended meeting or webinar (report). Returns one item per person and question, with email and name.',
				action: 'Get survey answers of an ended meeting or webinar and return one item per answer',
			},
		],
		default: 'getQa',
	},
	...getPolls.description,
	...getQa.description,
	...getSurvey.description,
];
