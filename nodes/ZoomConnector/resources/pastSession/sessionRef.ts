/**
 * The meeting/webinar reference field shared by Past Session, Report and Recording: a numeric ID in any
 * form people paste, or an instance UUID. Checked before any call; UUIDs leave here encoded for a path.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseSessionId, parseSessionRef } from '../../../shared/ids';
import { encodeSessionRef } from '../../../shared/uuid';

export type SessionType = 'meeting' | 'webinar';

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
			(uuid ? 'Numeric ID (spaces, dashes or a join URL are fine) or instance UUID' : 'Numeric ID (spaces, dashes or a join URL are fine)'),
		displayOptions: { show: { resource: [resource], operation: operations } },
	};
}

/** Session Type selector (meeting or webinar). */
export function sessionTypeField(resource: string, operations: string[]): INodeProperties {
	return {
		displayName: 'Session Type',
		name: 'sessionType',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Meeting', value: 'meeting' },
			{ name: 'Webinar', value: 'webinar' },
		],
		default: 'meeting',
		description: 'Whether the ID names a meeting or a webinar',
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

/** Path root of an ended meeting's or webinar's instances and participants. */
export function pastBase(type: SessionType): string {
	return type === 'webinar' ? '/past_webinars' : '/past_meetings';
}

/**
 * Path root of an ended session's details. Zoom has GET /past_meetings/{meetingId} but no
 * /past_webinars/{webinarId}: a webinar's details are its report
 * (https://developers.zoom.us/docs/api/meetings/#tag/reports/GET/report/webinars/{webinarId}).
 */
export function pastDetailsBase(type: SessionType): string {
	return type === 'webinar' ? '/report/webinars' : '/past_meetings';
}
