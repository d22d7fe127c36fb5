import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordingRefField } from './files';
import { deleteActionField, deleteRecording } from './lifecycle';

export const description: INodeProperties[] = [
	...recordingRefField(['deleteRecording']),
	deleteActionField('deleteRecording'),
];

/** Trashes or deletes every file of the recording; returns { deleted: true }. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await deleteRecording.call(this, itemIndex, false);
}
