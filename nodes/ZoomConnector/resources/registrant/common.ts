/** What every registrant operation shares: the Session Type, the meeting/webinar ID, and the target path. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { MEETING } from '../meeting/kind';
import type { SessionKind } from '../meeting/session';
import { readSessionId, sessionIdProperty } from '../meeting/session';
import { WEBINAR } from '../webinar/kind';

export const sessionTargetProperties: INodeProperties[] = [
	{
		displayName: 'Session Type',
		name: 'sessionType',
		type: 'options',
		options: [
			{ name: 'Meeting', value: 'meeting' },
			{ name: 'Webinar', value: 'webinar' },
		],
		default: 'meeting',
		description: 'Whether the registrants belong to a meeting or a webinar',
		displayOptions: { show: { resource: ['registrant'] } },
	},
	...[MEETING, WEBINAR].map((kind) =>
		sessionIdProperty(kind.idField, kind.noun, { show: { resource: ['registrant'], sessionType: [kind.resource] } }),
	),
];

export interface SessionTarget {
	kind: SessionKind;
	id: string;
	/** /meetings/{id}/registrants or /webinars/{id}/registrants */
	path: string;
}

/** The chosen meeting or webinar, its ID checked before any call. */
export function readTarget(context: IExecuteFunctions, itemIndex: number): SessionTarget {
	const kind = context.getNodeParameter('sessionType', itemIndex, 'meeting') === 'webinar' ? WEBINAR : MEETING;
	const id = readSessionId(context, kind.idField, kind.noun, itemIndex);
	return { kind, id, path: `/${kind.path}/${id}/registrants` };
}
