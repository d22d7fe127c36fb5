/** Create a meeting or webinar: POST /users/{userId}/meetings or /users/{userId}/webinars. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zoomApiRequest } from '../../../shared/transport';
import { userIdField } from '../../shared/descriptions';
import { fail, requireText } from '../../shared/validation';
import { mainFields, recurrenceProperty, settingsProperty } from './fields';
import { show, type SessionKind } from './kind';
import { readSessionBody } from './readBody';

export function createDescription(kind: SessionKind): INodeProperties[] {
	return [
		userIdField(kind.resource, ['create'], {
			description: `Who hosts the ${kind.noun}: "me", or a user ID or email`,
		}),
		{
			displayName: 'Topic',
			name: 'topic',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'Weekly sync',
			description: `Title of the ${kind.noun}, up to 200 characters`,
			displayOptions: { show: show(kind, 'create') },
		},
		{ ...kind.typeProperty, displayOptions: { show: show(kind, 'create') } },
		{
			displayName: 'Start Time',
			name: 'startTime',
			type: 'dateTime',
			default: '',
			description: `When the ${kind.noun} starts, read in the Time Zone below when one is set (else in the workflow’s time zone)`,
			hint: 'Empty: Zoom starts it now',
			displayOptions: { show: show(kind, 'create', { type: kind.timedTypes }) },
		},
		recurrenceProperty(kind, { show: show(kind, 'create', { type: [kind.recurringFixedType] }) }),
		additionalFields(kind),
		settingsProperty(kind, { show: show(kind, 'create') }),
	];
}

function additionalFields(kind: SessionKind): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: show(kind, 'create') },
		options: [
			...mainFields(kind),
			{
				displayName: 'Schedule For',
				name: 'scheduleFor',
				type: 'string',
				default: '',
				placeholder: 'jane@example.com',
				description: `Email or user ID of the user you schedule the ${kind.noun} for (needs scheduling privilege)`,
			},
		],
	};
}

export async function createSession(
	this: IExecuteFunctions,
	kind: SessionKind,
	itemIndex: number,
): Promise<IDataObject> {
	const userId = requireText(this, 'userId', itemIndex);
	const type = Number(this.getNodeParameter('type', itemIndex, kind.typeProperty.default));
	const fields: IDataObject = {
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		topic: requireText(this, 'topic', itemIndex),
		type,
	};
	if (kind.timedTypes.includes(type))
		fields.startTime = this.getNodeParameter('startTime', itemIndex, '');
	// A rule left over from an earlier type choice is hidden in the UI; it must not be sent either.
	const body = readSessionBody(this, kind, fields, itemIndex, type === kind.recurringFixedType);
	if (type === kind.recurringFixedType && !body.recurrence) {
		fail(
			this,
			itemIndex,
			'The field "Recurrence" is empty',
			`A recurring ${kind.noun} with a fixed time needs a rule: add one under Recurrence, or pick the type without a fixed time.`,
		);
	}
	// A POST is never repeated here: the transport refuses to retry it after a 5xx, and so do we.
	return await zoomApiRequest.call(
		this,
		'POST',
		`/users/${encodeURIComponent(userId)}/${kind.path}`,
		{
			body,
			itemIndex,
		},
	);
}
