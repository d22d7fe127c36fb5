import type { INodeProperties } from 'n8n-workflow';

import * as add from './add';
import * as approve from './approve';
import * as cancel from './cancel';
import { sessionTargetProperties } from './common';
import * as deny from './deny';
import * as getAll from './getAll';

export const operations = { add, approve, cancel, deny, getAll };

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
				description: 'Register a person for a meeting or webinar and return their personal join URL',
				action: 'Add a registrant',
			},
			{
				name: 'Approve',
				value: 'approve',
				description: 'Approve pending registrants of a meeting or webinar, by email or registrant ID',
				action: 'Approve registrants',
			},
			{
				name: 'Cancel',
				value: 'cancel',
				description: 'Cancel the registration of approved registrants of a meeting or webinar',
				action: 'Cancel registrants',
			},
			{
				name: 'Deny',
				value: 'deny',
				description: 'Deny pending registrants of a meeting or webinar, by email or registrant ID',
				action: 'Deny registrants',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the approved, pending or denied registrants of a meeting or webinar',
				action: 'Get many registrants',
			},
		],
		default: 'add',
	},
	...sessionTargetProperties,
	...add.description,
	...approve.description,
	...cancel.description,
	...deny.description,
	...getAll.description,
];
