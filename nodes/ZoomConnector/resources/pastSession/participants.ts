/**
 * Participant lists of an ended session (past participants and participant reports): one row per join
 * session, exactly as Zoom gives them (a rejoin is several rows), for the Zoom Attendance Match node.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zoomApiRequest, zoomApiRequestAllItems } from '../../../shared/transport';
import { encodeSessionRef } from '../../../shared/uuid';
import { returnAllOrLimit } from '../../descriptions';
import type { SessionPathRef } from './sessionRef';

/** Return All / Limit plus the Add Session Fields switch of a participant operation. */
export function participantListFields(resource: string, operation: string): INodeProperties[] {
	return [
		...returnAllOrLimit(resource, operation),
		{
			displayName: 'Add Session Fields',
			name: 'addSessionFields',
			type: 'boolean',
			default: true,
			description:
				'Whether to add sessionId, sessionUuid and sessionTopic to every row (one extra call to read the session); Zoom’s own fields stay as they are',
			displayOptions: { show: { resource: [resource], operation: [operation] } },
		},
	];
}

/** Return All, or the Limit, of a list operation. */
export function readLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll ? undefined : (context.getNodeParameter('limit', itemIndex, 50) as number);
}

/**
 * The rows of `${base}/{ref}/participants`. With session fields, the session is read first
 * (`${base}/{ref}`) and, for a numeric ID, its rows are then read by the UUID Zoom named, so the
 * rows and the session fields describe the same instance even if another one ends in between.
 */
export async function listParticipants(
	this: IExecuteFunctions,
	itemIndex: number,
	base: string,
	ref: SessionPathRef,
	qs: IDataObject = {},
): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const addSessionFields = this.getNodeParameter('addSessionFields', itemIndex, true) as boolean;
	let segment = ref.segment;
	let session: IDataObject | undefined;
	if (addSessionFields) {
		const details = await zoomApiRequest.call(this, 'GET', `${base}/${ref.segment}`, { itemIndex });
		session = { sessionId: details.id ?? null, sessionUuid: details.uuid ?? null, sessionTopic: details.topic ?? null };
		if (ref.kind === 'id' && typeof details.uuid === 'string' && details.uuid) segment = encodeSessionRef(details.uuid);
	}
	const rows = await zoomApiRequestAllItems.call(this, `${base}/${segment}/participants`, 'participants', {
		qs,
		limit,
		itemIndex,
	});
	return session ? rows.map((row) => ({ ...row, ...session })) : rows;
}
