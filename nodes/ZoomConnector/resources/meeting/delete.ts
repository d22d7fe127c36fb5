import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { MEETING } from './kind';
import { deleteDescription, deleteSession } from './session';

export const description = deleteDescription(MEETING);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await deleteSession.call(this, MEETING, itemIndex);
}
