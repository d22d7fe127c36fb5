/** Get a meeting or webinar: GET /meetings/{meetingId} or /webinars/{webinarId}. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zoomApiRequest } from '../../../shared/transport';
import { occurrenceIdOption, optionsCollection } from '../../shared/descriptions';
import { readSessionId, sessionIdField } from '../../shared/ids';
import { show, type SessionKind } from './kind';

export function getDescription(kind: SessionKind): INodeProperties[] {
	return [
		sessionIdField(kind.idField, kind.noun, { show: show(kind, 'get') }),
		optionsCollection({ show: show(kind, 'get') }, [
			occurrenceIdOption(`Return this occurrence of a recurring ${kind.noun}`),
			{
				displayName: 'Show Previous Occurrences',
				name: 'showPreviousOccurrences',
				type: 'boolean',
				default: false,
				description: 'Whether to include occurrences that already took place',
			},
		]),
	];
}

export async function getSession(
	this: IExecuteFunctions,
	kind: SessionKind,
	itemIndex: number,
): Promise<IDataObject> {
	const id = readSessionId(this, kind.idField, kind.noun, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (options.occurrenceId) qs.occurrence_id = String(options.occurrenceId).trim();
	if (options.showPreviousOccurrences) qs.show_previous_occurrences = true;
	return await zoomApiRequest.call(this, 'GET', `/${kind.path}/${id}`, { qs, itemIndex });
}
