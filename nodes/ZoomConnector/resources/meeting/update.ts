import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { MEETING } from './kind';
import { updateDescription, updateSession } from './session';

export const description = updateDescription(MEETING);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await updateSession.call(this, MEETING, itemIndex);
}
