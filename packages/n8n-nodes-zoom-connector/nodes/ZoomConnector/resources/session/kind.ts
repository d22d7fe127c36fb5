/**
 * Meetings and webinars are the same Zoom resource with other type numbers, settings and paths, so their
 * operations are built in this folder from a `SessionKind`; meeting/ and webinar/ each describe their kind.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { SessionType } from '../../shared/ids';

/** What names a meeting or a webinar: resource, noun, Zoom's path segment and the ID parameter. */
export const SESSION_NAMES = {
	meeting: { resource: 'meeting', noun: 'meeting', path: 'meetings', idField: 'meetingId' },
	webinar: { resource: 'webinar', noun: 'webinar', path: 'webinars', idField: 'webinarId' },
} as const;

export type SessionNames = (typeof SESSION_NAMES)[SessionType];

export interface SessionKind {
	resource: SessionType;
	/** "meeting" / "webinar", for messages. */
	noun: string;
	/** Zoom's path segment: /meetings/{id}, /users/{userId}/meetings. */
	path: 'meetings' | 'webinars';
	idField: 'meetingId' | 'webinarId';
	/** The Type parameter (options and default), written out in the kind's file. */
	typeProperty: INodeProperties;
	/** Types that have a start time (scheduled, recurring with fixed time). */
	timedTypes: number[];
	/** The recurring type with a fixed time, which needs a recurrence rule. */
	recurringFixedType: number;
	listTypes: INodePropertyOptions[];
	/** Options of the Settings collection, sorted by display name. */
	settings: INodeProperties[];
	/** Options of Delete besides the occurrence ID, each named as Zoom's query parameter in camelCase. */
	deleteOptions: INodeProperties[];
}

type Show = { resource: string[]; operation: string[] } & Record<
	string,
	Array<string | number | boolean>
>;

export const show = (
	kind: SessionKind,
	operation: string,
	extra: Record<string, Array<string | number>> = {},
): Show => ({
	resource: [kind.resource],
	operation: [operation],
	...extra,
});
