import type { INodeProperties } from 'n8n-workflow';

import * as download from './download';
import * as get from './get';
import * as getAll from './getAll';
import * as getTranscript from './getTranscript';

export const operations = { download, get, getAll, getTranscript };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['recording'] } },
		options: [
			{
				name: 'Download File',
				value: 'download',
				description: 'Download one file of a cloud recording (video, audio, transcript, chat…) as binary data',
				action: 'Download a recording file',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get the cloud recording of a meeting or webinar with the list of its files',
				action: 'Get a recording',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List a user’s cloud recordings between two dates, over any number of months',
				action: 'Get many recordings',
			},
			{
				name: 'Get Transcript',
				value: 'getTranscript',
				description: 'Download the audio transcript of a recording and split it into timed segments per speaker',
				action: 'Get the transcript of a recording',
			},
		],
		default: 'get',
	},
	...download.description,
	...get.description,
	...getAll.description,
	...getTranscript.description,
];
