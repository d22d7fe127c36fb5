/** Parameter descriptions the resources of the Zoom Connector share. */
import type { INodeProperties } from 'n8n-workflow';

import { listAndIdModes, locatorProperty } from './locators';

/** How the user lists name "me". */
export const ME_NAME = 'Me (the connected user)';

/** Return All + Limit for a list operation, shown only for that resource and operation. */
export function returnAllOrLimit(
	resource: string,
	operation: string,
	maxValue?: number,
): INodeProperties[] {
	const show = { resource: [resource], operation: [operation] };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, ...(maxValue ? { maxValue } : {}) },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

/**
 * The user a call acts for: me, a Zoom user ID, or an email; the list shows the account's users
 * (Server-to-Server) with "me" first.
 */
export function userIdField(
	resource: string,
	operations: string[],
	overrides: { description?: string } = {},
): INodeProperties {
	return locatorProperty({
		displayName: 'User',
		name: 'userId',
		required: true,
		description:
			overrides.description ??
			'Whose data to use: "me" for the connected user, or a user ID or email',
		hint: 'With a Server-to-Server credential, name the user: "me" is the app, not a person',
		default: { __rl: true, mode: 'list', value: 'me', cachedResultName: ME_NAME },
		...listAndIdModes('searchUsers', 'Choose a user…', {
			displayName: 'By ID or Email',
			placeholder: 'me, a Zoom user ID, or jane@example.com',
		}),
		displayOptions: { show: { resource: [resource], operation: operations } },
	});
}

/**
 * The Session Type selector (meeting or webinar). Past Session and Engagement take no expression for it
 * (it changes which fields show); Registrant always took one, and saved workflows may use it.
 */
export function sessionTypeField(
	displayOptions: INodeProperties['displayOptions'],
	description: string,
	allowExpression = false,
): INodeProperties {
	return {
		displayName: 'Session Type',
		name: 'sessionType',
		type: 'options',
		...(allowExpression ? {} : { noDataExpression: true }),
		options: [
			{ name: 'Meeting', value: 'meeting' },
			{ name: 'Webinar', value: 'webinar' },
		],
		default: 'meeting',
		description,
		displayOptions,
	};
}

export const byDisplayName = (a: INodeProperties, b: INodeProperties) =>
	a.displayName.localeCompare(b.displayName);

/** The Occurrence ID option of a recurring meeting/webinar; `description` says what it limits. */
export function occurrenceIdOption(description: string): INodeProperties {
	return {
		displayName: 'Occurrence ID',
		name: 'occurrenceId',
		type: 'string',
		default: '',
		placeholder: '1648194360000',
		description,
	};
}

/** An Options collection, sorted by display name, shown for `show`. */
export function optionsCollection(
	displayOptions: INodeProperties['displayOptions'],
	options: INodeProperties[],
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions,
		options: [...options].sort(byDisplayName),
	};
}
