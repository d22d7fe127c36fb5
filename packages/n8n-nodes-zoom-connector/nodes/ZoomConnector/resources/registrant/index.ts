import type { INodeProperties } from 'n8n-workflow';

import * as add from './add';
import * as approve from './approve';
import * as batchAdd from './batchAdd';
import * as cancel from './cancel';
import { sessionTargetProperties } from './common';
import * as deleteRegistrant from './delete';
import * as deny from './deny';
import * as get from './get';
import * as getAll from './getAll';
import * as getQuestions from './getQuestions';
import * as getTrackingSources from './getTrackingSources';
import * as updateQuestions from './updateQuestions';

export const operations = {
	add,
	approve,
	batchAdd,
	cancel,
	delete: deleteRegistrant,
	deny,
	get,
	getAll,
	getQuestions,
	getTrackingSources,
	updateQuestions,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['registrant'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				description:
					'Register a person for a meeting or webinar. Returns the registrant ID, their personal join URL and the start time.',
				action: 'Add a registrant and return their join URL',
			},
			{
				name: 'Approve',
				value: 'approve',
				description:
					'Approve pending registrants of a meeting or webinar, by email or registrant ID. Returns success, the meeting or webinar ID and how many registrants were updated.',
				action: 'Approve registrants and return how many were updated',
			},
			{
				name: 'Batch Add',
				value: 'batchAdd',
				description:
					'Register many people at once with Zoom’s batch registration (30 per call). Returns one item per registrant with email, registrant ID and join URL.',
				action: 'Batch add registrants and return a join URL for each',
			},
			{
				name: 'Cancel',
				value: 'cancel',
				description:
					'Cancel the registration of approved registrants of a meeting or webinar. Destructive: their join links stop working. Returns success, the meeting or webinar ID and how many registrants were updated.',
				action: 'Destructively cancel registrants and return how many were updated',
			},
			{
				name: 'Delete',
				value: 'delete',
				description:
					'Delete one registration of a meeting or webinar. Destructive: the person’s join link stops working. Returns deleted: true.',
				action: 'Permanently delete a registrant and return a deletion confirmation',
			},
			{
				name: 'Deny',
				value: 'deny',
				description:
					'Deny pending registrants of a meeting or webinar, by email or registrant ID. Destructive: they cannot join with this registration. Returns success, the meeting or webinar ID and how many registrants were updated.',
				action: 'Destructively deny registrants and return how many were updated',
			},
			{
				name: 'Get',
				value: 'get',
				description:
					'Get one registrant of a meeting or webinar by registrant ID. Returns their name, email, status, answers and join URL.',
				action: 'Get a registrant and return their status and join URL',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List the approved, pending or denied registrants of a meeting or webinar. Returns one item per registrant with ID, email, name, status and join URL.',
				action: 'Get many registrants and return one item per registrant',
			},
			{
				name: 'Get Registration Questions',
				value: 'getQuestions',
				description:
					'Get the questions people answer when registering for a meeting or webinar. Returns the meeting or webinar ID, the standard questions and the custom questions.',
				action: 'Get registration questions and return the standard and custom ones',
			},
			{
				name: 'Get Tracking Sources',
				value: 'getTrackingSources',
				description:
					'List a webinar’s registration tracking sources. Returns one item per source with its tracking URL, visitors and registrations.',
				action: 'Get tracking sources of a webinar and return one item per source',
			},
			{
				name: 'Update Registration Questions',
				value: 'updateQuestions',
				description:
					'Replace the standard and custom registration questions of a meeting or webinar (the previous ones are overwritten). Returns success, the meeting or webinar ID and how many questions were set.',
				action: 'Update registration questions and return how many were set',
			},
		],
		default: 'add',
	},
	...sessionTargetProperties,
	...add.description,
	...approve.description,
	...batchAdd.description,
	...cancel.description,
	...deleteRegistrant.description,
	...deny.description,
	...get.description,
	...getAll.description,
	...getQuestions.description,
	...getTrackingSources.description,
	...updateQuestions.description,
];
