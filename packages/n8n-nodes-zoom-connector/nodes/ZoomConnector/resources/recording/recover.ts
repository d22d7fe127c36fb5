import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordingRefField } from './files';
import { recoverRecording } from './lifecycle';

export const description: INodeProperties[] = recordingRefField(['recover']);

/** Brings a trashed recording back (within Zoom's 30 days); returns { success, id or uuid, action }. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await recoverRecording.call(this, itemIndex, false);
}
