/**
 * Trash, delete and recover cloud recordings, whole or one file (Rivet: deleteMeetingOrWebinarRecordings,
 * deleteRecordingFileForMeetingOrWebinar, recoverMeetingRecordings, recoverSingleRecording). Zoom keeps a
 * trashed recording 30 days, then deletes it; "delete" skips the trash and cannot be undone.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type {
	CloudRecordingDeleteMeetingOrWebinarRecordingsQueryParams,
	CloudRecordingRecoverMeetingRecordingsRequestBody,
} from '@zoom/rivet/meetings';

import { zoomApiRequest } from '../../../shared/transport';
import { requireText } from '../../shared/validation';
import { readSessionRef } from '../../shared/ids';
import { SESSION_LABEL } from './files';

export type DeleteAction = NonNullable<
	CloudRecordingDeleteMeetingOrWebinarRecordingsQueryParams['action']
>;

export function deleteActionField(operation: string): INodeProperties {
	return {
		displayName: 'Delete Action',
		name: 'deleteAction',
		type: 'options',
		options: [
			{
				name: 'Move to Trash',
				value: 'trash',
				description: 'Zoom keeps it 30 days; Recover brings it back',
			},
			{
				name: 'Delete Permanently',
				value: 'delete',
				description: 'Gone at once; cannot be recovered',
			},
		],
		default: 'trash',
		description: 'Whether to move the recording to Zoom’s trash or delete it for good',
		displayOptions: { show: { resource: ['recording'], operation: [operation] } },
	};
}

export function fileIdField(operation: string): INodeProperties {
	return {
		displayName: 'File ID',
		name: 'recordingFileId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 8e55c7c0-1e0c-4d1b-a3b2-0123456789ab',
		description:
			'The ID of one file of the recording, as Recording › Get lists it under recording_files',
		displayOptions: { show: { resource: ['recording'], operation: [operation] } },
	};
}

/** `/meetings/{id or UUID}/recordings[/{fileId}]` of the item, and what it names for the output. */
function target(context: IExecuteFunctions, itemIndex: number, withFile: boolean) {
	const ref = readSessionRef(context, itemIndex, { label: SESSION_LABEL });
	const fileId = withFile ? requireText(context, 'recordingFileId', itemIndex) : undefined;
	const path = `/meetings/${ref.segment}/recordings${fileId ? `/${encodeURIComponent(fileId)}` : ''}`;
	return {
		path,
		output: {
			[ref.kind === 'uuid' ? 'uuid' : 'id']: ref.kind === 'uuid' ? ref.value : Number(ref.value),
			...(fileId ? { fileId } : {}),
		},
	};
}

export async function deleteRecording(
	this: IExecuteFunctions,
	itemIndex: number,
	withFile: boolean,
): Promise<IDataObject> {
	const { path } = target(this, itemIndex, withFile);
	const action = this.getNodeParameter('deleteAction', itemIndex, 'trash') as DeleteAction;
	const qs: CloudRecordingDeleteMeetingOrWebinarRecordingsQueryParams = { action };
	await zoomApiRequest.call(this, 'DELETE', path, { qs: qs as IDataObject, itemIndex });
	// n8n's UX guideline: a Delete answers { deleted: true }, whether to the trash or for good.
	return { deleted: true };
}

export async function recoverRecording(
	this: IExecuteFunctions,
	itemIndex: number,
	withFile: boolean,
): Promise<IDataObject> {
	const { path, output } = target(this, itemIndex, withFile);
	const body: CloudRecordingRecoverMeetingRecordingsRequestBody = { action: 'recover' };
	await zoomApiRequest.call(this, 'PUT', `${path}/status`, {
		body: body as IDataObject,
		itemIndex,
	});
	return { success: true, ...output, action: 'recover' };
}
