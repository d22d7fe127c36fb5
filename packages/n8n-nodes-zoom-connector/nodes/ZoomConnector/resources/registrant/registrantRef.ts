/** The one-registrant operations' fields (Registrant ID, Occurrence ID) and JSON list parsing. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { listAndIdModes, locatorProperty } from '../../shared/locators';

/** The Registrant locator, listing the session's registrants. */
export function registrantIdField(operation: string): INodeProperties {
	const displayOptions = { show: { resource: ['registrant'], operation: [operation] } };
	return locatorProperty({
		displayName: 'Registrant',
		name: 'registrantId',
		required: true,
		description: 'One registration of the meeting or webinar',
		...listAndIdModes('searchRegistrants', 'Choose a registrant…', {
			displayName: 'By ID',
			placeholder: 'e.g. 9tboDiHUQAeOnbmudzWa5g',
		}),
		displayOptions,
	});
}

/** Occurrence ID, shown for both session types unless Zoom's endpoint takes it for one only. */
export function occurrenceIdField(
	operation: string,
	only?: 'meeting' | 'webinar',
): INodeProperties {
	return {
		displayName: 'Occurrence ID',
		name: 'occurrenceId',
		type: 'string',
		default: '',
		description: only
			? `For a recurring ${only}, the occurrence the registration is for; empty for all`
			: 'For a recurring meeting or webinar, the occurrence the registration is for; empty for all',
		displayOptions: {
			show: {
				resource: ['registrant'],
				operation: [operation],
				...(only ? { sessionType: [only] } : {}),
			},
		},
	};
}

/** A JSON parameter that must hold an array (an expression may give the array itself). */
export function readJsonArray(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): unknown[] {
	let value = context.getNodeParameter(name, itemIndex, '[]') as unknown;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value.trim() || '[]');
		} catch {
			throw new NodeOperationError(context.getNode(), `The field "${label}" is not valid JSON`, {
				itemIndex,
				description: `Give a JSON array in "${label}" (item ${itemIndex}).`,
			});
		}
	}
	if (!Array.isArray(value)) {
		throw new NodeOperationError(context.getNode(), `The field "${label}" must be a JSON array`, {
			itemIndex,
			description: `Give a JSON array in "${label}" (item ${itemIndex}), e.g. [] for none.`,
		});
	}
	return value;
}
