/**
 * Custom API Call › Make a Request: any Zoom endpoint, through the same transport as every operation (the
 * credential's host and token, pacing, retries, Zoom's error messages).
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	zoomApiRequest,
	zoomApiRequestAllItems,
	zoomApiRequestFull,
	type ZoomResponse,
} from '../../../shared/transport';
import { returnAllOrLimit } from '../../shared/descriptions';
import { bodyFrom, checkPath, CustomCallInputError, listPropertyOf, queryFrom } from './input';

const show = { resource: ['customApiCall'], operation: ['request'] };
const METHODS_WITH_BODY = ['DELETE', 'PATCH', 'POST', 'PUT'];

export const description: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: [
			{ name: 'DELETE', value: 'DELETE' },
			{ name: 'GET', value: 'GET' },
			{ name: 'PATCH', value: 'PATCH' },
			{ name: 'POST', value: 'POST' },
			{ name: 'PUT', value: 'PUT' },
		],
		default: 'GET',
		displayOptions: { show },
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		required: true,
		placeholder: '/users/me/meetings',
		hint: 'The part after the API base URL (…/v2), from Zoom’s API reference; the call goes to the credential’s Zoom host',
		description: 'Zoom API endpoint path, starting with "/"; encode IDs in it as Zoom asks',
		displayOptions: { show },
	},
	{
		displayName: 'Query Parameters',
		name: 'queryParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Query Parameter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Parameter',
				name: 'parameters',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Body',
		name: 'jsonBody',
		type: 'json',
		default: '',
		placeholder: '{"topic": "Weekly sync"}',
		description: 'JSON object to send; leave empty to send no body',
		displayOptions: { show: { ...show, method: METHODS_WITH_BODY } },
	},
	...returnAllOrLimit('customApiCall', 'request').map((field) => ({
		...field,
		description:
			field.name === 'returnAll'
				? 'Whether to return every entry of a list answer, following next_page_token or page_number, or only up to a given limit'
				: 'Max number of list entries to return',
		displayOptions: { show: { ...field.displayOptions?.show, method: ['GET'] } },
	})),
	{
		displayName: 'Options',
		name: 'requestOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { ...show, method: ['GET'] } },
		options: [
			{
				displayName: 'List Property',
				name: 'listProperty',
				type: 'string',
				default: '',
				placeholder: 'meetings',
				description:
					'Which property of Zoom’s answer holds the list; leave empty to find it: the one list in an answer with Zoom’s paging fields',
			},
			{
				displayName: 'Split List Into Items',
				name: 'splitList',
				type: 'boolean',
				default: true,
				description:
					'Whether to return each entry of a list answer as an item (following pages); off: one call, Zoom’s answer whole',
			},
		],
	},
];

/** The item's request, checked; a bad field fails the item with a NodeOperationError naming it. */
function readRequest(this: IExecuteFunctions, itemIndex: number) {
	try {
		const method = this.getNodeParameter('method', itemIndex) as IHttpRequestMethods;
		const path = checkPath(this.getNodeParameter('path', itemIndex, ''));
		const pairs = this.getNodeParameter('queryParameters.parameters', itemIndex, []) as Array<{
			name?: unknown;
			value?: unknown;
		}>;
		const qs = queryFrom(pairs);
		const body = METHODS_WITH_BODY.includes(method)
			? bodyFrom(this.getNodeParameter('jsonBody', itemIndex, ''))
			: {};
		return { method, path, qs, body };
	} catch (error) {
		throw asFieldError(this, error, itemIndex);
	}
}

function asFieldError(context: IExecuteFunctions, error: unknown, itemIndex: number): unknown {
	if (!(error instanceof CustomCallInputError)) return error;
	return new NodeOperationError(context.getNode(), error.message, {
		itemIndex,
		description: `${error.fix} (field "${error.field}")`,
	});
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const { method, path, qs, body } = readRequest.call(this, itemIndex);
	if (method !== 'GET') {
		const response = (await zoomApiRequestFull.call(this, method, path, {
			qs,
			body: Object.keys(body).length ? body : undefined,
			itemIndex,
		})) as ZoomResponse<IDataObject>;
		const answer = response.body as unknown;
		// Zoom answers most changes with 204 and no body; anything but a JSON object is kept under `body`.
		if (typeof answer !== 'object' || answer === null || Array.isArray(answer))
			return [{ json: { statusCode: response.statusCode, body: answer as IDataObject[string] } }];
		const json = Object.keys(answer).length
			? (answer as IDataObject)
			: { success: true, statusCode: response.statusCode };
		return [{ json }];
	}
	const options = this.getNodeParameter('requestOptions', itemIndex, {}) as {
		listProperty?: string;
		splitList?: boolean;
	};
	if (options.splitList === false) {
		return [{ json: await zoomApiRequest.call(this, 'GET', path, { qs, itemIndex }) }];
	}
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const named = options.listProperty?.trim() || undefined;
	const entries = await zoomApiRequestAllItems.call(
		this,
		path,
		(firstPage) => {
			try {
				return listPropertyOf(firstPage, named);
			} catch (error) {
				throw asFieldError(this, error, itemIndex);
			}
		},
		{ qs, itemIndex, limit, paging: { style: 'detect' } },
	);
	// Ready items, so an answer with a "json" property is not taken for one; plain values (IDs) become { value }.
	return entries.map((entry) => ({
		json:
			typeof entry === 'object' && entry !== null && !Array.isArray(entry)
				? entry
				: { value: entry as unknown as IDataObject[string] },
	}));
}
