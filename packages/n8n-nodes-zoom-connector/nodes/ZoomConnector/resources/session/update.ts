/** Update a meeting or webinar, or one occurrence: PATCH /meetings/{meetingId} or /webinars/{webinarId}. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zoomApiRequest } from '../../../shared/transport';
import { occurrenceIdOption } from '../../shared/descriptions';
import { readSessionId, sessionIdField } from '../../shared/ids';
import { fail } from '../../shared/validation';
import { mainFields, recurrenceProperty, settingsProperty } from './fields';
import { show, type SessionKind } from './kind';
import { readSessionBody } from './readBody';

export function updateDescription(kind: SessionKind): INodeProperties[] {
	return [
		sessionIdField(kind.idField, kind.noun, { show: show(kind, 'update') }),
		updateFields(kind),
		recurrenceProperty(kind, { show: show(kind, 'update') }),
		settingsProperty(kind, { show: show(kind, 'update') }),
	];
}

function updateFields(kind: SessionKind): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: show(kind, 'update') },
		options: [
			...mainFields(kind),
			occurrenceIdOption(
				`Change only this occurrence of a recurring ${kind.noun} (agenda, start time and duration)`,
			),
			{
				displayName: 'Start Time',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				description:
					'New start, read in the Time Zone field when one is set (else in the workflow’s time zone)',
			},
			{
				displayName: 'Topic',
				name: 'topic',
				type: 'string',
				default: '',
				description: `New title of the ${kind.noun}`,
			},
			kind.typeProperty,
		],
	};
}

export async function updateSession(
	this: IExecuteFunctions,
	kind: SessionKind,
	itemIndex: number,
): Promise<IDataObject> {
	const id = readSessionId(this, kind.idField, kind.noun, itemIndex);
	const fields = { ...(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject) };
	const occurrenceId = typeof fields.occurrenceId === 'string' ? fields.occurrenceId.trim() : '';
	delete fields.occurrenceId;
	const body = readSessionBody(this, kind, fields, itemIndex, true);
	if (!Object.keys(body).length) {
		fail(
			this,
			itemIndex,
			'Nothing to update',
			'Add at least one field under Update Fields, Recurrence or Settings.',
		);
	}
	await zoomApiRequest.call(this, 'PATCH', `/${kind.path}/${id}`, {
		body,
		qs: occurrenceId ? { occurrence_id: occurrenceId } : undefined,
		itemIndex,
	});
	return {
		success: true,
		id: Number(id),
		...(occurrenceId ? { occurrence_id: occurrenceId } : {}),
	};
}
