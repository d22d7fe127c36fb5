/**
 * The fields that name a meeting or webinar, and their readers, checked before any call. Two shapes, one
 * per kind of target, each a `…Field` builder and a `read…` reader:
 * - `sessionIdField`/`readSessionId`: a scheduled meeting's or webinar's numeric ID, the kind known from
 *   the resource or the Session Type (parameter meetingId or webinarId): Meeting, Webinar, Registrant, Panelist;
 * - `sessionRefField`/`readSessionRef`: an ended session's numeric ID in any form people paste or, unless
 *   `uuid: false`, an instance UUID (parameter sessionId): Past Session, Report, Recording, Meeting Summary,
 *   Engagement; UUIDs leave here encoded for a path.
 * Each builder returns a resource locator (shared/locators.ts); each reader also takes a plain string (an
 * expression or an AI agent's value). An ended session may also name one instance (`instanceId`, picked
 * from the meeting's past instances), which wins over the meeting's ID.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { looksLikeUuid, parseSessionId, parseSessionRef } from '../../shared/ids';
import { encodeSessionRef } from '../../shared/uuid';
import { listAndIdModes, locatorProperty, locatorValue, sessionModes } from './locators';
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

/** Which list an ended session's locator loads: meetings, webinars, or as the Session Type says. */
export type EndedSessionList = 'meeting' | 'webinar' | 'sessionType';

const ENDED_LIST_METHOD: Record<EndedSessionList, string> = {
	meeting: 'searchEndedMeetings',
	webinar: 'searchEndedWebinars',
	sessionType: 'searchEndedSessions',
};

/**
 * The ID/UUID field of a resource's operations: the locator of the meeting or webinar and, unless
 * `uuid: false`, the Instance locator (one ended instance of it).
 */
export function sessionRefField(
	resource: string,
	operations: string[],
	options: {
		uuid?: boolean;
		list?: EndedSessionList;
		/** The Instance's hint, where an empty Instance does not mean the most recent one. */
		instanceHint?: string;
	} = {},
): INodeProperties[] {
	const uuid = options.uuid ?? true;
	const displayOptions = { show: { resource: [resource], operation: operations } };
	const list = options.list ?? 'sessionType';
	const noun = list === 'sessionType' ? 'meeting or webinar' : list;
	const session = locatorProperty({
		displayName:
			list === 'webinar' ? 'Webinar' : list === 'meeting' ? 'Meeting' : 'Meeting or Webinar',
		name: 'sessionId',
		required: true,
		description: `The ended ${noun}`,
		...sessionModes(
			ENDED_LIST_METHOD[list],
			list === 'webinar' ? 'webinar' : 'meeting',
			uuid,
			noun,
		),
		displayOptions,
	});
	if (!uuid) return [session];
	const instance = locatorProperty({
		displayName: 'Instance',
		name: 'instanceId',
		hint:
			options.instanceHint ??
			'Empty: the most recent ended instance. A recurring meeting has one per occurrence that took place.',
		description: `One ended instance of the ${noun}, by its UUID`,
		...listAndIdModes('searchPastInstances', 'Most recent (or choose an instance)…', {
			displayName: 'By UUID',
			placeholder: UUID_EXAMPLE,
		}),
		displayOptions,
	});
	return [session, instance];
}

/** Reads and checks the `sessionId` field; a NodeOperationError naming the field and the expected form otherwise. */
export function readSessionRef(
	context: IExecuteFunctions,
	itemIndex: number,
	options: { label: string; uuid?: boolean },
): SessionPathRef {
	const allowUuid = options.uuid ?? true;
	const instance = allowUuid ? readInstance(context, itemIndex) : '';
	if (instance) return { kind: 'uuid', value: instance, segment: encodeSessionRef(instance) };
	const raw = locatorValue(context.getNodeParameter('sessionId', itemIndex, ''));
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

/**
 * The ID field of a meeting or webinar: a locator listing the user's meetings or webinars, or taking
 * a number ("858 4567 1234" too) or a join URL.
 */
export function sessionIdField(
	name: string,
	noun: string,
	displayOptions: INodeProperties['displayOptions'],
): INodeProperties {
	const Noun = noun[0].toUpperCase() + noun.slice(1);
	return locatorProperty({
		displayName: Noun,
		name,
		required: true,
		description: `The ${noun} to act on`,
		...sessionModes(
			noun === 'webinar' ? 'searchWebinars' : 'searchMeetings',
			noun === 'webinar' ? 'webinar' : 'meeting',
			false,
		),
		displayOptions,
	});
}

/** A meeting/webinar ID from a parameter, or a NodeOperationError naming the field, before any call. */
export function readSessionId(
	context: IExecuteFunctions,
	name: string,
	noun: string,
	itemIndex: number,
): string {
	const parsed = parseSessionId(locatorValue(context.getNodeParameter(name, itemIndex, '')));
	if (parsed.id) return parsed.id;
	const Noun = noun[0].toUpperCase() + noun.slice(1);
	return fail(
		context,
		itemIndex,
		`The field "${Noun} ID" is not a ${noun} ID: ${parsed.problem}`,
		`Give the numeric ${noun} ID (85746065432, "857 4606 5432" or "857-4606-5432") or its join URL.`,
	);
}

/** The Instance locator's UUID, or '' when none is chosen. */
function readInstance(context: IExecuteFunctions, itemIndex: number): string {
	const value = locatorValue(context.getNodeParameter('instanceId', itemIndex, ''));
	const uuid = typeof value === 'string' ? value.trim() : '';
	if (!uuid || looksLikeUuid(uuid)) return uuid;
	return fail(
		context,
		itemIndex,
		`The field "Instance" is not an instance UUID: "${uuid.length > 60 ? `${uuid.slice(0, 57)}...` : uuid}"`,
		`Pick the instance from the list, give its UUID (such as ${UUID_EXAMPLE}), or leave it empty for the most recent one.`,
	);
}
