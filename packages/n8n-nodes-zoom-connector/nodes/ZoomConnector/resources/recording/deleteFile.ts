import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordingRefField } from './files';
import { deleteActionField, deleteRecording, fileIdField } from './lifecycle';

export const description: INodeProperties[] = [
	...recordingRefField(['deleteFile']),
	fileIdField('deleteFile'),
	deleteActionField('deleteFile'),
];

/** Trashes or deletes one file of the recording; returns { deleted: true }. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await deleteRecording.call(this, itemIndex, true);
}
