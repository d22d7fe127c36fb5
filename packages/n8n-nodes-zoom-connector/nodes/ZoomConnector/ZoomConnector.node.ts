import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { authenticationProperty, zoomApiCredentials } from '../shared/transport';
import { listSearch } from './methods/listSearch';
import { route } from './router';
import { NODE_VERSION } from './shared/locators';
import { resourceOptions, resources } from './resources';
import { simplifyProperties } from './shared/simplify';

export class ZoomConnector implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoom Connector',
		name: 'zoomConnector',
		icon: { light: 'file:zoomConnector.svg', dark: 'file:zoomConnector.dark.svg' },
		group: ['transform'],
		version: NODE_VERSION,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Work with Zoom meetings, webinars, registrants, participants, reports, recordings and users',
		defaults: { name: 'Zoom Connector' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: zoomApiCredentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resourceOptions,
				default: 'meeting',
			},
			...Object.values(resources).flatMap((resource) => resource.description),
			...simplifyProperties,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
