/**
 * Delete a meeting or webinar, or one occurrence: DELETE /meetings/{meetingId} or /webinars/{webinarId}.
 * Answers { deleted: true } (n8n's UX guideline); the item stays paired with its input.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zoomApiRequest } from '../../../shared/transport';
import { occurrenceIdOption, optionsCollection } from '../../shared/descriptions';
import { readSessionId, sessionIdField } from '../../shared/ids';
import { snake } from '../../shared/snake';
import { show, type SessionKind } from './kind';

export function deleteDescription(kind: SessionKind): INodeProperties[] {
	return [
		sessionIdField(kind.idField, kind.noun, { show: show(kind, 'delete') }),
		optionsCollection({ show: show(kind, 'delete') }, [
			...kind.deleteOptions,
			occurrenceIdOption(
				`Delete only this occurrence; empty deletes the whole ${kind.noun} or series`,
			),
		]),
	];
}

export async function deleteSession(
	this: IExecuteFunctions,
	kind: SessionKind,
	itemIndex: number,
): Promise<IDataObject> {
	const id = readSessionId(this, kind.idField, kind.noun, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	for (const [name, value] of Object.entries(options)) {
		if (value !== '' && value !== undefined)
			qs[snake(name)] = typeof value === 'string' ? value.trim() : value;
	}
	await zoomApiRequest.call(this, 'DELETE', `/${kind.path}/${id}`, { qs, itemIndex });
	return { deleted: true };
}
