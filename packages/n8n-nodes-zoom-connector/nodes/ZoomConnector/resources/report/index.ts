import type { INodeProperties } from 'n8n-workflow';

import * as getMeeting from './getMeeting';
import * as getMeetingParticipants from './getMeetingParticipants';
import * as getWebinar from './getWebinar';
import * as getWebinarParticipants from './getWebinarParticipants';

export const operations = {
	getMeeting,
	getMeetingParticipants,
	getWebinar,
	getWebinarParticipants,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{
				name: 'Get Meeting Details',
				value: 'getMeeting',
				description:
					'Get the account report of an ended meeting. Returns its times, duration and participant count; with Simplify off, all of Zoom’s fields (tracking fields).',
				action: 'Get a meeting report and return its times and participant count',
			},
			{
				name: 'Get Meeting Participants',
				value: 'getMeetingParticipants',
				description:
					'List the participant report of an ended meeting. Returns one item per join session with name, email, times and duration.',
				action: 'Get the participant report of a meeting and return one item per join',
			},
			{
				name: 'Get Webinar Details',
				value: 'getWebinar',
				description:
					'Get the account report of an ended webinar. Returns its times, duration and participant count.',
				action: 'Get a webinar report and return its times and participant count',
			},
			{
				name: 'Get Webinar Participants',
				value: 'getWebinarParticipants',
				description:
					'List the participant report of an ended webinar, Zoom’s authoritative attendance list. Returns one item per join session with registrant ID, name, email, times and duration.',
				action: 'Get the participant report of a webinar and return one item per join',
			},
		],
		default: 'getWebinarParticipants',
	},
	...getMeeting.description,
	...getMeetingParticipants.description,
	...getWebinar.description,
	...getWebinarParticipants.description,
];
