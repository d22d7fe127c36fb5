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
					'Register a person for a meeting or webinar and return their personal join URL',
				action: 'Add a registrant',
			},
			{
				name: 'Approve',
				value: 'approve',
				description:
					'Approve pending registrants of a meeting or webinar, by email or registrant ID',
				action: 'Approve registrants',
			},
			{
				name: 'Batch Add',
				value: 'batchAdd',
				description:
					'Register many people at once with Zoom’s batch registration (30 per call); one item per registrant with their join URL',
				action: 'Batch add registrants',
			},
			{
				name: 'Cancel',
				value: 'cancel',
				description: 'Cancel the registration of approved registrants of a meeting or webinar',
				action: 'Cancel registrants',
			},
			{
				name: 'Delete',
				value: 'delete',
				description:
					'Delete one registration of a meeting or webinar (destructive: the person’s join link stops working)',
				action: 'Delete a registrant',
			},
			{
				name: 'Deny',
				value: 'deny',
				description: 'Deny pending registrants of a meeting or webinar, by email or registrant ID',
				action: 'Deny registrants',
			},
			{
				name: 'Get',
				value: 'get',
				description:
					'Get one registrant of a meeting or webinar by registrant ID: name, email, status, answers and join URL',
				action: 'Get a registrant',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the approved, pending or denied registrants of a meeting or webinar',
				action: 'Get many registrants',
			},
			{
				name: 'Get Registration Questions',
				value: 'getQuestions',
				description:
					'Get the standard and custom questions people answer when registering for a meeting or webinar',
				action: 'Get registration questions',
			},
			{
				name: 'Get Tracking Sources',
				value: 'getTrackingSources',
				description:
					'List a webinar’s registration tracking sources with their tracking URL, visitors and registrations',
				action: 'Get tracking sources of a webinar',
			},
			{
				name: 'Update Registration Questions',
				value: 'updateQuestions',
				description:
					'Replace the standard and custom registration questions of a meeting or webinar',
				action: 'Update registration questions',
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
