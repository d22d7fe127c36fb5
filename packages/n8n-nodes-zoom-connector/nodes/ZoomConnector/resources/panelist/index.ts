import type { INodeProperties } from 'n8n-workflow';

import * as add from './add';
import * as getAll from './getAll';
import * as remove from './remove';
import * as removeAll from './removeAll';

export const operations = { add, getAll, remove, removeAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['panelist'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				description:
					'Make one or more people panelists of a webinar; Zoom emails each their join link. Returns the webinar ID, how many were added and the panelists.',
				action: 'Add panelists to a webinar and return who was added',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List the panelists of a webinar. Returns one item per panelist with ID, email, name and join URL.',
				action: 'Get many panelists of a webinar and return one item per panelist',
			},
			{
				name: 'Remove',
				value: 'remove',
				description:
					'Remove one panelist from a webinar, by ID or email. Destructive: their join link stops working. Returns deleted: true.',
				action: 'Destructively remove a panelist from a webinar and return a deletion confirmation',
			},
			{
				name: 'Remove All',
				value: 'removeAll',
				description:
					'Remove every panelist from a webinar. Destructive: all their join links stop working. Returns deleted: true.',
				action:
					'Destructively remove all panelists from a webinar and return a deletion confirmation',
			},
		],
		default: 'getAll',
	},
	...add.description,
	...getAll.description,
	...remove.description,
	...removeAll.description,
];
