/**
 * Participants: Fetch From Zoom. The node reads the ended meeting's or webinar's participant rows itself,
 * through the package's one transport and with the Zoom Connector's session locators, so its Zoom side
 * never has to come from another node. The rows are Zoom's own (one row per join, as Past Session › Get
 * Participants returns them), so the match's default field names fit them unchanged.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asNodeError } from '../shared/nodeError';
import {
	authenticationProperty,
	zoomApiCredentials,
	zoomApiRequestAllItems,
} from '../shared/transport';
import { readSessionRef, type SessionType } from '../ZoomConnector/shared/ids';
import { listAndIdModes, locatorProperty, sessionModes } from '../ZoomConnector/shared/locators';
import { readSessionInstance } from '../ZoomConnector/shared/participants';
import { pastBase, pastDetailsBase } from '../ZoomConnector/shared/pastPaths';

export type ParticipantsSource = 'input' | 'zoom';

const fromZoom = { show: { participantsSource: ['zoom'] } };

export const participantsSourceProperty: INodeProperties = {
	displayName: 'Participants',
	name: 'participantsSource',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'From Input',
			value: 'input',
			description:
				'Rows on the Participants input, e.g. from Past Session › Get Participants or the trigger',
		},
		{
			name: 'Fetch From Zoom',
			value: 'zoom',
			description:
				'This node reads the ended session’s participants from Zoom; the Participants input goes away',
		},
	],
	default: 'input',
};

/** Authentication, Session Type, the session and its instance: shown with Fetch From Zoom only. */
export const fetchProperties: INodeProperties[] = [
	{ ...authenticationProperty, displayOptions: fromZoom },
	{
		displayName: 'Session Type',
		name: 'sessionType',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Meeting', value: 'meeting' },
			{ name: 'Webinar', value: 'webinar' },
		],
		default: 'meeting',
		description: 'Whether the session is a meeting or a webinar',
		displayOptions: fromZoom,
	},
	locatorProperty({
		displayName: 'Meeting or Webinar',
		name: 'sessionId',
		required: true,
		description:
			'The ended meeting or webinar whose participants to read; its ID and topic go into sessionId and sessionTopic of every item',
		...sessionModes('searchEndedSessions', 'meeting', true, 'meeting or webinar'),
		displayOptions: fromZoom,
	}),
	locatorProperty({
		displayName: 'Instance',
		name: 'instanceId',
		hint: 'Empty: the most recent ended instance. A recurring meeting has one per occurrence that took place.',
		description: 'One ended instance of the meeting or webinar, by its UUID',
		...listAndIdModes('searchPastInstances', 'Most recent (or choose an instance)…', {
			displayName: 'By UUID',
			placeholder: '4444AAAiAAAAAiAiAiiAii==',
		}),
		displayOptions: fromZoom,
	}),
];

/** The Zoom credentials, asked for only with Fetch From Zoom. */
export const attendanceMatchCredentials = zoomApiCredentials.map((credential) => ({
	...credential,
	displayOptions: {
		show: { ...credential.displayOptions.show, participantsSource: ['zoom'] },
	},
}));

export function participantsSource(context: IExecuteFunctions): ParticipantsSource {
	return context.getNodeParameter('participantsSource', 0, 'input') === 'zoom' ? 'zoom' : 'input';
}

/** Zoom's participant rows of the configured session and the session's ID and topic as Zoom names them. */
export interface FetchedParticipants {
	rows: IDataObject[];
	session: { topic: string; id: string };
	type: SessionType;
}

/**
 * Reads the session's details (its UUID, ID and topic), then every participant row of that exact instance,
 * so the rows and the labels describe the same instance even if another one ends in between. Parameters
 * are read for item 0: the node matches one session per run. Zoom's errors (missing scope, session not
 * found) come back as NodeApiError with item 0.
 */
export async function fetchParticipants(context: IExecuteFunctions): Promise<FetchedParticipants> {
	const itemIndex = 0;
	const type = context.getNodeParameter('sessionType', itemIndex, 'meeting') as SessionType;
	const ref = readSessionRef(context, itemIndex, { label: 'Meeting or Webinar' });
	try {
		const { details, segment } = await readSessionInstance(
			context,
			itemIndex,
			pastDetailsBase(type),
			ref,
		);
		const rows = await zoomApiRequestAllItems.call(
			context,
			`${pastBase(type)}/${segment}/participants`,
			'participants',
			{ itemIndex },
		);
		const id = details.id ?? (ref.kind === 'id' ? ref.value : '');
		return { rows, session: { topic: String(details.topic ?? ''), id: String(id ?? '') }, type };
	} catch (error) {
		throw asNodeError(context.getNode(), error, itemIndex);
	}
}
