import type { INodeProperties } from 'n8n-workflow';

import * as revoke from './revoke';

export const operations = { revoke };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['authorization'] } },
		options: [
			{
				name: 'Revoke Access',
				value: 'revoke',
				description:
					'Revoke the OAuth2 credential’s access at Zoom, as an app’s "Disconnect" does. Destructive and irreversible: the credential stops working until it is connected again. Returns revoked, status and a reconnect message.',
				action: 'Irreversibly revoke access of the credential and return a reconnect notice',
			},
		],
		default: 'revoke',
	},
	...revoke.description,
];
