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
					'Revoke the OAuth2 credential’s access at Zoom, as an app’s "Disconnect" does; the credential must then be reconnected',
				action: 'Revoke access of the credential',
			},
		],
		default: 'revoke',
	},
	...revoke.description,
];
