/**
 * End a live meeting or webinar for everyone: PUT /meetings/{meetingId}/status or
 * PUT /webinars/{webinarId}/status with action "end" (Rivet: updateMeetingStatus, updateWebinarStatus).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type {
	MeetingsUpdateMeetingStatusRequestBody,
	WebinarsUpdateWebinarStatusRequestBody,
} from '@zoom/rivet/meetings';

import { zoomApiRequest } from '../../../shared/transport';
import { readSessionId, sessionIdField } from '../../shared/ids';
import type { SessionKind } from './kind';

export function endDescription(kind: SessionKind): INodeProperties[] {
	return [
		sessionIdField(kind.idField, kind.noun, {
			show: { resource: [kind.resource], operation: ['end'] },
		}),
	];
}

/** Ends the live session; returns { success, id, status: 'ended' }. */
export async function endSession(
	this: IExecuteFunctions,
	kind: SessionKind,
	itemIndex: number,
): Promise<IDataObject> {
	const id = readSessionId(this, kind.idField, kind.noun, itemIndex);
	const body: MeetingsUpdateMeetingStatusRequestBody & WebinarsUpdateWebinarStatusRequestBody = {
		action: 'end',
	};
	await zoomApiRequest.call(this, 'PUT', `/${kind.path}/${id}/status`, {
		body: body as IDataObject,
		itemIndex,
	});
	return { success: true, id: Number(id), status: 'ended' };
}
