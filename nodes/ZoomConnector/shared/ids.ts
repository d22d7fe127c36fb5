/**
 * The fields that name a meeting or webinar, and their readers, checked before any call. Two shapes, one
 * per kind of target, each a `…Field` builder and a `read…` reader:
 * - `sessionIdField`/`readSessionId`: a scheduled meeting's or webinar's numeric ID, the kind known from
 *   the resource or the Session Type (parameter meetingId or webinarId): Meeting, Webinar, Registrant, Panelist;
 * - `sessionRefField`/`readSessionRef`: an ended session's numeric ID in any form people paste or, unless
 *   `uuid: false`, an instance UUID (parameter sessionId): Past Session, Report, Recording, Meeting Summary,
 *   Engagement; UUIDs leave here encoded for a path.
 * The parameter names differ because saved workflows hold them; n8n cannot rename a parameter in place.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseSessionId, parseSessionRef } from '../../shared/ids';
import { encodeSessionRef } from '../../shared/uuid';
import { fail } from './validation';

/** Whether a session is a meeting or a webinar (the value of the Session Type parameters). */
export type SessionType = 'meeting' | 'webinar';

/** An ended session as read from its field: a numeric ID or an instance UUID. */
export interface SessionPathRef {
	kind: 'id' | 'uuid';
	/** The numeric ID or the UUID as given (UUID not encoded). */
	value: string;
	/** Ready for a URL path: the ID, or the UUID encoded once or twice (https://developers.zoom.us/docs/api/meetings/#tag/meetings/GET/past_meetings/{meetingUUID}). */
	segment: string;
}

const UUID_EXAMPLE = '4444AAAiAAAAAiAiAiiAii==';

/** The ID/UUID field of a resource's operations. */
export function sessionRefField(
	resource: string,
	operations: string[],
	options: { displayName: string; uuid?: boolean; description?: string },
): INodeProperties {
	const uuid = options.uuid ?? true;
	return {
		displayName: options.displayName,
		name: 'sessionId',
		type: 'string',
		default: '',
		required: true,
		placeholder: uuid ? `e.g. 85845671234 or ${UUID_EXAMPLE}` : 'e.g. 85845671234',
		hint: uuid
			? 'The numeric ID means the most recent ended session; an instance UUID (from Get Instances or a webhook) means that exact one'
			: 'The numeric ID, as printed ("858 4567 1234") or in the join URL',
		description:
			options.description ??
			(uuid
				? 'Numeric ID (spaces, dashes or a join URL are fine) or instance UUID'
				: 'Numeric ID (spaces, dashes or a join URL are fine)'),
		displayOptions: { show: { resource: [resource], operation: operations } },
	};
}

/** Reads and checks the `sessionId` field; a NodeOperationError naming the field and the expected form otherwise. */
export function readSessionRef(
	context: IExecuteFunctions,
	itemIndex: number,
	options: { label: string; uuid?: boolean },
): SessionPathRef {
	const raw = context.getNodeParameter('sessionId', itemIndex, '') as unknown;
	const allowUuid = options.uuid ?? true;
	const parsed = allowUuid ? parseSessionRef(raw) : parseSessionId(raw);
	if ('kind' in parsed) {
		const value = parsed.kind === 'id' ? parsed.id : parsed.uuid;
		return { kind: parsed.kind, value, segment: encodeSessionRef(value) };
	}
	if ('id' in parsed && parsed.id) return { kind: 'id', value: parsed.id, segment: parsed.id };
	const expected = allowUuid
		? `a numeric ID (85845671234, "858 4567 1234" or a join URL) or an instance UUID such as ${UUID_EXAMPLE}`
		: 'a numeric ID (85845671234, "858 4567 1234" or a join URL)';
	throw new NodeOperationError(
		context.getNode(),
		`The field "${options.label}" must be ${allowUuid ? 'a meeting/webinar ID or UUID' : 'a numeric meeting/webinar ID'}, not ${parsed.problem ?? 'this value'}`,
		{ itemIndex, description: `Enter ${expected} in "${options.label}" (item ${itemIndex}).` },
	);
}

/** The ID field of a meeting or webinar: a number, a pasted "858 4567 1234", or a join URL. */
export function sessionIdField(
	name: string,
	noun: string,
	displayOptions: INodeProperties['displayOptions'],
): INodeProperties {
	const Noun = noun[0].toUpperCase() + noun.slice(1);
	return {
		displayName: `${Noun} ID`,
		name,
		type: 'string',
		default: '',
		required: true,
		placeholder: noun === 'meeting' ? '85746065432' : '98765432101',
		hint: `The numeric ID, as Zoom shows it ("857 4606 5432"), or the ${noun}’s join URL`,
		description: `The ${noun} to act on`,
		displayOptions,
	};
}

/** A meeting/webinar ID from a parameter, or a NodeOperationError naming the field, before any call. */
export function readSessionId(
	context: IExecuteFunctions,
	name: string,
	noun: string,
	itemIndex: number,
): string {
	const parsed = parseSessionId(context.getNodeParameter(name, itemIndex, ''));
	if (parsed.id) return parsed.id;
	const Noun = noun[0].toUpperCase() + noun.slice(1);
	return fail(
		context,
		itemIndex,
		`The field "${Noun} ID" is not a ${noun} ID: ${parsed.problem}`,
		`Give the numeric ${noun} ID (85746065432, "857 4606 5432" or "857-4606-5432") or its join URL.`,
	);
}
