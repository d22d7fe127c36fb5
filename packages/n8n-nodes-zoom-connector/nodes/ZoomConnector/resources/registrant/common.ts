/** What every registrant operation shares: the Session Type, the meeting/webinar ID, and the target path. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sessionTypeField } from '../../shared/descriptions';
import { readSessionId, sessionIdField } from '../../shared/ids';
import { SESSION_NAMES, type SessionNames } from '../session/kind';

export const sessionTargetProperties: INodeProperties[] = [
	sessionTypeField(
		{ show: { resource: ['registrant'] } },
		'Whether the registrants belong to a meeting or a webinar',
		true,
	),
	...[SESSION_NAMES.meeting, SESSION_NAMES.webinar].map((kind) =>
		sessionIdField(kind.idField, kind.noun, {
			show: { resource: ['registrant'], sessionType: [kind.resource] },
		}),
	),
];

export interface SessionTarget {
	kind: SessionNames;
	id: string;
	/** /meetings/{id}/registrants or /webinars/{id}/registrants */
	path: string;
}

/** The chosen meeting or webinar, its ID checked before any call. */
export function readTarget(context: IExecuteFunctions, itemIndex: number): SessionTarget {
	const kind =
		context.getNodeParameter('sessionType', itemIndex, 'meeting') === 'webinar'
			? SESSION_NAMES.webinar
			: SESSION_NAMES.meeting;
	const id = readSessionId(context, kind.idField, kind.noun, itemIndex);
	return { kind, id, path: `/${kind.path}/${id}/registrants` };
}
