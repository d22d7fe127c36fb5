import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordingRefField } from './files';
import { fileIdField, recoverRecording } from './lifecycle';

export const description: INodeProperties[] = [
	...recordingRefField(['recoverFile']),
	fileIdField('recoverFile'),
];

/** Brings one trashed file back; returns { success, id or uuid, fileId, action }. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await recoverRecording.call(this, itemIndex, true);
}
