import type { INodeProperties } from 'n8n-workflow';

import * as deleteFile from './deleteFile';
import * as deleteRecording from './deleteRecording';
import * as download from './download';
import * as get from './get';
import * as getAll from './getAll';
import * as getAllAccount from './getAllAccount';
import * as getTranscript from './getTranscript';
import * as recover from './recover';
import * as recoverFile from './recoverFile';

export const operations = {
	deleteFile,
	deleteRecording,
	download,
	get,
	getAll,
	getAllAccount,
	getTranscript,
	recover,
	recoverFile,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['recording'] } },
		options: [
			{
				name: 'Delete',
				value: 'deleteRecording',
				description:
					'Delete all files of a cloud recording: to Zoom’s trash (recoverable for 30 days) or permanently (destructive)',
				action: 'Delete a recording',
			},
			{
				name: 'Delete File',
				value: 'deleteFile',
				description:
					'Delete one file of a cloud recording: to Zoom’s trash or permanently (destructive)',
				action: 'Delete a recording file',
			},
			{
				name: 'Download File',
				value: 'download',
				description:
					'Download one file of a cloud recording (video, audio, transcript, chat…) as binary data',
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
				name: 'Get Many for the Account',
				value: 'getAllAccount',
				description:
					'List every user’s cloud recordings between two dates (Server-to-Server): one item per recorded meeting, with the host’s email',
				action: 'Get many recordings of the account',
			},
			{
				name: 'Get Transcript',
				value: 'getTranscript',
				description:
					'Download the audio transcript of a recording and split it into timed segments per speaker',
				action: 'Get the transcript of a recording',
			},
			{
				name: 'Recover',
				value: 'recover',
				description: 'Bring a trashed cloud recording back from Zoom’s trash (within 30 days)',
				action: 'Recover a recording',
			},
			{
				name: 'Recover File',
				value: 'recoverFile',
				description: 'Bring one trashed file of a cloud recording back from Zoom’s trash',
				action: 'Recover a recording file',
			},
		],
		default: 'get',
	},
	...deleteFile.description,
	...deleteRecording.description,
	...download.description,
	...get.description,
	...getAll.description,
	...getAllAccount.description,
	...getTranscript.description,
	...recover.description,
	...recoverFile.description,
];
