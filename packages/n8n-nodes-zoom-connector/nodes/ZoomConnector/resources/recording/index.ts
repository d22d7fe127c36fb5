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
					'Delete all files of a cloud recording: to Zoom’s trash (recoverable for 30 days) or permanently. Destructive: a permanent delete cannot be undone. Returns deleted: true.',
				action: 'Delete a recording to trash or permanently and return a deletion confirmation',
			},
			{
				name: 'Delete File',
				value: 'deleteFile',
				description:
					'Delete one file of a cloud recording: to Zoom’s trash (recoverable for 30 days) or permanently. Destructive: a permanent delete cannot be undone. Returns deleted: true.',
				action:
					'Delete a recording file to trash or permanently and return a deletion confirmation',
			},
			{
				name: 'Download File',
				value: 'download',
				description:
					'Download one file of a cloud recording (video, audio, transcript, chat…). Returns the file as binary data, with its name, type, size and the meeting’s ID and topic.',
				action: 'Download a recording file and return it as binary data',
			},
			{
				name: 'Get',
				value: 'get',
				description:
					'Get the cloud recording of a meeting or webinar. Returns its topic, times and its files with type, size and download URL.',
				action: 'Get a recording and return its files',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List a user’s cloud recordings between two dates, over any number of months. Returns one item per recorded meeting, with its files.',
				action: 'Get many recordings and return one item per recorded meeting',
			},
			{
				name: 'Get Many for the Account',
				value: 'getAllAccount',
				description:
					'List every user’s cloud recordings between two dates (Server-to-Server). Returns one item per recorded meeting, with its files and the host’s email.',
				action: 'Get many recordings of the account and return one item per recorded meeting',
			},
			{
				name: 'Get Transcript',
				value: 'getTranscript',
				description:
					'Download the audio transcript of a recording and split it into timed segments per speaker. Returns the segments (speaker, start, end, text), the speakers and the full text.',
				action: 'Get the transcript of a recording and return its timed segments',
			},
			{
				name: 'Recover',
				value: 'recover',
				description:
					'Bring a trashed cloud recording back from Zoom’s trash (within 30 days). Returns success, the meeting ID or UUID and the action.',
				action: 'Recover a recording and return its ID',
			},
			{
				name: 'Recover File',
				value: 'recoverFile',
				description:
					'Bring one trashed file of a cloud recording back from Zoom’s trash. Returns success, the meeting ID or UUID, the file ID and the action.',
				action: 'Recover a recording file and return its ID',
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
