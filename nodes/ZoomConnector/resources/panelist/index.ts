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
					'Make one or more people panelists of a webinar; Zoom emails each their join link',
				action: 'Add panelists to a webinar',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the panelists of a webinar with their ID, email, name and join URL',
				action: 'Get many panelists of a webinar',
			},
			{
				name: 'Remove',
				value: 'remove',
				description:
					'Remove one panelist from a webinar, by ID or email (destructive: their join link stops working)',
				action: 'Remove a panelist from a webinar',
			},
			{
				name: 'Remove All',
				value: 'removeAll',
				description:
					'Remove every panelist from a webinar (destructive: all their join links stop working)',
				action: 'Remove all panelists from a webinar',
			},
		],
		default: 'getAll',
	},
	...add.description,
	...getAll.description,
	...remove.description,
	...removeAll.description,
];
